package dev.restcache.bench;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.restcache.hazelcast.HazelcastCacheStore;
import dev.restcache.testing.LoopbackMembers;
import dev.restcache.testing.LoopbackPorts;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Hazelcast members on 127.0.0.1 in this JVM: multicast off, TCP/IP join, a unique name. */
final class LoopbackCluster implements AutoCloseable {
  static final String MAP = HazelcastCacheStore.DEFAULT_MAP_NAME;

  final List<HazelcastInstance> members = new ArrayList<>();

  LoopbackCluster(int size, boolean nearCache) {
    String name = "restcache-bench-" + UUID.randomUUID();
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      ports.add(freePort());
    }
    for (int port : ports) {
      Config config = LoopbackMembers.config(name, port, ports, nearCache);
      config.setProperty("hazelcast.logging.type", "none");
      members.add(Hazelcast.newHazelcastInstance(config));
    }
  }

  static int freePort() {
    return LoopbackPorts.free();
  }

  @Override
  public void close() {
    members.forEach(HazelcastInstance::shutdown);
  }
}
