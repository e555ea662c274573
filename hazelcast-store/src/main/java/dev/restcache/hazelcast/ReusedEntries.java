package dev.restcache.hazelcast;

import dev.restcache.hazelcast.ReusedGenerations.Carried;
import dev.restcache.spi.CacheEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Entries an instance read from the cluster, answered again from memory for the time it reuses
 * generations, so that a hit within that time neither waits for a thread nor decodes a record.
 *
 * <p>An entry kept here is served only while every generation it was stored under (its path's, its
 * tags', the epoch) is still a copy {@link ReusedGenerations} may reuse with the same value: an
 * eviction voids it exactly as it voids the entry in the cluster, and is answered only after those
 * copies ended. What is not an eviction can go unseen for at most the reuse time: another
 * instance's store of a newer entry under the same key (a refresh after revalidation, a response
 * stored after the old one went stale). This instance's own stores drop the key at once.
 *
 * <p>A hit past half the reuse time has the entry read again in the background, once at a time per
 * key, so that a key in steady use is always answered from memory: without it, every request that
 * arrived once the reuse time was over waited for its own read of the cluster.
 */
final class ReusedEntries {
  // A kept entry lives a second at most, so only a burst of distinct keys fills these; past them
  // the old entries are swept, and if that is not enough, all are dropped and read again.
  private static final int MOST_ENTRIES = 10_000;
  private static final long MOST_PAYLOAD_BYTES = 32L << 20;
  // A large body costs more to send than to hand between threads: not worth the memory.
  private static final int LARGEST_PAYLOAD = 1 << 20;

  private final ReusedGenerations generations;
  private final Consumer<String> renewal;
  private final Set<String> renewing = ConcurrentHashMap.newKeySet();
  private final Map<String, Kept> kept = new ConcurrentHashMap<>();
  private final AtomicLong payloadBytes = new AtomicLong();
  // Changed by every store through this instance: a read sent before one is not kept.
  private final AtomicLong stores = new AtomicLong();

  private record Kept(
      Optional<CacheEntry> entry, Instant expiresAt, Carried carried, long readAtNanos, long era) {}

  /** What a read notes before it is sent, for {@link #keep}. */
  record Ticket(long stores, long readAtNanos, long era) {}

  /**
   * @param renewal reads the entry of a key again, entry and generations from the cluster, keeps it
   *     if current, and calls {@link #renewed} when done, whatever the outcome
   */
  ReusedEntries(ReusedGenerations generations, Consumer<String> renewal) {
    this.generations = generations;
    this.renewal = renewal;
  }

  /** Whether entries are kept at all: only while generations are reused. */
  boolean enabled() {
    return generations.reuses();
  }

  /** Taken before a read of the cluster is sent. */
  Ticket ticket() {
    return new Ticket(stores.get(), System.nanoTime(), generations.era());
  }

  /**
   * The entry kept under {@code key}, if it was read within the reuse time, is not expired at
   * {@code clock}'s now, and every generation it carries is still reused with the same value;
   * otherwise null, and the caller reads the cluster. An entry past half the reuse time is
   * answered, and renewed unless a renewal of its key is under way.
   */
  Optional<CacheEntry> answer(String key, Clock clock) {
    if (!enabled()) {
      return null;
    }
    Kept entry = kept.get(key);
    if (entry == null
        || entry.era != generations.era()
        || !generations.isReusable(entry.readAtNanos)
        || !entry.expiresAt.isAfter(clock.instant())
        || !generations.stillReused(entry.carried)) {
      return null;
    }
    if (generations.isPastHalf(entry.readAtNanos) && renewing.add(key)) {
      // A hit that read the entry before a renewal replaced it would renew it once more.
      Kept now = kept.get(key);
      if (now != null && now.readAtNanos == entry.readAtNanos) {
        renewal.accept(key);
      } else {
        renewing.remove(key);
      }
    }
    return entry.entry;
  }

  /** Ends the renewal of {@code key}: the next hit past half the reuse time may start another. */
  void renewed(String key) {
    renewing.remove(key);
  }

  /**
   * Keeps {@code entry}, read under {@code ticket} and found current, unless this instance stored
   * under its key, or dropped every copy, since.
   */
  void keep(String key, Ticket ticket, CacheEntry entry, Carried carried) {
    if (!enabled()
        || entry.payloadSize() > LARGEST_PAYLOAD
        || stores.get() != ticket.stores
        || generations.era() != ticket.era) {
      return;
    }
    if (kept.size() >= MOST_ENTRIES || payloadBytes.get() >= MOST_PAYLOAD_BYTES) {
      sweep();
    }
    Kept previous =
        kept.put(
            key,
            new Kept(
                Optional.of(entry),
                entry.expiresAt(),
                carried,
                generations.oldestRead(carried, ticket.readAtNanos),
                ticket.era));
    payloadBytes.addAndGet(
        entry.payloadSize() - (previous == null ? 0 : previous.entry.get().payloadSize()));
  }

  /** Drops what is kept under {@code key}, which this instance is storing anew. */
  void stored(String key) {
    stores.incrementAndGet();
    Kept previous = kept.remove(key);
    if (previous != null) {
      payloadBytes.addAndGet(-previous.entry.get().payloadSize());
    }
  }

  private synchronized void sweep() {
    long era = generations.era();
    kept.values().removeIf(entry -> entry.era != era || !generations.isReusable(entry.readAtNanos));
    long bytes = kept.values().stream().mapToLong(entry -> entry.entry.get().payloadSize()).sum();
    if (kept.size() >= MOST_ENTRIES / 2 || bytes >= MOST_PAYLOAD_BYTES / 2) {
      kept.clear();
      bytes = 0;
    }
    payloadBytes.set(bytes);
  }
}
