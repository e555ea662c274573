package dev.restcache.it.support;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.ClientConnectionStrategyConfig;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.restcache.hazelcast.HazelcastCacheStore;
import dev.restcache.testing.LoopbackMembers;
import dev.restcache.testing.LoopbackPorts;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Real Hazelcast members on 127.0.0.1 (multicast off, TCP-IP join listing every member by port, a
 * cluster name of their own), shut down after each test.
 */
public final class HazelcastCluster implements AfterEachCallback {
  public static final String MAP = HazelcastCacheStore.DEFAULT_MAP_NAME;

  private final List<HazelcastInstance> instances = new ArrayList<>();
  private final List<Integer> ports = new ArrayList<>();
  private final String clusterName = "restcache-test-" + UUID.randomUUID();

  /** Starts {@code count} members, with or without a near cache on each. */
  public List<HazelcastInstance> startMembers(int count, boolean nearCache) {
    for (int i = 0; i < count; i++) {
      ports.add(LoopbackPorts.free());
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
    config
        .getConnectionStrategyConfig()
        .setReconnectMode(ClientConnectionStrategyConfig.ReconnectMode.ASYNC)
        .getConnectionRetryConfig()
        .setClusterConnectTimeoutMillis(-1);
    return track(HazelcastClient.newHazelcastClient(config));
  }

  private HazelcastInstance track(HazelcastInstance instance) {
    instances.add(instance);
    return instance;
  }

  private Config memberConfig(int port, boolean nearCache) {
    Config config = LoopbackMembers.config(clusterName, port, ports, nearCache);
    // Fewer partitions than the default 271 start a test cluster faster.
    config.setProperty("hazelcast.partition.count", "23");
    return config;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    instances.forEach(
        instance -> {
          try {
            instance.getLifecycleService().terminate();
          } catch (RuntimeException alreadyDown) {
            // nothing to stop
          }
        });
    instances.clear();
  }
}
