package dev.restcache.hazelcast;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Generations an instance read from the cluster, reused for a short time instead of read again, so
 * that a hit whose entry is near-cached makes no round trip at all.
 *
 * <p>A copy is a lease: it is used for at most {@code reuse} after its read was sent, and every
 * eviction is answered only {@code reuse} (and a tenth more, for clocks that run at slightly
 * different rates) after its new generation was set. A read that returned the old generation was
 * served by the owner before the new one was set, so it was sent before the set completed, and its
 * copy ends before the eviction is answered: after that, no instance serves what it evicted, as
 * without copies. Nothing read during a member removal's quiet time (see {@link MemberRemovals}) is
 * kept. Nothing is sent to the other instances and nothing waits for them, so a frozen or departed
 * instance, a client or a split cluster cannot hold an eviction up for longer.
 *
 * <p>Every instance must reuse for the same time: a writer that waits less than a reader reuses
 * lets that reader serve an evicted entry for the difference. Copies are dropped when a member
 * joins or leaves and when the cluster merges, so that after those a generation is read again.
 */
final class ReusedGenerations implements MembershipListener {
  /** The longest reuse allowed: every eviction waits that long. */
  static final Duration LONGEST = Duration.ofSeconds(1);

  // Past this many copies they are all dropped: a copy lives a second at most, so only a burst of
  // distinct paths reaches it, and reading them again is the cost.
  private static final int MOST_COPIES = 100_000;

  private final MemberRemovals departures;
  private final long reuseNanos;
  private final long writerWaitNanos;
  private final Map<Object, Copy> copies = new ConcurrentHashMap<>();
  // Changed whenever copies are dropped: a copy of a read sent before that is never used.
  private final AtomicLong era = new AtomicLong();

  private record Copy(long value, long readAtNanos, long era) {}

  /** The generations an entry carries: keys of the generations map, and their values. */
  static final class Carried {
    private final Object[] keys;
    private final long[] values;

    Carried(Object[] keys, long[] values) {
      this.keys = keys;
      this.values = values;
    }

    int size() {
      return keys.length;
    }

    Object key(int i) {
      return keys[i];
    }

    long value(int i) {
      return values[i];
    }
  }

  ReusedGenerations(Duration reuse, MemberRemovals departures) {
    this.departures = departures;
    this.reuseNanos = checked(reuse).toNanos();
    this.writerWaitNanos = reuseNanos + reuseNanos / 10;
  }

  /** {@code reuse}, if it is from zero to {@link #LONGEST}. */
  static Duration checked(Duration reuse) {
    if (reuse.isNegative() || reuse.compareTo(LONGEST) > 0) {
      throw new IllegalArgumentException(
          "generations can be reused for 0 to " + LONGEST.toMillis() + " ms, not " + reuse);
    }
    return reuse;
  }

  /** Whether copies are kept at all. */
  boolean reuses() {
    return reuseNanos > 0;
  }

  /** Changes whenever every copy is dropped. */
  long era() {
    return era.get();
  }

  /** Whether what was read at {@code readAtNanos} ({@link System#nanoTime()}) is still reusable. */
  boolean isReusable(long readAtNanos) {
    return System.nanoTime() - readAtNanos < reuseNanos;
  }

  /** Whether what was read at {@code readAtNanos} is past half its reuse time. */
  boolean isPastHalf(long readAtNanos) {
    return System.nanoTime() - readAtNanos >= reuseNanos / 2;
  }

  /**
   * Whether every generation {@code carried} holds is a copy still in use with the same value; no
   * call to the cluster, so false may only mean that a copy is missing or ended.
   */
  boolean stillReused(Carried carried) {
    long currentEra = era.get();
    long now = System.nanoTime();
    for (int i = 0; i < carried.size(); i++) {
      Copy copy = copies.get(carried.key(i));
      if (!inUse(copy, currentEra, now) || copy.value != carried.value(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The older of {@code readAtNanos} and the time the oldest read of the copies {@code carried}
   * holds was sent: an entry kept with them is no younger than its copies. A missing copy does not
   * count; an entry it carries is not served anyway.
   */
  long oldestRead(Carried carried, long readAtNanos) {
    long oldest = readAtNanos;
    for (int i = 0; i < carried.size(); i++) {
      Copy copy = copies.get(carried.key(i));
      if (copy != null && copy.readAtNanos - oldest < 0) {
        oldest = copy.readAtNanos;
      }
    }
    return oldest;
  }

  /**
   * The generations of {@code keys}, from copies still in use or else from {@code cluster} (one
   * call for all the missing keys); an absent generation is 0.
   */
  Map<Object, Long> read(Set<Object> keys, Function<Set<Object>, Map<Object, Long>> cluster) {
    if (reuseNanos == 0) {
      return cluster.apply(keys);
    }
    long now = System.nanoTime();
    long currentEra = era.get();
    Map<Object, Long> values = new HashMap<>();
    Set<Object> missing = null;
    for (Object key : keys) {
      Copy copy = copies.get(key);
      if (inUse(copy, currentEra, now)) {
        values.put(key, copy.value);
      } else {
        if (missing == null) {
          missing = new HashSet<>();
        }
        missing.add(key);
      }
    }
    if (missing != null) {
      values.putAll(readFromCluster(missing, cluster));
    }
    return values;
  }

  private boolean inUse(Copy copy, long currentEra, long now) {
    return copy != null && copy.era == currentEra && now - copy.readAtNanos < reuseNanos;
  }

  /**
   * The generations of {@code keys}, read from {@code cluster} whatever the copies hold, and kept
   * as the copies from now on.
   */
  Map<Object, Long> readFromCluster(
      Set<Object> keys, Function<Set<Object>, Map<Object, Long>> cluster) {
    long sentAt = System.nanoTime();
    long sentIn = era.get();
    long ticket = departures.ticket();
    Map<Object, Long> read = cluster.apply(keys);
    // Nothing read while a member's removal may leave a backup without a write's generation is
    // kept: the store trusts no read then, and a copy would outlive that time.
    if (reuseNanos == 0 || !departures.trusts(ticket)) {
      return read;
    }
    Map<Object, Long> values = new HashMap<>();
    if (copies.size() > MOST_COPIES) {
      copies.clear();
    }
    for (Object key : keys) {
      long value = read.getOrDefault(key, 0L);
      values.put(key, value);
      copies.merge(
          key,
          new Copy(value, sentAt, sentIn),
          (older, newer) -> newer.readAtNanos - older.readAtNanos >= 0 ? newer : older);
    }
    return values;
  }

  /** Completes once no instance can still be using a copy read before this call. */
  CompletionStage<Void> copiesEnded() {
    if (writerWaitNanos == 0) {
      return CompletableFuture.completedFuture(null);
    }
    // The JDK's one delay thread completes it; nothing else runs there.
    return CompletableFuture.runAsync(
        () -> {},
        CompletableFuture.delayedExecutor(writerWaitNanos, TimeUnit.NANOSECONDS, Runnable::run));
  }

  /** Drops every copy, and every read under way. */
  void dropAll() {
    era.incrementAndGet();
    copies.clear();
  }

  @Override
  public void memberAdded(MembershipEvent event) {
    dropAll();
  }

  @Override
  public void memberRemoved(MembershipEvent event) {
    dropAll();
  }
}
