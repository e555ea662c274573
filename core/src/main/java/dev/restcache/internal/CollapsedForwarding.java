package dev.restcache.internal;

import static java.lang.System.Logger.Level.DEBUG;

import dev.restcache.internal.CacheEngine.Fill;
import dev.restcache.internal.FailOpenStore.StoreFailure;
import dev.restcache.spi.CacheStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Concurrent misses for one key run the resource once: one request leads the fill, the others
 * wait for it (bounded by the collapse timeout) and look again. Within an instance through a
 * map of fills; across the instances sharing a store through its leases.
 */
final class CollapsedForwarding {
  private static final System.Logger LOG = System.getLogger("dev.restcache");
  private static final long LEASE_POLL_MILLIS = 20;

  private final CacheStore store;
  private final FailOpenStore calls;
  private final Entries entries;
  private final Duration timeout;
  private final Map<String, CompletableFuture<Void>> fills = new ConcurrentHashMap<>();

  CollapsedForwarding(CacheStore store, FailOpenStore calls, Entries entries, Duration timeout) {
    this.store = store;
    this.calls = calls;
    this.entries = entries;
    this.timeout = timeout;
  }

  /**
   * Leads the fill of {@code key}: first among this instance's requests, then in the store,
   * which is how the instances sharing a store collapse their misses. Null when another
   * request leads it.
   *
   * @throws StoreFailure when the store failed: the request goes without the cache at once,
   *     since every later call of it would most likely wait out the timeout too
   */
  Fill tryLead(String key) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (fills.putIfAbsent(key, done) != null) {
      return null;
    }
    boolean leased;
    try {
      leased = calls.call(() -> store.tryLease(key, timeout), "tryLease");
    } catch (StoreFailure e) {
      finished(new Fill(key, done, false));
      throw e;
    }
    if (!leased) {
      finished(new Fill(key, done, false));
      return null;
    }
    return new Fill(key, done, true);
  }

  /**
   * Waits for this instance's leader, then for another instance's (a local leader that could
   * not take the store's lease hands its followers on to it), within one collapse timeout. A
   * leader that never finishes is given up on, so that the next request can lead instead.
   */
  void awaitFill(String key) {
    long deadline = System.nanoTime() + timeout.toNanos();
    CompletableFuture<Void> running = fills.get(key);
    if (running != null) {
      try {
        running.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        fills.remove(key, running);
        LOG.log(DEBUG, "collapsed request gave up waiting for {0}", key);
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException e) {
        // A fill only ever completes normally.
      }
    }
    awaitLeaseHolder(key, deadline);
  }

  // Another instance leads: poll the store until its entry appears or its lease is gone.
  private void awaitLeaseHolder(String key, long deadline) {
    try {
      while (System.nanoTime() < deadline
          && entries.read(key) == null
          && calls.call(() -> store.isLeased(key), "isLeased")) {
        Thread.sleep(LEASE_POLL_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (StoreFailure e) {
      // Stop waiting; the request goes to the resource.
    }
  }

  /**
   * Releases the requests waiting for {@code fill}, if any; safe to call more than once.
   * Nobody waits for the lease's release: it expires with the collapse timeout anyway, and a
   * failing store must not hold the response for a second timeout.
   */
  void finished(Fill fill) {
    if (fill != null) {
      fills.remove(fill.key(), fill.done());
      if (fill.done().complete(null) && fill.leased()) {
        calls.fireAndForget(() -> store.releaseLease(fill.key()), "releaseLease");
      }
    }
  }
}
