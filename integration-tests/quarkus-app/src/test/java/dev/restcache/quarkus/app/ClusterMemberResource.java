package dev.restcache.quarkus.app;

import com.hazelcast.core.HazelcastInstance;
import dev.restcache.testing.LoopbackMembers;
import dev.restcache.testing.LoopbackPorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A Hazelcast member on 127.0.0.1, started before the application connects to it. */
public class ClusterMemberResource implements QuarkusTestResourceLifecycleManager {
  private HazelcastInstance member;

  @Override
  public Map<String, String> start() {
    String cluster = "restcache-client-" + UUID.randomUUID();
    int port = LoopbackPorts.free();
    member = LoopbackMembers.start(cluster, port, List.of(port));
    return Map.of(
        "quarkus.restcache.store",
        "hazelcast",
        "quarkus.restcache.hazelcast.mode",
        "client",
        "quarkus.restcache.hazelcast.cluster-name",
        cluster,
        "quarkus.restcache.hazelcast.members",
        "127.0.0.1:" + port);
  }

  @Override
  public void stop() {
    member.getLifecycleService().terminate();
  }
}
