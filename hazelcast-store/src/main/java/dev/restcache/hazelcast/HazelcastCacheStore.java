package dev.restcache.hazelcast;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.WARNING;

import com.hazelcast.config.InvalidConfigurationException;
import com.hazelcast.config.IndexConfig;
import com.hazelcast.config.IndexType;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.serialization.genericrecord.GenericRecord;
import com.hazelcast.nio.serialization.genericrecord.GenericRecordBuilder;
import com.hazelcast.query.Predicates;
import dev.restcache.spi.CacheEntry;
import dev.restcache.spi.CacheStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A {@link CacheStore} on a Hazelcast {@link IMap}, shared by every instance of a cluster, as an
 * embedded member or a client.
 *
 * <p>Entries are Compact {@link GenericRecord}s ({@code path}, {@code tags}, {@code expiresAt},
 * {@code payload}): the cluster needs none of restcache's classes and never deserialises one.
 * {@code path} and {@code tags[any]} are indexed, so path and tag invalidation query the index
 * instead of scanning. Each entry's exact expiry is kept in the value and checked on every read;
 * the map's own time to live (whole seconds) only cleans up.
 *
 * <p>Generations (see {@link CacheStore}) live in a second map; a put and a path invalidation
 * hold the same cluster-wide lock on the path, so a GET that raced a write on another member
 * never stores the old representation. A path's generation is kept for
 * {@link #GENERATION_RETENTION} after its last write, so that the map holds only the paths
 * written lately however many there are; a GET that read its generation longer ago than half
 * that does not store (its generation may have been forgotten since, and come back as the same
 * absent value). Leases for collapsed forwarding live in a third map with
 * a time to live, so a dead member never blocks a key for long.
 */
public final class HazelcastCacheStore implements CacheStore {
  /** The default map name. */
  public static final String DEFAULT_MAP_NAME = "restcache";

  private static final System.Logger LOG = System.getLogger("dev.restcache");
  private static final String TYPE = "dev.restcache.Entry";
  private static final String STORE_WIDE = "*";
  private static final int BLOCKING_THREADS = 16;
  private static final int BLOCKING_QUEUE = 1024;
  // Bounds a lock held by a member that died mid-put.
  private static final long LOCK_LEASE_SECONDS = 10;
  /** How long a path's generation is remembered after the last write to the path. */
  public static final Duration GENERATION_RETENTION = Duration.ofMinutes(10);
  // A generation token holds the second it was read (20 bits: twelve days before it wraps) over
  // 44 bits of the generation itself.
  private static final int HASH_BITS = 44;
  private static final long HASH_MASK = (1L << HASH_BITS) - 1;
  private static final long SECOND_MASK = (1L << (Long.SIZE - HASH_BITS)) - 1;

  private final HazelcastInstance hazelcast;
  private final boolean ownsInstance;
  private final IMap<String, GenericRecord> entries;
  private final IMap<String, Long> generations;
  private final IMap<String, String> leases;
  private final String leaseHolder = UUID.randomUUID().toString();
  private final ExecutorService blocking;
  private final Clock clock;
  private final Duration retention;

  /**
   * A store on {@code hazelcast}'s map {@value #DEFAULT_MAP_NAME}.
   *
   * @param hazelcast a member or client; the caller keeps it, and shuts it down
   */
  public HazelcastCacheStore(HazelcastInstance hazelcast) {
    this(hazelcast, DEFAULT_MAP_NAME);
  }

  /**
   * A store on {@code hazelcast}'s map {@code mapName}; the caller keeps the instance.
   *
   * @param hazelcast a member or client
   * @param mapName the map's name; the store also uses {@code mapName.generations} and
   *     {@code mapName.leases}
   */
  public HazelcastCacheStore(HazelcastInstance hazelcast, String mapName) {
    this(hazelcast, mapName, false, Clock.systemUTC());
  }

  /**
   * A store on {@code hazelcast}'s map {@code mapName} that shuts {@code hazelcast} down when
   * closed, for an instance started only for the cache.
   *
   * @param hazelcast a member or client that only the cache uses
   * @param mapName the map's name; the store also uses {@code mapName.generations} and
   *     {@code mapName.leases}
   * @return the store
   */
  public static HazelcastCacheStore owning(HazelcastInstance hazelcast, String mapName) {
    return new HazelcastCacheStore(hazelcast, mapName, true, Clock.systemUTC());
  }

  HazelcastCacheStore(HazelcastInstance hazelcast, String mapName, boolean ownsInstance,
      Clock clock) {
    this(hazelcast, mapName, ownsInstance, clock, GENERATION_RETENTION);
  }

  HazelcastCacheStore(HazelcastInstance hazelcast, String mapName, boolean ownsInstance,
      Clock clock, Duration retention) {
    this.hazelcast = hazelcast;
    this.ownsInstance = ownsInstance;
    this.clock = clock;
    this.retention = retention;
    ensureBounded(hazelcast, mapName);
    this.entries = hazelcast.getMap(mapName);
    this.generations = hazelcast.getMap(mapName + ".generations");
    this.leases = hazelcast.getMap(mapName + ".leases");
    entries.addIndex(new IndexConfig(IndexType.HASH, "path"));
    entries.addIndex(new IndexConfig(IndexType.HASH, "tags[any]"));
    // Bounded, so that a slow cluster cannot pile up blocked threads: past the queue, calls fail
    // at once and the request is served without the cache.
    ThreadPoolExecutor pool = new ThreadPoolExecutor(BLOCKING_THREADS, BLOCKING_THREADS, 60,
        TimeUnit.SECONDS, new ArrayBlockingQueue<>(BLOCKING_QUEUE), runnable -> {
          Thread thread = new Thread(runnable, "restcache-hazelcast");
          thread.setDaemon(true);
          return thread;
        });
    pool.allowCoreThreadTimeOut(true);
    this.blocking = pool;
  }

  // A map nobody configured would be unbounded: add the bounded configuration at run time. A
  // configuration the cluster already has for this name wins (Hazelcast refuses the new one).
  private static void ensureBounded(HazelcastInstance hazelcast, String mapName) {
    try {
      hazelcast.getConfig().addMapConfig(
          HazelcastSetup.mapConfig(mapName, HazelcastSetup.DEFAULT_MAX_ENTRIES_PER_NODE, false));
    } catch (InvalidConfigurationException existing) {
      LOG.log(DEBUG, "map {0} keeps the configuration the cluster has for it", mapName);
    } catch (RuntimeException notAllowed) {
      LOG.log(WARNING, "could not add the bounded configuration of map {0}: {1}", mapName,
          notAllowed.toString());
    }
  }

  @Override
  public CompletionStage<Optional<CacheEntry>> get(String key) {
    // Not getAsync: its future completes through Hazelcast's default async executor, which on a
    // machine with fewer than three cores starts a new thread per call (4 ms a hit, measured).
    return async(() -> Optional.ofNullable(toEntry(entries.get(key)))
        .filter(entry -> entry.expiresAt().isAfter(clock.instant())));
  }

  @Override
  public CompletionStage<Long> generation(String path) {
    return async(() -> ((second() & SECOND_MASK) << HASH_BITS) | (generationOf(path) & HASH_MASK));
  }

  @Override
  public CompletionStage<Boolean> put(String key, CacheEntry entry, long generation) {
    return async(() -> {
      String path = entry.path();
      if (!readLately(generation)) {
        return false;
      }
      if (!generations.tryLock(path, LOCK_LEASE_SECONDS, TimeUnit.SECONDS, LOCK_LEASE_SECONDS,
          TimeUnit.SECONDS)) {
        return false;
      }
      try {
        if (!unchanged(path, generation)) {
          return false;
        }
        entries.set(key, toRecord(entry), ttlSeconds(entry.expiresAt()), TimeUnit.SECONDS);
        // Tag invalidations and clears do not take the path's lock: look again once written.
        if (!unchanged(path, generation)) {
          entries.delete(key);
          return false;
        }
        return true;
      } finally {
        generations.unlock(path);
      }
    });
  }

  @Override
  public CompletionStage<Void> invalidatePath(String path) {
    return async(() -> {
      generations.lock(path, LOCK_LEASE_SECONDS, TimeUnit.SECONDS);
      try {
        generations.set(path, ThreadLocalRandom.current().nextLong(), retention.toSeconds(),
            TimeUnit.SECONDS);
        entries.removeAll(Predicates.equal("path", path));
      } finally {
        generations.unlock(path);
      }
      return null;
    });
  }

  @Override
  public CompletionStage<Void> invalidateTags(Set<String> tags) {
    return async(() -> {
      generations.set(STORE_WIDE, ThreadLocalRandom.current().nextLong());
      for (String tag : tags) {
        entries.removeAll(Predicates.equal("tags[any]", tag));
      }
      return null;
    });
  }

  @Override
  public CompletionStage<Void> clear() {
    return async(() -> {
      generations.set(STORE_WIDE, ThreadLocalRandom.current().nextLong());
      entries.clear();
      return null;
    });
  }

  @Override
  public CompletionStage<Boolean> tryLease(String key, Duration ttl) {
    long seconds = Math.max(1, ttl.toSeconds());
    return async(() -> leases.putIfAbsent(key, leaseHolder, seconds, TimeUnit.SECONDS) == null);
  }

  @Override
  public CompletionStage<Boolean> isLeased(String key) {
    return async(() -> leases.containsKey(key));
  }

  @Override
  public CompletionStage<Void> releaseLease(String key) {
    return async(() -> {
      leases.remove(key, leaseHolder);
      return null;
    });
  }

  /** Stops the store's threads and, if the store started the instance, the instance. */
  @Override
  public void close() {
    blocking.shutdownNow();
    if (ownsInstance) {
      hazelcast.shutdown();
    }
  }

  // Generations are random tokens, not counters (counters need the CP subsystem, which the
  // open-source edition lacks); combining the path's and the store-wide one changes whenever
  // either does, but for a 2^-64 chance.
  private long generationOf(String path) {
    Long pathGeneration = generations.get(path);
    Long storeGeneration = generations.get(STORE_WIDE);
    return 31 * (pathGeneration == null ? 0 : pathGeneration)
        + (storeGeneration == null ? 0 : storeGeneration);
  }

  private boolean unchanged(String path, long token) {
    return (generationOf(path) & HASH_MASK) == (token & HASH_MASK);
  }

  // Only a token read less than half the retention ago is compared: the generation of a write
  // after the read is remembered at least that long, so it cannot have been forgotten yet. A
  // clock that went back makes the token look old, not young.
  private boolean readLately(long token) {
    long age = (second() - (token >>> HASH_BITS)) & SECOND_MASK;
    return age < retention.toSeconds() / 2;
  }

  private long second() {
    return Math.floorDiv(clock.millis(), 1000);
  }

  // Every call blocks, so it runs here rather than in the caller's thread, which waits for it
  // no longer than the cache's store timeout.
  private <T> CompletionStage<T> async(Callable<T> operation) {
    try {
      return CompletableFuture.supplyAsync(() -> {
        try {
          return operation.call();
        } catch (Exception e) {
          throw new CompletionException(e);
        }
      }, blocking);
    } catch (RuntimeException rejected) {
      return CompletableFuture.failedFuture(rejected);
    }
  }

  // IMap TTLs are whole seconds and may fire early; they only clean up, so round up and pad.
  private long ttlSeconds(Instant expiresAt) {
    long seconds = Duration.between(clock.instant(), expiresAt).toSeconds();
    return Math.max(1, seconds + 2);
  }

  private static GenericRecord toRecord(CacheEntry entry) {
    return GenericRecordBuilder.compact(TYPE)
        .setString("path", entry.path())
        .setArrayOfString("tags", entry.tags().toArray(String[]::new))
        .setInt64("expiresAt", entry.expiresAt().toEpochMilli())
        .setArrayOfInt8("payload", entry.payload())
        .build();
  }

  private static CacheEntry toEntry(GenericRecord record) {
    if (record == null) {
      return null;
    }
    try {
      return new CacheEntry(record.getString("path"), Set.of(record.getArrayOfString("tags")),
          Instant.ofEpochMilli(record.getInt64("expiresAt")), record.getArrayOfInt8("payload"));
    } catch (RuntimeException notOurs) {
      LOG.log(WARNING, "ignoring an entry not written by restcache: {0}", notOurs.toString());
      return null;
    }
  }
}
