package dev.restcache.quarkus.app;

import com.hazelcast.core.HazelcastInstance;
import dev.restcache.hazelcast.HazelcastCacheStore;
import dev.restcache.spi.CacheStore;
import dev.restcache.testing.LoopbackMembers;
import dev.restcache.testing.LoopbackPorts;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;

/**
 * The application's own store, enabled by {@link EventLoopTest}'s profile: the Hazelcast store on a
 * loopback member, watched for calls from an event-loop thread.
 */
@Alternative
@Singleton
public class WatchedHazelcastStore {
  @Produces
  @Singleton
  HazelcastInstance member() {
    int port = LoopbackPorts.free();
    return LoopbackMembers.start("restcache-eventloop-" + UUID.randomUUID(), port, List.of(port));
  }

  @Produces
  @Singleton
  CacheStore store(HazelcastInstance member) {
    return new ThreadWatchingStore(new HazelcastCacheStore(member));
  }

  void stop(@Disposes HazelcastInstance member) {
    member.getLifecycleService().terminate();
  }
}
