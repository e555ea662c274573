package dev.restcache.hazelcast;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.WARNING;

import com.hazelcast.config.IndexConfig;
import com.hazelcast.config.IndexType;
import com.hazelcast.config.InvalidConfigurationException;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.serialization.FieldKind;
import com.hazelcast.nio.serialization.genericrecord.GenericRecord;
import com.hazelcast.nio.serialization.genericrecord.GenericRecordBuilder;
import com.hazelcast.partition.PartitionAwareKey;
import dev.restcache.hazelcast.ReusedGenerations.Carried;
import dev.restcache.spi.CacheEntry;
import dev.restcache.spi.CacheStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
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
 * <p>Generations (see {@link CacheStore}) live in a second map: one random value per path and per
 * tag written lately, one for the tag invalidations of the whole store, and the store's epoch,
 * changed by {@link #clear()} and when a split cluster merges. The epoch, the store-wide value and
 * every tag's share one partition (their keys are {@link PartitionAwareKey}s on the epoch's key, a
 * class of Hazelcast's own, so neither members nor clients need one of restcache's), so that one
 * read sees them as of one moment. An eviction changes them, and each entry carries the values of
 * its path, its tags and the epoch it was stored under: a read serves the entry only while they are
 * still the current ones. So an eviction is in force on every member as soon as its new generation
 * is set, which is all it waits for; its entries are removed in the background, with those of other
 * evictions ({@link BackgroundRemoval}). An eviction whose generation cannot be set (the owner of
 * the path's generation died) makes reads of that path wait on the same dead owner and fail over to
 * the resource, never serve the old entry.
 *
 * <p>A put costs two round trips: one read of the generations (the path's partition and the shared
 * one, in parallel), then the write of an entry that carries the values just read. It refuses when
 * they differ from the generation it was given; an eviction after its read changes a value the
 * entry carries, so a GET that raced a write on another member never leaves an entry that is
 * served, whether the eviction's removal comes before or after the write.
 *
 * <p>A path's or tag's generation is kept for {@link #GENERATION_RETENTION} after its last write,
 * so that the map holds only what was written lately however many paths there are; a GET that read
 * its generation longer ago than half that does not store (its generation may have been forgotten
 * since, and come back as the same absent value). Leases for collapsed forwarding live in a third
 * map with a time to live, so a dead member never blocks a key for long. On a member, or a client
 * that finds itself connected to another cluster, the store changes the epoch when the cluster
 * merges after a split ({@link HazelcastSetup} says how the maps merge).
 *
 * <p>For {@link #MEMBER_REMOVAL_QUIET} after a member leaves the cluster, the store serves nothing
 * and stores nothing, nor a GET whose generation it read before that time was over: the backups
 * that took the member's partitions over may lack a write's generation that waited on the member,
 * until the writer tries it again.
 *
 * <p>By default every hit reads its entry and its generations from the cluster. {@link
 * Builder#reuseReadsFor} lets an instance reuse the generations and the entries it read for a short
 * time, so that a hit within that time makes no round trip and waits for no thread, and every
 * eviction waits that time before it is answered ({@link ReusedGenerations} says why that is
 * enough, {@link ReusedEntries} what it is not enough for).
 */
public final class HazelcastCacheStore implements CacheStore {
  /** The default map name. */
  public static final String DEFAULT_MAP_NAME = "restcache";

  private static final System.Logger LOG = System.getLogger("dev.restcache");
  private static final String TYPE = "dev.restcache.Entry";
  // No request path or tag contains a NUL: these keys never meet a path's.
  private static final String EPOCH = "\u0000epoch";
  private static final String TAG = "\u0000tag:";
  private static final Object STORE_WIDE = onEpochPartition("*");
  private static final int BLOCKING_THREADS = 16;
  private static final int BLOCKING_QUEUE = 1024;

  /** How long a path's generation is remembered after the last write to the path. */
  public static final Duration GENERATION_RETENTION = Duration.ofMinutes(10);

  /**
   * How long after a member leaves the cluster the store serves and stores nothing: long enough for
   * a write's eviction that waited on that member to be applied again by its writer (see
   * docs/hazelcast.md, "Consistency guarantees").
   */
  public static final Duration MEMBER_REMOVAL_QUIET = Duration.ofSeconds(5);

  // A generation token holds the second it was read (20 bits: twelve days before it wraps) over
  // 44 bits of the generation itself.
  private static final int HASH_BITS = 44;
  private static final long HASH_MASK = (1L << HASH_BITS) - 1;
  private static final long SECOND_MASK = (1L << (Long.SIZE - HASH_BITS)) - 1;

  private final HazelcastInstance hazelcast;
  private final boolean ownsInstance;
  private final IMap<String, GenericRecord> entries;
  private final IMap<Object, Long> generations;
  private final IMap<String, String> leases;
  private final String leaseHolder = UUID.randomUUID().toString();
  private final ExecutorService blocking;
  private final Clock clock;
  private final Duration retention;
  private final UUID mergeListener;
  private final BackgroundRemoval removals;
  private final MemberRemovals departures;
  private final UUID membershipListener;
  private final ReusedGenerations reused;
  private final UUID reuseListener;
  private final ReusedEntries recent;

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
   * @param mapName the map's name; the store also uses {@code mapName.generations} and {@code
   *     mapName.leases}
   */
  public HazelcastCacheStore(HazelcastInstance hazelcast, String mapName) {
    this(hazelcast, mapName, false, Clock.systemUTC());
  }

  /**
   * A store on {@code hazelcast}'s map {@code mapName} that shuts {@code hazelcast} down when
   * closed, for an instance started only for the cache.
   *
   * @param hazelcast a member or client that only the cache uses
   * @param mapName the map's name; the store also uses {@code mapName.generations} and {@code
   *     mapName.leases}
   * @return the store
   */
  public static HazelcastCacheStore owning(HazelcastInstance hazelcast, String mapName) {
    return new HazelcastCacheStore(hazelcast, mapName, true, Clock.systemUTC());
  }

  /**
   * A builder of a store on {@code hazelcast}, for the settings the constructors leave at their
   * defaults.
   *
   * @param hazelcast a member or client
   * @return a builder with the defaults of {@link #HazelcastCacheStore(HazelcastInstance)}
   */
  public static Builder builder(HazelcastInstance hazelcast) {
    return new Builder(hazelcast);
  }

  /** Builds a {@link HazelcastCacheStore}; each setting has the constructors' default until set. */
  public static final class Builder {
    private final HazelcastInstance hazelcast;
    private String mapName = DEFAULT_MAP_NAME;
    private boolean owningInstance;
    private Duration reuseReads = Duration.ZERO;

    private Builder(HazelcastInstance hazelcast) {
      this.hazelcast = Objects.requireNonNull(hazelcast, "hazelcast");
    }

    /**
     * The map holding the entries. Default: {@value #DEFAULT_MAP_NAME}.
     *
     * @param mapName the map's name; the store also uses {@code mapName.generations} and {@code
     *     mapName.leases}
     * @return this builder
     */
    public Builder mapName(String mapName) {
      this.mapName = Objects.requireNonNull(mapName, "mapName");
      return this;
    }

    /**
     * Whether the store shuts the instance down when it is closed, for an instance started only for
     * the cache. Default: false, the caller keeps the instance.
     *
     * @param owningInstance whether {@link HazelcastCacheStore#close()} shuts the instance down
     * @return this builder
     */
    public Builder owningInstance(boolean owningInstance) {
      this.owningInstance = owningInstance;
      return this;
    }

    /**
     * How long this instance reuses the generations and the entries it read from the cluster before
     * reading them again; a hit within that time is answered from memory, with no round trip. Every
     * eviction through this store is answered that long (and a tenth more) after it is in force, so
     * that when it is answered no instance still uses a generation it evicted. An entry that
     * another instance stores under the same key without an eviction (a refresh after revalidation)
     * may go unseen here for that long. Every instance of the cluster must be given the same value:
     * an instance that reuses longer than a writer waits may serve an evicted entry for the
     * difference. Default: zero, every hit reads its entry and its generations.
     *
     * @param reuse from zero to one second
     * @return this builder
     * @throws IllegalArgumentException if {@code reuse} is negative or longer than one second
     */
    public Builder reuseReadsFor(Duration reuse) {
      this.reuseReads = ReusedGenerations.checked(reuse);
      return this;
    }

    /**
     * The store; it adds its maps' bounded configuration to the instance, as the constructors do.
     *
     * @return a new store
     */
    public HazelcastCacheStore build() {
      return new HazelcastCacheStore(
          hazelcast, mapName, owningInstance, Clock.systemUTC(), GENERATION_RETENTION, reuseReads);
    }
  }

  HazelcastCacheStore(
      HazelcastInstance hazelcast, String mapName, boolean ownsInstance, Clock clock) {
    this(hazelcast, mapName, ownsInstance, clock, GENERATION_RETENTION);
  }

  HazelcastCacheStore(
      HazelcastInstance hazelcast,
      String mapName,
      boolean ownsInstance,
      Clock clock,
      Duration retention) {
    this(hazelcast, mapName, ownsInstance, clock, retention, Duration.ZERO);
  }

  HazelcastCacheStore(
      HazelcastInstance hazelcast,
      String mapName,
      boolean ownsInstance,
      Clock clock,
      Duration retention,
      Duration reuseReads) {
    this.hazelcast = hazelcast;
    this.ownsInstance = ownsInstance;
    this.clock = clock;
    this.retention = retention;
    this.departures = new MemberRemovals(clock, MEMBER_REMOVAL_QUIET);
    this.reused = new ReusedGenerations(reuseReads, departures);
    this.recent = new ReusedEntries(reused, this::renew);
    ensureBounded(hazelcast, mapName);
    this.entries = hazelcast.getMap(mapName);
    this.generations = hazelcast.getMap(mapName + ".generations");
    this.leases = hazelcast.getMap(mapName + ".leases");
    entries.addIndex(new IndexConfig(IndexType.HASH, "path"));
    entries.addIndex(new IndexConfig(IndexType.HASH, "tags[any]"));
    this.removals = new BackgroundRemoval(entries);
    this.mergeListener =
        hazelcast
            .getLifecycleService()
            .addLifecycleListener(
                event -> {
                  if (event.getState() == LifecycleEvent.LifecycleState.MERGED
                      || event.getState() == LifecycleEvent.LifecycleState.CLIENT_CHANGED_CLUSTER) {
                    reused.dropAll();
                    newEpoch();
                  }
                });
    this.membershipListener = hazelcast.getCluster().addMembershipListener(departures);
    this.reuseListener = hazelcast.getCluster().addMembershipListener(reused);
    // Bounded, so that a slow cluster cannot pile up blocked threads: past the queue, calls fail
    // at once and the request is served without the cache.
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            BLOCKING_THREADS,
            BLOCKING_THREADS,
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(BLOCKING_QUEUE),
            runnable -> {
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
    addMapConfig(
        hazelcast,
        HazelcastSetup.mapConfig(mapName, HazelcastSetup.DEFAULT_MAX_ENTRIES_PER_NODE, false));
    addMapConfig(hazelcast, HazelcastSetup.generationsConfig(mapName));
  }

  private static void addMapConfig(HazelcastInstance hazelcast, MapConfig config) {
    try {
      hazelcast.getConfig().addMapConfig(config);
    } catch (InvalidConfigurationException existing) {
      LOG.log(DEBUG, "map {0} keeps the configuration the cluster has for it", config.getName());
    } catch (RuntimeException notAllowed) {
      LOG.log(
          WARNING,
          "could not add the configuration of map {0}: {1}",
          config.getName(),
          notAllowed.toString());
    }
  }

  @Override
  public CompletionStage<Optional<CacheEntry>> get(String key) {
    Optional<CacheEntry> kept = recent.answer(key, clock);
    if (kept != null && departures.trusts(departures.ticket())) {
      return CompletableFuture.completedFuture(kept);
    }
    // Not getAsync: its future completes through Hazelcast's default async executor, which on a
    // machine with fewer than three cores starts a new thread per call (4 ms a hit, measured).
    return async(() -> read(key, false));
  }

  // The entry of key if it is current, kept for reuse; generationsAfresh reads them from the
  // cluster whatever copies this instance holds, so that a renewal renews the copies too.
  private Optional<CacheEntry> read(String key, boolean generationsAfresh) {
    long ticket = departures.ticket();
    if (!departures.trusts(ticket)) {
      return Optional.empty();
    }
    ReusedEntries.Ticket read = recent.ticket();
    GenericRecord record = entries.get(key);
    CacheEntry entry = toEntry(record);
    if (entry == null || !entry.expiresAt().isAfter(clock.instant())) {
      return Optional.empty();
    }
    Carried carried = carried(record);
    if (!current(carried, generationsAfresh) || !departures.trusts(ticket)) {
      return Optional.empty();
    }
    recent.keep(key, read, entry, carried);
    return Optional.of(entry);
  }

  // A renewal that fails leaves the kept entry to end at its time; the next hit then reads.
  private void renew(String key) {
    try {
      blocking.execute(
          () -> {
            try {
              read(key, true);
            } catch (RuntimeException e) {
              LOG.log(DEBUG, "renewing a reused entry failed", e);
            } finally {
              recent.renewed(key);
            }
          });
    } catch (RejectedExecutionException busy) {
      recent.renewed(key);
    }
  }

  @Override
  public CompletionStage<Long> generation(String path) {
    return async(
        () ->
            ((second() & SECOND_MASK) << HASH_BITS)
                | (generationOf(
                        reused.read(Set.of(path, STORE_WIDE, EPOCH), generations::getAll), path)
                    & HASH_MASK));
  }

  @Override
  public CompletionStage<Boolean> put(String key, CacheEntry entry, long generation) {
    return async(
        () -> {
          String path = entry.path();
          long ticket = departures.ticket();
          // A GET that read its generation before a member's removal was over may have read it
          // from a backup that has just taken over, still lacking a write that waited on the
          // member that left.
          if (!readLately(generation) || !departures.trustsReadAt(readSecond(generation) * 1000)) {
            return false;
          }
          Set<Object> keys = new HashSet<>(List.of(path, STORE_WIDE, EPOCH));
          entry.tags().forEach(tag -> keys.add(tagKey(tag)));
          recent.stored(key);
          // Read afresh whatever copies this instance reuses: this read is the check.
          Map<Object, Long> marks = reused.readFromCluster(keys, generations::getAll);
          if ((generationOf(marks, path) & HASH_MASK) != (generation & HASH_MASK)
              || !departures.trusts(ticket)) {
            return false;
          }
          // No second look: the entry carries the values just read, so an eviction that changes
          // one after the read keeps every member from serving it, however its removal and this
          // write interleave, and the next store of the key replaces it.
          entries.set(key, toRecord(entry, marks), ttlSeconds(entry.expiresAt()), TimeUnit.SECONDS);
          // Again once it is written: a read sent meanwhile may have found the older entry.
          recent.stored(key);
          return true;
        });
  }

  @Override
  public CompletionStage<Void> invalidatePath(String path) {
    return async(
            () -> {
              // The new generation is the eviction: from then on no member serves an entry of the
              // path. Removing the entries only reclaims memory, later and batched with others.
              long generation = ThreadLocalRandom.current().nextLong();
              generations.set(path, generation, retention.toSeconds(), TimeUnit.SECONDS);
              removals.path(path, generation);
              return null;
            })
        .thenCompose(set -> reused.copiesEnded());
  }

  @Override
  public CompletionStage<Void> invalidateTags(Set<String> tags) {
    return async(
            () -> {
              // Tags are not known when a GET starts: every put under an older token is refused.
              // Set
              // before the tags' own: a put that reads a tag's new value (on the same partition, in
              // one operation) then reads the new store-wide value too, and refuses.
              generations.set(
                  STORE_WIDE,
                  ThreadLocalRandom.current().nextLong(),
                  retention.toSeconds(),
                  TimeUnit.SECONDS);
              Map<String, Long> evicted = new HashMap<>();
              for (String tag : tags) {
                long generation = ThreadLocalRandom.current().nextLong();
                generations.set(tagKey(tag), generation, retention.toSeconds(), TimeUnit.SECONDS);
                evicted.put(tag, generation);
              }
              removals.tags(evicted);
              return null;
            })
        .thenCompose(set -> reused.copiesEnded());
  }

  @Override
  public CompletionStage<Void> clear() {
    return async(
            () -> {
              newEpoch();
              entries.clear();
              return null;
            })
        .thenCompose(set -> reused.copiesEnded());
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
    return async(
        () -> {
          leases.remove(key, leaseHolder);
          return null;
        });
  }

  /**
   * Stops the store's threads, after removing the evicted entries still waiting (for at most five
   * seconds, and not past a failure), and, if the store started the instance, the instance.
   */
  @Override
  public void close() {
    try {
      hazelcast.getLifecycleService().removeLifecycleListener(mergeListener);
      hazelcast.getCluster().removeMembershipListener(membershipListener);
      hazelcast.getCluster().removeMembershipListener(reuseListener);
    } catch (HazelcastInstanceNotActiveException alreadyDown) {
      LOG.log(DEBUG, "the Hazelcast instance was down before the store closed");
    }
    blocking.shutdownNow();
    removals.close();
    if (ownsInstance) {
      hazelcast.shutdown();
    }
  }

  // Generations are random tokens, not counters (counters need the CP subsystem, which the
  // open-source edition lacks); combining the path's, the store-wide one and the epoch changes
  // whenever any does, but for a 2^-64 chance.
  private static long generationOf(Map<Object, Long> marks, String path) {
    return 961 * mark(marks, path) + 31 * mark(marks, STORE_WIDE) + mark(marks, EPOCH);
  }

  private static long mark(Map<Object, Long> marks, Object key) {
    Long value = marks.get(key);
    return value == null ? 0 : value;
  }

  private static Object tagKey(String tag) {
    return onEpochPartition(TAG + tag);
  }

  private static Object onEpochPartition(String name) {
    return new PartitionAwareKey<>(name, EPOCH);
  }

  // The generations an entry was stored under: its path's, its tags', the epoch.
  private static Carried carried(GenericRecord record) {
    String[] tags = record.getArrayOfString("tags");
    long[] tagMarks = record.getArrayOfInt64("tagGenerations");
    Object[] keys = new Object[tags.length + 2];
    long[] values = new long[keys.length];
    keys[0] = record.getString("path");
    values[0] = record.getInt64("pathGeneration");
    keys[1] = EPOCH;
    values[1] = record.getInt64("epoch");
    for (int i = 0; i < tags.length; i++) {
      keys[i + 2] = tagKey(tags[i]);
      values[i + 2] = tagMarks[i];
    }
    return new Carried(keys, values);
  }

  // Whether the generations an entry was stored under are still the current ones; one call to at
  // most two partitions, whatever the number of tags.
  private boolean current(Carried carried, boolean fromCluster) {
    Set<Object> keys = new HashSet<>();
    for (int i = 0; i < carried.size(); i++) {
      keys.add(carried.key(i));
    }
    Map<Object, Long> now =
        fromCluster
            ? reused.readFromCluster(keys, generations::getAll)
            : reused.read(keys, generations::getAll);
    for (int i = 0; i < carried.size(); i++) {
      if (mark(now, carried.key(i)) != carried.value(i)) {
        return false;
      }
    }
    return true;
  }

  // A new epoch voids every entry and every generation read before it.
  private void newEpoch() {
    generations.set(EPOCH, ThreadLocalRandom.current().nextLong());
  }

  // Only a token read less than half the retention ago is compared: the generation of a write
  // after the read is remembered at least that long, so it cannot have been forgotten yet. A
  // clock that went back makes the token look old, not young.
  private boolean readLately(long token) {
    long age = (second() - (token >>> HASH_BITS)) & SECOND_MASK;
    return age < retention.toSeconds() / 2;
  }

  // The second the token was read, as readLately counts it.
  private long readSecond(long token) {
    long now = second();
    return now - ((now - (token >>> HASH_BITS)) & SECOND_MASK);
  }

  private long second() {
    return Math.floorDiv(clock.millis(), 1000);
  }

  // Every call blocks, so it runs here rather than in the caller's thread, which waits for it
  // no longer than the cache's store timeout.
  private <T> CompletionStage<T> async(Callable<T> operation) {
    try {
      return CompletableFuture.supplyAsync(
          () -> {
            try {
              return operation.call();
            } catch (Exception e) {
              throw new CompletionException(e);
            }
          },
          blocking);
    } catch (RuntimeException rejected) {
      return CompletableFuture.failedFuture(rejected);
    }
  }

  // IMap TTLs are whole seconds and may fire early; they only clean up, so round up and pad.
  private long ttlSeconds(Instant expiresAt) {
    long seconds = Duration.between(clock.instant(), expiresAt).toSeconds();
    return Math.max(1, seconds + 2);
  }

  private static GenericRecord toRecord(CacheEntry entry, Map<Object, Long> marks) {
    String[] tags = entry.tags().toArray(String[]::new);
    long[] tagMarks = new long[tags.length];
    for (int i = 0; i < tags.length; i++) {
      tagMarks[i] = mark(marks, tagKey(tags[i]));
    }
    return GenericRecordBuilder.compact(TYPE)
        .setString("path", entry.path())
        .setArrayOfString("tags", tags)
        .setInt64("expiresAt", entry.expiresAt().toEpochMilli())
        .setArrayOfInt8("payload", entry.payload())
        .setInt64("pathGeneration", mark(marks, entry.path()))
        .setArrayOfInt64("tagGenerations", tagMarks)
        .setInt64("epoch", mark(marks, EPOCH))
        .build();
  }

  private static CacheEntry toEntry(GenericRecord record) {
    if (record == null) {
      return null;
    }
    if (record.getFieldKind("pathGeneration") != FieldKind.INT64) {
      // Written by a restcache without generation marks: it cannot be checked, so never served.
      return null;
    }
    try {
      return new CacheEntry(
          record.getString("path"),
          Set.of(record.getArrayOfString("tags")),
          Instant.ofEpochMilli(record.getInt64("expiresAt")),
          record.getArrayOfInt8("payload"));
    } catch (RuntimeException notOurs) {
      LOG.log(WARNING, "ignoring an entry not written by restcache: {0}", notOurs.toString());
      return null;
    }
  }
}
