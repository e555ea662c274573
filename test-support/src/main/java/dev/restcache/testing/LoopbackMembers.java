package dev.restcache.testing;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.restcache.hazelcast.HazelcastCacheStore;
import dev.restcache.hazelcast.HazelcastSetup;
import java.util.List;

/**
 * Hazelcast members that talk over 127.0.0.1 only: bound to it, multicast and auto-detection off,
 * joining by TCP/IP with every member listed by port, no phone-home, no shutdown hook (whoever
 * starts a member shuts it down), with restcache's map configuration.
 */
public final class LoopbackMembers {
  private LoopbackMembers() {}

  /** The configuration of a member of {@code cluster} on {@code port}, among {@code ports}. */
  public static Config config(String cluster, int port, List<Integer> ports, boolean nearCache) {
    Config config =
        HazelcastSetup.memberConfig(
            cluster,
            ports.stream().map(p -> "127.0.0.1:" + p).toList(),
            port,
            HazelcastCacheStore.DEFAULT_MAP_NAME,
            nearCache);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    config.setProperty("hazelcast.max.wait.seconds.before.join", "0");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    return config;
  }

  /** Starts a member of {@code cluster} on {@code port}, among {@code ports}, no near cache. */
  public static HazelcastInstance start(String cluster, int port, List<Integer> ports) {
    return Hazelcast.newHazelcastInstance(config(cluster, port, ports, false));
  }
}
