package dev.restcache.bench;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.restcache.hazelcast.HazelcastCacheStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
      Config config = new Config().setClusterName(name);
      config.setProperty("hazelcast.phone.home.enabled", "false");
      config.setProperty("hazelcast.wait.seconds.before.join", "0");
      config.setProperty("hazelcast.max.wait.seconds.before.join", "0");
      config.setProperty("hazelcast.shutdownhook.enabled", "false");
      config.setProperty("hazelcast.logging.type", "none");
      config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
      config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
      JoinConfig join = config.getNetworkConfig().getJoin();
      join.getAutoDetectionConfig().setEnabled(false);
      join.getMulticastConfig().setEnabled(false);
      join.getTcpIpConfig().setEnabled(true);
      ports.forEach(p -> join.getTcpIpConfig().addMember("127.0.0.1:" + p));
      members.add(Hazelcast.newHazelcastInstance(HazelcastCacheStore.configure(config, MAP,
          HazelcastCacheStore.DEFAULT_MAX_ENTRIES_PER_NODE, nearCache)));
    }
  }

  /** A member that does not own {@code key}'s partition. */
  HazelcastInstance nonOwnerOf(String key) {
    var owner = members.get(0).getPartitionService().getPartition(key).getOwner();
    return members.stream().filter(m -> !m.getCluster().getLocalMember().equals(owner))
        .findFirst().orElseThrow();
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    members.forEach(HazelcastInstance::shutdown);
  }
}
