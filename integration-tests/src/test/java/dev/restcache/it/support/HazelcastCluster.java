package dev.restcache.it.support;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.ClientConnectionStrategyConfig;
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
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Real Hazelcast members on 127.0.0.1 (multicast off, TCP-IP join listing every member by port,
 * a cluster name of their own), shut down after each test.
 */
public final class HazelcastCluster implements AfterEachCallback {
  public static final String MAP = "restcache";

  private final List<HazelcastInstance> instances = new ArrayList<>();
  private final List<Integer> ports = new ArrayList<>();
  private final String clusterName = "restcache-test-" + UUID.randomUUID();

  /** Starts {@code count} members, with or without a near cache on each. */
  public List<HazelcastInstance> startMembers(int count, boolean nearCache) {
    for (int i = 0; i < count; i++) {
      ports.add(freePort());
    }
    List<HazelcastInstance> members = new ArrayList<>();
    for (int port : ports) {
      members.add(restartMember(port, nearCache));
    }
    return members;
  }

  /** Starts a member on {@code port}, one of the cluster's, again. */
  public HazelcastInstance restartMember(int port, boolean nearCache) {
    return track(Hazelcast.newHazelcastInstance(memberConfig(port, nearCache)));
  }

  /** The members' ports. */
  public List<Integer> ports() {
    return List.copyOf(ports);
  }

  /** The cluster's name. */
  public String name() {
    return clusterName;
  }

  /** A client of the members started so far; it reconnects by itself and fails fast offline. */
  public HazelcastInstance startClient() {
    ClientConfig config = new ClientConfig().setClusterName(clusterName);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    ports.forEach(port -> config.getNetworkConfig().addAddress("127.0.0.1:" + port));
    config.getConnectionStrategyConfig()
        .setReconnectMode(ClientConnectionStrategyConfig.ReconnectMode.ASYNC)
        .getConnectionRetryConfig().setClusterConnectTimeoutMillis(-1);
    return track(HazelcastClient.newHazelcastClient(config));
  }

  private HazelcastInstance track(HazelcastInstance instance) {
    instances.add(instance);
    return instance;
  }

  private Config memberConfig(int port, boolean nearCache) {
    Config config = new Config().setClusterName(clusterName);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.partition.count", "23");
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    config.setProperty("hazelcast.max.wait.seconds.before.join", "0");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
    config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    JoinConfig join = config.getNetworkConfig().getJoin();
    join.getAutoDetectionConfig().setEnabled(false);
    join.getMulticastConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true);
    ports.forEach(p -> join.getTcpIpConfig().addMember("127.0.0.1:" + p));
    return HazelcastCacheStore.configure(config, MAP,
        HazelcastCacheStore.DEFAULT_MAX_ENTRIES_PER_NODE, nearCache);
  }

  // Below Linux's ephemeral range (32768 and up): all of a cluster's ports are chosen before
  // its first member starts, and an ephemeral port could meanwhile be taken by the outgoing
  // connection of a member started earlier, which failed a run with "port already in use".
  private static int freePort() {
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = 20_000 + ThreadLocalRandom.current().nextInt(12_000);
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      } catch (IOException taken) {
        // Try another.
      }
    }
    throw new IllegalStateException("no free port between 20000 and 32000 on 127.0.0.1");
  }

  @Override
  public void afterEach(ExtensionContext context) {
    instances.forEach(instance -> {
      try {
        instance.getLifecycleService().terminate();
      } catch (RuntimeException alreadyDown) {
        // nothing to stop
      }
    });
    instances.clear();
  }
}
