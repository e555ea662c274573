package dev.restcache.internal;

import static java.lang.System.Logger.Level.WARNING;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Calls the store within the store timeout and turns every failure — a thrown exception, a
 * failed stage, no answer in time — into one {@link StoreFailure}, counted and logged once, so
 * that the cache can serve the request without the store (fail open).
 */
final class FailOpenStore {
  private static final System.Logger LOG = System.getLogger("dev.restcache");

  private final Duration timeout;
  private final CacheCounters counters;

  FailOpenStore(Duration timeout, CacheCounters counters) {
    this.timeout = timeout;
    this.counters = counters;
  }

  /** A store operation failed or timed out; already counted and logged. */
  static final class StoreFailure extends RuntimeException {
    StoreFailure(Throwable cause) {
      super(cause);
    }
  }

  /** The result of {@code operation}, waited for within the timeout. */
  <T> T call(Supplier<? extends CompletionStage<T>> operation, String name) {
    long deadline = deadline();
    return await(start(operation, name), name, deadline);
  }

  /** As {@link #call}, for an operation whose failure the caller has nothing to do about. */
  void callQuietly(Supplier<? extends CompletionStage<Void>> operation, String name) {
    try {
      call(operation, name);
    } catch (StoreFailure e) {
      // Already counted and logged; the API promises not to throw for a failing store.
    }
  }

  /**
   * Starts every operation before waiting for any, so that they share one deadline and a
   * failing store is waited for once.
   */
  void awaitAll(Map<String, Supplier<CompletionStage<Void>>> operations) {
    long deadline = deadline();
    Map<String, CompletableFuture<Void>> running = new LinkedHashMap<>();
    operations.forEach((name, operation) -> {
      try {
        running.put(name, start(operation, name));
      } catch (StoreFailure e) {
        // Counted and logged; the others still run.
      }
    });
    running.forEach((name, future) -> {
      try {
        await(future, name, deadline);
      } catch (StoreFailure e) {
        // Counted and logged; the API promises not to throw for a failing store.
      }
    });
  }

  /** Starts {@code operation} and waits for nobody; a failure is only counted and logged. */
  void fireAndForget(Supplier<? extends CompletionStage<Void>> operation, String name) {
    try {
      operation.get().whenComplete((done, e) -> {
        if (e != null) {
          failure(name, e);
        }
      });
    } catch (RuntimeException e) {
      failure(name, e);
    }
  }

  private long deadline() {
    return System.nanoTime() + timeout.toNanos();
  }

  // A store that throws instead of returning a failed stage is a failing store all the same.
  private <T> CompletableFuture<T> start(Supplier<? extends CompletionStage<T>> operation,
      String name) {
    try {
      return operation.get().toCompletableFuture();
    } catch (RuntimeException e) {
      throw failure(name, e);
    }
  }

  private <T> T await(CompletableFuture<T> future, String name, long deadline) {
    try {
      return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure(name, e);
    } catch (ExecutionException e) {
      throw failure(name, e.getCause());
    } catch (TimeoutException e) {
      throw failure(name, new TimeoutException("no answer within " + timeout));
    } catch (RuntimeException e) {
      throw failure(name, e);
    }
  }

  private StoreFailure failure(String operation, Throwable cause) {
    counters.storeErrors.increment();
    LOG.log(WARNING, "store {0} failed, serving without the cache: {1}", operation, cause);
    return new StoreFailure(cause);
  }
}
