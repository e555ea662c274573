package dev.restcache.memory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.restcache.spi.CacheEntry;
import dev.restcache.spi.CacheStore;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link CacheStore} in this JVM's heap, bounded by bytes, on Caffeine.
 *
 * <p>Each entry weighs its key, payload, path and tags plus a fixed overhead, so {@code maxBytes}
 * bounds the memory the cache holds rather than its entry count; when full, Caffeine's W-TinyLFU
 * policy chooses what to evict. Entries expire at their {@link CacheEntry#expiresAt()}. Path and
 * tag invalidation use indexes rather than scanning.
 *
 * <p>Reads take no lock. Writes, invalidations and index maintenance share one lock, which is what
 * makes a put atomic with respect to invalidation (see {@link CacheStore}).
 */
public final class InMemoryCacheStore implements CacheStore {

  /** The default bound: 64 MiB. */
  public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

  // Object headers, the node, the CacheEntry and its collections: measured roughly, rounded up.
  private static final int ENTRY_OVERHEAD_BYTES = 256;
  // Beyond this many remembered path generations, one store-wide generation replaces them all.
  private static final int MAX_PATH_GENERATIONS = 100_000;

  private final Clock clock;
  private final Cache<String, CacheEntry> entries;
  private final Map<String, Set<String>> keysByPath = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> keysByTag = new ConcurrentHashMap<>();
  private final Map<String, Long> pathGenerations = new ConcurrentHashMap<>();
  private final ReentrantLock writeLock = new ReentrantLock();
  private final LongAdder evictions = new LongAdder();
  private long sequence;
  private volatile long storeGeneration;

  /** A store bounded by {@link #DEFAULT_MAX_BYTES}. */
  public InMemoryCacheStore() {
    this(DEFAULT_MAX_BYTES);
  }

  /**
   * A store holding at most about {@code maxBytes} of entries.
   *
   * @param maxBytes the bound, more than zero
   */
  public InMemoryCacheStore(long maxBytes) {
    this(maxBytes, Clock.systemUTC());
  }

  /**
   * A store holding at most about {@code maxBytes}, expiring entries by {@code clock}.
   *
   * @param maxBytes the bound, more than zero
   * @param clock the clock entries expire by
   */
  public InMemoryCacheStore(long maxBytes, Clock clock) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
    }
    this.clock = clock;
    this.entries =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher((String key, CacheEntry entry) -> weigh(key, entry))
            .expireAfter(new ExpiresAt())
            .ticker(clockTicker(clock))
            .removalListener(
                (String key, CacheEntry entry, RemovalCause cause) -> {
                  if (cause == RemovalCause.SIZE) {
                    evictions.increment();
                  }
                  if (key != null && entry != null) {
                    unindex(key, entry);
                  }
                })
            .build();
  }

  @Override
  public CompletionStage<Optional<CacheEntry>> get(String key) {
    return CompletableFuture.completedFuture(Optional.ofNullable(entries.getIfPresent(key)));
  }

  @Override
  public CompletionStage<Long> generation(String path) {
    return CompletableFuture.completedFuture(currentGeneration(path));
  }

  @Override
  public CompletionStage<Boolean> put(String key, CacheEntry entry, long generation) {
    writeLock.lock();
    try {
      if (currentGeneration(entry.path()) != generation) {
        return CompletableFuture.completedFuture(false);
      }
      entries.put(key, entry);
      index(keysByPath, entry.path(), key);
      for (String tag : entry.tags()) {
        index(keysByTag, tag, key);
      }
      return CompletableFuture.completedFuture(true);
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  public CompletionStage<Void> invalidatePath(String path) {
    writeLock.lock();
    try {
      if (pathGenerations.size() >= MAX_PATH_GENERATIONS) {
        bumpStoreGeneration();
      } else {
        pathGenerations.put(path, ++sequence);
      }
      evict(keysByPath.get(path));
    } finally {
      writeLock.unlock();
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<Void> invalidateTags(Set<String> tags) {
    writeLock.lock();
    try {
      // Tags are not known when a GET starts, so a tag invalidation fences every path.
      bumpStoreGeneration();
      for (String tag : tags) {
        evict(keysByTag.get(tag));
      }
    } finally {
      writeLock.unlock();
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<Void> clear() {
    writeLock.lock();
    try {
      bumpStoreGeneration();
      entries.invalidateAll();
    } finally {
      writeLock.unlock();
    }
    return CompletableFuture.completedFuture(null);
  }

  /** Always: every operation is done on the calling thread, without waiting for I/O. */
  @Override
  public boolean completesInline() {
    return true;
  }

  /** {@return the number of entries held, counting those expired but not yet cleaned up} */
  public long size() {
    return entries.estimatedSize();
  }

  /** {@return the weighed size of the entries held, in bytes} */
  public long weightedSize() {
    return entries.policy().eviction().orElseThrow().weightedSize().orElse(0);
  }

  /**
   * {@return the number of entries removed to keep within the size bound, since the store was
   * built}
   */
  public long evictionCount() {
    return evictions.sum();
  }

  /** Runs pending maintenance (evictions, expirations) now; for tests. */
  void cleanUp() {
    entries.cleanUp();
  }

  private long currentGeneration(String path) {
    return Math.max(pathGenerations.getOrDefault(path, 0L), storeGeneration);
  }

  // Path generations only matter to GETs in flight; once the store generation overtakes them
  // they carry no information, so they are dropped: the map cannot grow without bound.
  private void bumpStoreGeneration() {
    storeGeneration = ++sequence;
    pathGenerations.clear();
  }

  private void evict(Set<String> keys) {
    if (keys != null) {
      entries.invalidateAll(List.copyOf(keys));
    }
  }

  private static void index(Map<String, Set<String>> index, String name, String key) {
    index.computeIfAbsent(name, n -> ConcurrentHashMap.newKeySet()).add(key);
  }

  private void unindex(String key, CacheEntry removed) {
    writeLock.lock();
    try {
      // The key may hold a newer entry by now (a replacement); keep the index entries it needs.
      CacheEntry current = entries.asMap().get(key);
      Set<String> keepTags = current == null ? Set.of() : current.tags();
      if (current == null || !current.path().equals(removed.path())) {
        unindex(keysByPath, removed.path(), key);
      }
      Set<String> dropTags = new HashSet<>(removed.tags());
      dropTags.removeAll(keepTags);
      for (String tag : dropTags) {
        unindex(keysByTag, tag, key);
      }
    } finally {
      writeLock.unlock();
    }
  }

  private static void unindex(Map<String, Set<String>> index, String name, String key) {
    index.computeIfPresent(
        name,
        (n, keys) -> {
          keys.remove(key);
          return keys.isEmpty() ? null : keys;
        });
  }

  private static int weigh(String key, CacheEntry entry) {
    long bytes =
        ENTRY_OVERHEAD_BYTES + 2L * key.length() + 2L * entry.path().length() + entry.payloadSize();
    for (String tag : entry.tags()) {
      bytes += 2L * tag.length();
    }
    return (int) Math.min(Integer.MAX_VALUE, bytes);
  }

  private static Ticker clockTicker(Clock clock) {
    return () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
  }

  private final class ExpiresAt implements Expiry<String, CacheEntry> {
    @Override
    public long expireAfterCreate(String key, CacheEntry entry, long currentTime) {
      return remainingNanos(entry);
    }

    @Override
    public long expireAfterUpdate(
        String key, CacheEntry entry, long currentTime, long currentDuration) {
      return remainingNanos(entry);
    }

    @Override
    public long expireAfterRead(
        String key, CacheEntry entry, long currentTime, long currentDuration) {
      return currentDuration;
    }

    private long remainingNanos(CacheEntry entry) {
      Duration remaining = Duration.between(clock.instant(), entry.expiresAt());
      return remaining.isNegative() ? 0 : saturatedNanos(remaining);
    }
  }

  private static long saturatedNanos(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }
}
