package dev.restcache.quarkus.internal;

import dev.restcache.memory.InMemoryCacheStore;
import dev.restcache.quarkus.RestcacheConfig;
import dev.restcache.spi.CacheStore;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.inject.Instance;
import java.util.Locale;

/**
 * The store restcache caches in, chosen once at startup, and whether closing it is restcache's job.
 * An application's own {@link CacheStore} bean comes first; then {@code quarkus.restcache.store}:
 * {@code memory}, or the name of a store bean another extension provides, qualified with {@link
 * Identifier} (the Hazelcast store of {@code quarkus-restcache-hazelcast} is
 * {@code @Identifier("hazelcast")}). This extension knows no store but its in-memory one: another
 * store reaches it only as such a bean.
 */
record ChosenStore(CacheStore store, boolean owned) {

  /**
   * @param applicationStore the application's {@link CacheStore} bean without a qualifier
   * @param namedStores every {@link CacheStore} bean, among which the one named by the
   *     configuration is looked up; created only when chosen
   * @throws IllegalStateException when no bean provides the configured store
   */
  static ChosenStore of(
      RestcacheConfig config,
      Instance<CacheStore> applicationStore,
      Instance<CacheStore> namedStores) {
    if (applicationStore.isResolvable()) {
      return new ChosenStore(applicationStore.get(), false);
    }
    String name = config.store().trim().toLowerCase(Locale.ROOT);
    if (name.equals(RestcacheConfig.MEMORY_STORE)) {
      return new ChosenStore(new InMemoryCacheStore(config.memory().maxSize().asLongValue()), true);
    }
    Instance<CacheStore> named = namedStores.select(Identifier.Literal.of(name));
    if (!named.isResolvable()) {
      throw new IllegalStateException(
          "quarkus.restcache.store="
              + config.store()
              + ": no extension of this application provides a store of that name. Use "
              + RestcacheConfig.MEMORY_STORE
              + ", or add the extension of that store "
              + "(for hazelcast: dev.restcache:quarkus-restcache-hazelcast)");
    }
    // The extension's bean closes its store when the application stops.
    return new ChosenStore(named.get(), false);
  }
}
