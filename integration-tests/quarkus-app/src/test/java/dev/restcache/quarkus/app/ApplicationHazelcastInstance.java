package dev.restcache.quarkus.app;

import com.hazelcast.core.HazelcastInstance;
import dev.restcache.testing.LoopbackMembers;
import dev.restcache.testing.LoopbackPorts;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;

/**
 * The application's own Hazelcast member, enabled by {@link ApplicationInstanceTest}'s profile, as
 * an application that already uses Hazelcast for other things would have one.
 */
@Alternative
@Singleton
public class ApplicationHazelcastInstance {
  @Produces
  @Singleton
  HazelcastInstance member() {
    int port = LoopbackPorts.free();
    return LoopbackMembers.start("restcache-app-" + UUID.randomUUID(), port, List.of(port));
  }

  void stop(@Disposes HazelcastInstance member) {
    member.getLifecycleService().terminate();
  }
}
