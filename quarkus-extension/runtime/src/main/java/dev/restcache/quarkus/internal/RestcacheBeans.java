package dev.restcache.quarkus.internal;

import static java.lang.System.Logger.Level.INFO;

import dev.restcache.ResponseCache;
import dev.restcache.quarkus.RestcacheConfig;
import dev.restcache.spi.CacheStore;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Chooses restcache's runtime once, at startup, from {@code quarkus.restcache.enabled}, and gives
 * the application its {@link ResponseCache}.
 */
@Singleton
public class RestcacheBeans {
  private static final System.Logger LOG = System.getLogger("dev.restcache");

  // Every store through Instance: only the chosen one is created.
  @Produces
  @Singleton
  CacheRuntime runtime(
      RestcacheConfig config,
      Instance<CacheStore> applicationStore,
      @Any Instance<CacheStore> namedStores) {
    if (!config.enabled()) {
      LOG.log(INFO, "restcache: disabled");
      return new DisabledCacheRuntime();
    }
    return new EnabledCacheRuntime(config, ChosenStore.of(config, applicationStore, namedStores));
  }

  void close(@Disposes CacheRuntime runtime) {
    runtime.close();
  }

  /** The cache, for {@code @Inject ResponseCache}; a disabled cache evicts nothing. */
  @Produces
  @Singleton
  ResponseCache responseCache(CacheRuntime runtime) {
    return runtime.cache();
  }
}
