package dev.restcache.quarkus.internal;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.restcache.hazelcast.HazelcastCacheStore;
import dev.restcache.hazelcast.HazelcastSetup;
import dev.restcache.quarkus.RestcacheConfig;
import dev.restcache.spi.CacheStore;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.function.BiConsumer;

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
    Config member = HazelcastSetup.memberConfig(config.clusterName(),
        config.members().orElse(List.of()), config.port(), config.mapName(), config.nearCache());
    withoutPhoneHomeOrShutdownHook(member::setProperty);
    config.bindAddress().ifPresent(address ->
        member.getNetworkConfig().getInterfaces().setEnabled(true).addInterface(address));
    return member;
  }

  private static ClientConfig clientConfig(RestcacheConfig.Hazelcast config) {
    ClientConfig client = HazelcastSetup.clientConfig(config.clusterName(),
        config.members().orElse(List.of("127.0.0.1:5701")), config.mapName(),
        config.nearCache());
    withoutPhoneHomeOrShutdownHook(client::setProperty);
    return client;
  }

  // Quarkus shuts the instance down with the application; nothing is reported to Hazelcast.
  private static void withoutPhoneHomeOrShutdownHook(BiConsumer<String, String> property) {
    property.accept("hazelcast.phone.home.enabled", "false");
    property.accept("hazelcast.shutdownhook.enabled", "false");
  }
}
