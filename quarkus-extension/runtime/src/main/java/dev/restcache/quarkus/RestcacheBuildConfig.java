package dev.restcache.quarkus;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * restcache's configuration fixed when the application is built, under {@code quarkus.restcache}.
 */
@ConfigMapping(prefix = "quarkus.restcache")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface RestcacheBuildConfig {

  /**
   * The priority of the request filter that answers from the cache. Every request filter of the
   * application with a lower priority runs before a hit; by default all of them do. Lower it only
   * below filters that may be skipped on a hit, never below one that authenticates or authorises.
   */
  @WithDefault("2147483647")
  int lookupPriority();

  /**
   * Whether a stale-while-revalidate refresh runs in the background, through Quarkus's in-process
   * virtual HTTP channel, so that the request that finds an entry stale is answered from it at
   * once. Turn it off in an application that runs as an AWS Lambda or Azure Function, whose adapter
   * asks for that channel itself; the request that finds an entry stale then refreshes it and
   * waits.
   */
  @WithDefault("true")
  boolean backgroundRefresh();
}
