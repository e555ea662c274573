package dev.restcache.quarkus.internal;

import dev.restcache.CacheStats;
import dev.restcache.ResponseCache;
import dev.restcache.memory.InMemoryCacheStore;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;
import java.util.function.ToLongFunction;

/**
 * The cache's counters as Micrometer meters, {@code restcache.*}; a bean only when the application
 * has {@code quarkus-micrometer}, which binds every {@link MeterBinder} bean. The same meters as
 * {@code restcache-micrometer}'s, without depending on it: an optional dependency of an extension's
 * runtime does not reach the application, and a required one would put Micrometer on the class path
 * of every application.
 */
@Singleton
public class CacheMetrics implements MeterBinder {
  private final CacheRuntime runtime;

  CacheMetrics(CacheRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    if (!(runtime instanceof EnabledCacheRuntime enabled)) {
      return;
    }
    ResponseCache cache = enabled.cache();
    counter(
        registry, cache, "restcache.hits", "Requests answered from the cache", CacheStats::hits);
    counter(
        registry,
        cache,
        "restcache.misses",
        "Cacheable requests that ran the resource",
        CacheStats::misses);
    counter(
        registry, cache, "restcache.stores", "Responses written to the store", CacheStats::stores);
    for (String reason : cache.stats().notStoredByReason().keySet()) {
      FunctionCounter.builder(
              "restcache.not.stored",
              cache,
              c -> c.stats().notStoredByReason().getOrDefault(reason, 0L))
          .description("Responses to cacheable requests that were not stored, by reason")
          .tag("reason", reason)
          .register(registry);
    }
    counter(
        registry,
        cache,
        "restcache.invalidations",
        "Evictions asked for by writes, @Invalidates and the API",
        CacheStats::invalidations);
    counter(
        registry,
        cache,
        "restcache.store.errors",
        "Store operations that failed or timed out",
        CacheStats::storeErrors);
    if (enabled.store() instanceof InMemoryCacheStore memory) {
      FunctionCounter.builder("restcache.evictions", memory, InMemoryCacheStore::evictionCount)
          .description("Entries removed to keep the in-memory store within its size")
          .register(registry);
      Gauge.builder("restcache.size", memory, store -> store.weightedSize())
          .description("Bytes held by the in-memory store")
          .baseUnit("bytes")
          .register(registry);
      Gauge.builder("restcache.entries", memory, store -> store.size())
          .description("Entries held by the in-memory store")
          .register(registry);
    }
  }

  private static void counter(
      MeterRegistry registry,
      ResponseCache cache,
      String name,
      String description,
      ToLongFunction<CacheStats> counter) {
    FunctionCounter.builder(name, cache, c -> counter.applyAsLong(c.stats()))
        .description(description)
        .register(registry);
  }
}
