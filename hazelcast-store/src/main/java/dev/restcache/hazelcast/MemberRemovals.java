package dev.restcache.hazelcast;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether a store may trust what it reads from the cluster, which it may not for a while after a
 * member leaves.
 *
 * <p>The backups of a removed member's partitions take over with the values they hold. A write
 * whose new generation was waiting on that member (frozen, so removed only after its heartbeats
 * stopped, longer than the eviction timeout, and the write already answered) is applied only when
 * its writer tries again, and until then the backup holds the path's old generation, under which
 * the old entry matches. Serving and storing nothing for a while after each removal covers that
 * retry; a call that a removal overlapped is not trusted either, since the event and the takeover
 * reach an instance in no fixed order.
 */
final class MemberRemovals implements MembershipListener {
  private final Clock clock;
  private final long quietMillis;
  private final AtomicLong removals = new AtomicLong();
  private volatile long quietUntil = Long.MIN_VALUE;

  MemberRemovals(Clock clock, Duration quiet) {
    this.clock = clock;
    this.quietMillis = quiet.toMillis();
  }

  /** What a call reads before it goes to the cluster, for {@link #trusts} after. */
  long ticket() {
    return removals.get();
  }

  /** Whether no member left since {@code ticket} was taken, nor lately. */
  boolean trusts(long ticket) {
    return removals.get() == ticket && clock.millis() >= quietUntil;
  }

  /** Whether what was read at {@code millis} was read after the quiet time of every removal. */
  boolean trustsReadAt(long millis) {
    return millis >= quietUntil;
  }

  @Override
  public void memberAdded(MembershipEvent event) {
    // A member that joins takes partitions over by migration, which copies their current values.
  }

  @Override
  public void memberRemoved(MembershipEvent event) {
    // The quiet time first: a call that sees the new count sees it too. It ends on a whole second,
    // so that a generation token, which holds the second it was read in, tells whether it was read
    // after.
    quietUntil = Math.floorDiv(clock.millis() + quietMillis + 999, 1000) * 1000;
    removals.incrementAndGet();
  }
}
