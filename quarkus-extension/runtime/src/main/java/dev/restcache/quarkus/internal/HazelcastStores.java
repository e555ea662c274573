package dev.restcache.quarkus.internal;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.ClientConnectionStrategyConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.restcache.hazelcast.HazelcastCacheStore;
import dev.restcache.quarkus.RestcacheConfig;
import dev.restcache.spi.CacheStore;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Opens the Hazelcast store: on the application's own {@link HazelcastInstance} bean when it has
 * one, otherwise on a member or client started from the configuration.
 */
@Singleton
public class HazelcastStores {
  private final Instance<HazelcastInstance> applicationInstance;

  HazelcastStores(Instance<HazelcastInstance> applicationInstance) {
    this.applicationInstance = applicationInstance;
  }

  /** A store, and whether closing it is restcache's job. */
  record Opened(CacheStore store, boolean owned) {
  }

  Opened open(RestcacheConfig.Hazelcast config) {
    if (applicationInstance.isResolvable()) {
      return new Opened(new HazelcastCacheStore(applicationInstance.get(), config.mapName()),
          false);
    }
    HazelcastInstance started = config.mode() == RestcacheConfig.HazelcastMode.CLIENT
        ? HazelcastClient.newHazelcastClient(clientConfig(config))
        : Hazelcast.newHazelcastInstance(memberConfig(config));
    return new Opened(HazelcastCacheStore.owning(started, config.mapName()), true);
  }

  private static Config memberConfig(RestcacheConfig.Hazelcast config) {
    Config member = new Config().setClusterName(config.clusterName());
    member.setProperty("hazelcast.phone.home.enabled", "false");
    // Quarkus shuts the member down with the application.
    member.setProperty("hazelcast.shutdownhook.enabled", "false");
    member.getNetworkConfig().setPort(config.port()).setPortAutoIncrement(false);
    config.bindAddress().ifPresent(address ->
        member.getNetworkConfig().getInterfaces().setEnabled(true).addInterface(address));
    JoinConfig join = member.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(config.members().orElse(List.of()));
    return HazelcastCacheStore.configure(member, config.mapName(),
        HazelcastCacheStore.DEFAULT_MAX_ENTRIES_PER_NODE, config.nearCache());
  }

  private static ClientConfig clientConfig(RestcacheConfig.Hazelcast config) {
    ClientConfig client = new ClientConfig().setClusterName(config.clusterName());
    client.setProperty("hazelcast.phone.home.enabled", "false");
    client.setProperty("hazelcast.shutdownhook.enabled", "false");
    client.getNetworkConfig().setAddresses(config.members().orElse(List.of("127.0.0.1:5701")));
    // Reconnects by itself; while the cluster is away, calls fail at once and requests are
    // served without the cache.
    client.getConnectionStrategyConfig()
        .setReconnectMode(ClientConnectionStrategyConfig.ReconnectMode.ASYNC)
        .getConnectionRetryConfig().setClusterConnectTimeoutMillis(-1);
    if (config.nearCache()) {
      client.addNearCacheConfig(HazelcastCacheStore.nearCacheConfig(config.mapName()));
    }
    return client;
  }
}
