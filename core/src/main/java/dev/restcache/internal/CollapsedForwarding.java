package dev.restcache.internal;

import static java.lang.System.Logger.Level.DEBUG;

import dev.restcache.internal.CacheEngine.Fill;
import dev.restcache.spi.CacheStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Concurrent misses for one key run the resource once: one request leads the fill, the others wait
 * for it (bounded by the collapse timeout) and look again. Within an instance through a map of
 * fills; across the instances sharing a store through its leases.
 */
final class CollapsedForwarding {
  private static final System.Logger LOG = System.getLogger("dev.restcache");
  private static final Executor POLL = CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS);
  private static final CompletableFuture<Fill> NOBODY = CompletableFuture.completedFuture(null);
  private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);
  private static final CompletableFuture<Boolean> NOT_LEASED =
      CompletableFuture.completedFuture(false);
  // What the rest of a request may take once its resource has answered, beyond the store
  // timeout: its response filters and the writing of a body no larger than an entry.
  private static final Duration WRITING = Duration.ofSeconds(1);
  private static final int ENDED_STRIPES = 64;

  private final CacheStore store;
  private final FailOpenStore calls;
  private final Entries entries;
  private final Duration timeout;
  private final Duration afterAnswer;
  private final Map<String, CompletableFuture<Void>> fills = new ConcurrentHashMap<>();
  // How many fills have ended, by stripe of their keys: a request that read no entry and then
  // leads may have read before a fill of its key stored its entry and ended (see endedSince).
  private final AtomicLongArray ended = new AtomicLongArray(ENDED_STRIPES);

  CollapsedForwarding(
      CacheStore store,
      FailOpenStore calls,
      Entries entries,
      Duration timeout,
      Duration storeTimeout) {
    this.store = store;
    this.calls = calls;
    this.entries = entries;
    this.timeout = timeout;
    Duration rest = storeTimeout.plus(WRITING);
    this.afterAnswer = rest.compareTo(timeout) < 0 ? rest : timeout;
  }

  /**
   * A mark to take before reading {@code key}, for {@link #endedSince}: a request that reads no
   * entry, then wins the lead, may have read just before the previous leader stored its entry and
   * ended its fill, and would run the resource a second time.
   */
  long mark(String key) {
    return ended.get(stripe(key));
  }

  /**
   * Whether a fill of {@code key} may have ended since {@code mark} was taken, so that what it
   * stored was not there to read then. Keys share stripes, so a fill of another key can say yes
   * too: it costs one more read, never a missed entry.
   */
  boolean endedSince(String key, long mark) {
    return ended.get(stripe(key)) != mark;
  }

  private static int stripe(String key) {
    int h = key.hashCode();
    return (h ^ (h >>> 16)) & (ENDED_STRIPES - 1);
  }

  /**
   * Leads the fill of {@code key}: first among this instance's requests, then in the store, which
   * is how the instances sharing a store collapse their misses. Completes with null when another
   * request leads it, and with a {@link FailOpenStore.StoreFailure} when the store failed: the
   * request then goes without the cache at once, since every later call of it would most likely
   * wait out the timeout too.
   */
  CompletableFuture<Fill> tryLead(String key) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (fills.putIfAbsent(key, done) != null) {
      return NOBODY;
    }
    expireAfterTimeout(key, done);
    return calls
        .call(() -> store.tryLease(key, timeout), "tryLease")
        .handle(
            (leased, e) -> {
              if (e != null || !leased) {
                finished(new Fill(key, done, false));
                if (e != null) {
                  throw e instanceof CompletionException wrapped
                      ? wrapped
                      : new CompletionException(e);
                }
                return null;
              }
              return new Fill(key, done, true);
            });
  }

  // The bound behind the runtime's end-of-request hook: a fill no hook finished (a runtime
  // without one, a way of ending a request the hook does not see) holds its followers, and its
  // slot, no longer than the collapse timeout from its start, as the store's lease does.
  // The callback is the end of the chain and handles its own failures; the stage it returns
  // has nothing left to report.
  @SuppressWarnings("FutureReturnValueIgnored")
  private void expireAfterTimeout(String key, CompletableFuture<Void> done) {
    done.completeOnTimeout(null, timeout.toNanos(), TimeUnit.NANOSECONDS)
        .whenComplete(
            (finished, e) -> {
              if (fills.remove(key, done)) {
                LOG.log(DEBUG, "fill of {0} released after the collapse timeout", key);
              }
            });
  }

  /**
   * Completes once this instance's leader is done, then another instance's (a local leader that
   * could not take the store's lease hands its followers on to it), within one collapse timeout. A
   * leader that never finishes is given up on, so that the next request can lead instead. Never
   * completes exceptionally: a failing store ends the wait.
   */
  CompletableFuture<Void> awaitFill(String key) {
    long deadline = System.nanoTime() + timeout.toNanos();
    CompletableFuture<Void> running = fills.get(key);
    if (running == null) {
      return awaitLeaseHolder(key, deadline);
    }
    return running
        .thenApply(done -> true)
        .completeOnTimeout(false, timeout.toNanos(), TimeUnit.NANOSECONDS)
        .thenCompose(
            finished -> {
              if (!finished) {
                fills.remove(key, running);
                LOG.log(DEBUG, "collapsed request gave up waiting for {0}", key);
                return DONE;
              }
              return awaitLeaseHolder(key, deadline);
            });
  }

  // Another instance leads: poll the store until its entry appears or its lease is gone.
  private CompletableFuture<Void> awaitLeaseHolder(String key, long deadline) {
    if (System.nanoTime() >= deadline) {
      return DONE;
    }
    return entries
        .read(key)
        .thenCompose(
            value -> value != null ? NOT_LEASED : calls.call(() -> store.isLeased(key), "isLeased"))
        .thenCompose(
            leased ->
                !leased
                    ? DONE
                    : CompletableFuture.runAsync(() -> {}, POLL)
                        .thenCompose(polled -> awaitLeaseHolder(key, deadline)))
        .exceptionally(storeFailed -> null);
  }

  /**
   * Bounds what is left of the request leading {@code fill} once its resource has answered: the
   * response filters, writing the body and storing it, which take the store timeout and a second at
   * most. The fill is released then at the latest, should nothing report the end of that request (a
   * filter or a writer that failed on a runtime whose end-of-request hook missed it), so that the
   * requests collapsed onto it do not wait out the collapse timeout. A leader that is merely slow
   * costs one more call of the resource, by the request that leads next.
   */
  // The callback is the end of the chain and handles its own failures; the stage it returns
  // has nothing left to report.
  @SuppressWarnings("FutureReturnValueIgnored")
  void answered(Fill fill) {
    if (fill != null) {
      // The timer is cancelled as soon as the fill is done, so that finished fills leave none.
      fill.done()
          .copy()
          .completeOnTimeout(null, afterAnswer.toNanos(), TimeUnit.NANOSECONDS)
          .thenRun(() -> finished(fill));
    }
  }

  /**
   * Releases the requests waiting for {@code fill}, if any; safe to call more than once. Nobody
   * waits for the lease's release: it expires with the collapse timeout anyway, and a failing store
   * must not hold the response for a second timeout.
   */
  void finished(Fill fill) {
    if (fill != null) {
      // Counted before the slot is freed: whoever takes the slot next sees the count.
      ended.incrementAndGet(stripe(fill.key()));
      fills.remove(fill.key(), fill.done());
      if (fill.done().complete(null) && fill.leased()) {
        calls.fireAndForget(() -> store.releaseLease(fill.key()), "releaseLease");
      }
    }
  }
}
