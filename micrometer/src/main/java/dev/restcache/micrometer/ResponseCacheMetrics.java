package dev.restcache.micrometer;

import dev.restcache.CacheStats;
import dev.restcache.ResponseCache;
import dev.restcache.memory.InMemoryCacheStore;
import dev.restcache.spi.CacheStore;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * A response cache's counters as Micrometer meters, the same the Quarkus extension publishes:
 *
 * <ul>
 *   <li>{@code restcache.hits}, {@code restcache.misses}, {@code restcache.stores}, {@code
 *       restcache.invalidations}, {@code restcache.store.errors}: counters, as in {@link
 *       CacheStats};
 *   <li>{@code restcache.not.stored}: a counter per reason, tagged {@code reason} with the word
 *       {@code Cache-Status} uses ({@code private}, {@code set-cookie}, {@code too-large}, ...);
 *   <li>with an {@link InMemoryCacheStore}: {@code restcache.evictions} (a counter), {@code
 *       restcache.size} (bytes) and {@code restcache.entries} (gauges).
 * </ul>
 *
 * <p>Bind it once the feature is built; wrap the store in a {@link TimedCacheStore} for the timer
 * of store calls:
 *
 * <pre>{@code
 * CacheStore store = new TimedCacheStore(new InMemoryCacheStore(), registry);
 * ResponseCacheFeature feature = ResponseCacheFeature.builder().store(store).build();
 * new ResponseCacheMetrics(feature.cache(), store).bindTo(registry);
 * }</pre>
 *
 * <p>The meters read the cache's counters when the registry asks, so they cost nothing per request.
 * They hold the cache and the store weakly, as Micrometer's function meters do: keep the feature
 * referenced for as long as it serves.
 */
public final class ResponseCacheMetrics implements MeterBinder {
  private final ResponseCache cache;
  private final InMemoryCacheStore memory;
  private final Tags tags;

  /**
   * The meters of {@code cache}, without those of its store.
   *
   * @param cache the cache, from {@code ResponseCacheFeature.cache()}
   */
  public ResponseCacheMetrics(ResponseCache cache) {
    this(cache, null, Tags.empty());
  }

  /**
   * The meters of {@code cache} and, when it is an {@link InMemoryCacheStore} (or a {@link
   * TimedCacheStore} around one), of its store.
   *
   * @param cache the cache, from {@code ResponseCacheFeature.cache()}
   * @param store the store given to the feature, or null
   */
  public ResponseCacheMetrics(ResponseCache cache, CacheStore store) {
    this(cache, store, Tags.empty());
  }

  /**
   * The meters of {@code cache} and its store, with {@code tags} on every meter, to tell several
   * caches apart in one registry.
   *
   * @param cache the cache, from {@code ResponseCacheFeature.cache()}
   * @param store the store given to the feature, or null
   * @param tags tags added to every meter
   */
  public ResponseCacheMetrics(ResponseCache cache, CacheStore store, Iterable<Tag> tags) {
    this.cache = Objects.requireNonNull(cache, "cache");
    this.memory = inMemory(store);
    this.tags = Tags.of(tags);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    counter(registry, "restcache.hits", "Requests answered from the cache", CacheStats::hits);
    counter(
        registry,
        "restcache.misses",
        "Cacheable requests that ran the resource",
        CacheStats::misses);
    counter(registry, "restcache.stores", "Responses written to the store", CacheStats::stores);
    counter(
        registry,
        "restcache.invalidations",
        "Evictions asked for by writes, @Invalidates and the API",
        CacheStats::invalidations);
    counter(
        registry,
        "restcache.store.errors",
        "Store operations that failed or timed out",
        CacheStats::storeErrors);
    for (String reason : cache.stats().notStoredByReason().keySet()) {
      FunctionCounter.builder(
              "restcache.not.stored",
              cache,
              c -> c.stats().notStoredByReason().getOrDefault(reason, 0L))
          .description("Responses to cacheable requests that were not stored, by reason")
          .tags(tags)
          .tag("reason", reason)
          .register(registry);
    }
    if (memory != null) {
      FunctionCounter.builder("restcache.evictions", memory, InMemoryCacheStore::evictionCount)
          .description("Entries removed to keep the in-memory store within its size")
          .tags(tags)
          .register(registry);
      Gauge.builder("restcache.size", memory, InMemoryCacheStore::weightedSize)
          .description("Bytes held by the in-memory store")
          .baseUnit("bytes")
          .tags(tags)
          .register(registry);
      Gauge.builder("restcache.entries", memory, InMemoryCacheStore::size)
          .description("Entries held by the in-memory store")
          .tags(tags)
          .register(registry);
    }
  }

  private void counter(
      MeterRegistry registry, String name, String description, ToLongFunction<CacheStats> count) {
    FunctionCounter.builder(name, cache, c -> count.applyAsLong(c.stats()))
        .description(description)
        .tags(tags)
        .register(registry);
  }

  private static InMemoryCacheStore inMemory(CacheStore store) {
    CacheStore unwrapped = store instanceof TimedCacheStore timed ? timed.delegate() : store;
    return unwrapped instanceof InMemoryCacheStore memory ? memory : null;
  }
}
