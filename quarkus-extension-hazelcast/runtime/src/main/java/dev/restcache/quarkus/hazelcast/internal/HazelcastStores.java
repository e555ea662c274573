package dev.restcache.quarkus.hazelcast.internal;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.restcache.hazelcast.HazelcastCacheStore;
import dev.restcache.hazelcast.HazelcastSetup;
import dev.restcache.quarkus.hazelcast.RestcacheHazelcastConfig;
import dev.restcache.spi.CacheStore;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Provides the Hazelcast store to {@code quarkus-restcache}, as the {@link CacheStore} bean
 * {@code @Identifier("hazelcast")} that {@code quarkus.restcache.store=hazelcast} names: on the
 * application's own {@link HazelcastInstance} bean when it has one, otherwise on a member or client
 * started from the configuration. Created only when that store is chosen.
 */
@Singleton
public class HazelcastStores {
  /** The store's name, for {@code quarkus.restcache.store}. */
  public static final String NAME = "hazelcast";

  @Produces
  @Singleton
  @Identifier(NAME)
  CacheStore store(
      RestcacheHazelcastConfig config, Instance<HazelcastInstance> applicationInstance) {
    boolean owning = !applicationInstance.isResolvable();
    HazelcastInstance instance;
    if (!owning) {
      instance = applicationInstance.get();
    } else if (config.mode() == RestcacheHazelcastConfig.Mode.CLIENT) {
      instance = HazelcastClient.newHazelcastClient(clientConfig(config));
    } else {
      instance = Hazelcast.newHazelcastInstance(memberConfig(config));
    }
    return HazelcastCacheStore.builder(instance)
        .mapName(config.mapName())
        .owningInstance(owning)
        .reuseReadsFor(config.reuseReadsFor())
        .build();
  }

  // Shuts down only an instance the store started; the application's own stays up.
  void close(@Disposes @Identifier(NAME) CacheStore store) {
    store.close();
  }

  private static Config memberConfig(RestcacheHazelcastConfig config) {
    Config member =
        HazelcastSetup.memberConfig(
            config.clusterName(),
            config.members().orElse(List.of()),
            config.port(),
            config.mapName(),
            config.nearCache());
    withoutPhoneHomeOrShutdownHook(member::setProperty);
    config
        .bindAddress()
        .ifPresent(
            address ->
                member.getNetworkConfig().getInterfaces().setEnabled(true).addInterface(address));
    return member;
  }

  private static ClientConfig clientConfig(RestcacheHazelcastConfig config) {
    ClientConfig client =
        HazelcastSetup.clientConfig(
            config.clusterName(),
            config.members().orElse(List.of("127.0.0.1:5701")),
            config.mapName(),
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
