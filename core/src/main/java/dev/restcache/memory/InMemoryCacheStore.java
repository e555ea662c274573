package dev.restcache.memory;

import dev.restcache.spi.CacheEntry;
import dev.restcache.spi.CacheStore;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link CacheStore} in this JVM's heap, bounded by bytes.
 *
 * <p>Each entry weighs its key, path and payload plus a fixed allowance for its bookkeeping, so
 * {@code maxBytes} bounds the memory the cache holds rather than its entry count. When full, the
 * store evicts by second chance (CLOCK): the oldest entry goes, unless it was read since the hand
 * last passed it, in which case it goes to the back of the queue. Entries expire at their {@link
 * CacheEntry#expiresAt()}: a read never returns an expired entry, and every write removes the
 * expired entries among the next few the cleaning hand passes. Path and tag invalidation use
 * indexes rather than scanning.
 *
 * <p>An entry costs two objects: one array holding its key, path and payload, and one slot linking
 * it into the key table, the path index and the eviction queue; entries with the same tags share
 * one tag set.
 *
 * <p>Reads take no lock. Writes, invalidations and index maintenance share one lock, which is what
 * makes a put atomic with respect to invalidation (see {@link CacheStore}).
 */
public final class InMemoryCacheStore implements CacheStore {

  /** The default bound: 64 MiB. */
  public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

  // The slot, its share of the key table and path index buckets and the array header, measured
  // by MemoryBench and rounded up; each tag adds a reference in its tag's array.
  private static final int ENTRY_OVERHEAD_BYTES = 96;
  private static final int TAG_OVERHEAD_BYTES = 8;
  // Beyond this many remembered path generations, one store-wide generation replaces them all.
  private static final int MAX_PATH_GENERATIONS = 100_000;
  // How many entries the cleaning hand looks at for each write.
  private static final int CLEANED_PER_WRITE = 2;
  private static final CompletableFuture<Optional<CacheEntry>> ABSENT =
      CompletableFuture.completedFuture(Optional.empty());

  private final Clock clock;
  private final long maxBytes;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final KeyTable keys = new KeyTable(writeLock);
  private final PathIndex paths = new PathIndex();
  private final TagIndex tags = new TagIndex();
  private final Map<String, Long> pathGenerations = new ConcurrentHashMap<>();
  // The eviction queue, oldest first, and the cleaning hand that walks it looking for expired
  // entries; under the lock.
  private Slot oldest;
  private Slot newest;
  private Slot cleaningHand;
  private long weight;
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
    this.maxBytes = maxBytes;
    this.clock = clock;
  }

  @Override
  public CompletionStage<Optional<CacheEntry>> get(String key) {
    Slot slot = keys.find(key);
    if (slot == null || isExpired(slot, now())) {
      return ABSENT;
    }
    // A racy flag on purpose: a lost write only costs the entry its second chance.
    if (!slot.referenced) {
      slot.referenced = true;
    }
    return CompletableFuture.completedFuture(Optional.of(slot.toEntry()));
  }

  @Override
  public CompletionStage<Long> generation(String path) {
    return CompletableFuture.completedFuture(currentGeneration(path));
  }

  @Override
  public CompletionStage<Boolean> put(String key, CacheEntry entry, long generation) {
    byte[] data = Slot.layout(key, entry);
    writeLock.lock();
    try {
      if (currentGeneration(entry.path()) != generation) {
        return CompletableFuture.completedFuture(false);
      }
      Slot slot =
          new Slot(
              key.hashCode(), data, Slot.epochNanos(entry.expiresAt()), tags.share(entry.tags()));
      Slot replaced = keys.put(slot);
      if (replaced != null) {
        forget(replaced);
      }
      enqueue(slot);
      paths.add(slot);
      tags.add(slot);
      weight += weigh(slot);
      removeExpired(CLEANED_PER_WRITE, now());
      evictToFit();
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
      paths.slotsOf(path).forEach(this::remove);
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
        this.tags.slotsOf(tag).forEach(this::remove);
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
      keys.clear();
      paths.clear();
      tags.clear();
      oldest = null;
      newest = null;
      cleaningHand = null;
      weight = 0;
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
    writeLock.lock();
    try {
      return keys.size();
    } finally {
      writeLock.unlock();
    }
  }

  /** {@return the weighed size of the entries held, in bytes} */
  public long weightedSize() {
    writeLock.lock();
    try {
      return weight;
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * {@return the number of entries removed to keep within the size bound, since the store was
   * built}
   */
  public long evictionCount() {
    return evictions.sum();
  }

  /** Removes every expired entry now; for tests. */
  void cleanUp() {
    writeLock.lock();
    try {
      long now = now();
      Slot slot = oldest;
      while (slot != null) {
        Slot next = slot.newer;
        if (isExpired(slot, now)) {
          remove(slot);
        }
        slot = next;
      }
    } finally {
      writeLock.unlock();
    }
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

  private long now() {
    return Slot.epochNanos(clock.instant());
  }

  private static boolean isExpired(Slot slot, long now) {
    return now >= slot.expiresAt;
  }

  // Second chance: an entry read since the hand last passed goes to the back once; the count
  // bounds the loop even while readers keep marking entries.
  private void evictToFit() {
    long chances = keys.size();
    while (weight > maxBytes && oldest != null) {
      Slot candidate = oldest;
      if (candidate.referenced && chances-- > 0) {
        candidate.referenced = false;
        dequeue(candidate);
        enqueue(candidate);
      } else {
        remove(candidate);
        evictions.increment();
      }
    }
  }

  // The hand goes round the queue, oldest to newest, and starts again from the oldest.
  private void removeExpired(int count, long now) {
    for (int i = 0; i < count; i++) {
      if (cleaningHand == null) {
        cleaningHand = oldest;
        if (cleaningHand == null) {
          return;
        }
      }
      Slot slot = cleaningHand;
      cleaningHand = slot.newer;
      if (isExpired(slot, now)) {
        remove(slot);
      }
    }
  }

  private void remove(Slot slot) {
    keys.remove(slot);
    forget(slot);
  }

  // Everything but the key table, which a replacement has already updated.
  private void forget(Slot slot) {
    dequeue(slot);
    slot.markRemoved();
    paths.remove(slot);
    tags.remove(slot);
    weight -= weigh(slot);
  }

  private void enqueue(Slot slot) {
    slot.older = newest;
    slot.newer = null;
    if (newest == null) {
      oldest = slot;
    } else {
      newest.newer = slot;
    }
    newest = slot;
  }

  private void dequeue(Slot slot) {
    if (cleaningHand == slot) {
      cleaningHand = slot.newer;
    }
    if (slot.older == null) {
      oldest = slot.newer;
    } else {
      slot.older.newer = slot.newer;
    }
    if (slot.newer == null) {
      newest = slot.older;
    } else {
      slot.newer.older = slot.older;
    }
  }

  private static long weigh(Slot slot) {
    int tagCount = slot.tags == null ? 0 : slot.tags.tags().size();
    return ENTRY_OVERHEAD_BYTES + (long) TAG_OVERHEAD_BYTES * tagCount + slot.size();
  }
}
