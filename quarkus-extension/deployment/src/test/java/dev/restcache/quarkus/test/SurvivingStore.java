package dev.restcache.quarkus.test;

import dev.restcache.memory.InMemoryCacheStore;
import dev.restcache.spi.CacheStore;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * An application store that outlives a restart of the application, as a Hazelcast cluster or any
 * remote store does: held by the JVM, not by the application's class loader.
 */
@Singleton
public class SurvivingStore {
  static final String PROPERTY = "restcache.test.surviving-store";

  @Produces
  @Singleton
  CacheStore store() {
    return (CacheStore)
        System.getProperties()
            .computeIfAbsent(PROPERTY, name -> new InMemoryCacheStore(1024 * 1024));
  }
}
