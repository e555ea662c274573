package dev.restcache.internal;

import static java.lang.System.Logger.Level.WARNING;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Calls the store within the store timeout and turns every failure — a thrown exception, a failed
 * stage, no answer in time — into one {@link StoreFailure}, counted and logged once, so that the
 * cache can serve the request without the store (fail open).
 *
 * <p>Calls return stages that nobody has to wait for: a runtime that can suspend a request goes on
 * when they complete. A store that completes inline (in memory) gets its own completed stage back,
 * so a hit allocates nothing for the timeout.
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

  /**
   * The result of {@code operation}: completed with its value, or exceptionally with a {@link
   * StoreFailure} when it failed or did not answer within the timeout.
   */
  <T> CompletableFuture<T> call(Supplier<? extends CompletionStage<T>> operation, String name) {
    CompletableFuture<T> running;
    try {
      running = operation.get().toCompletableFuture();
    } catch (RuntimeException e) {
      // A store that throws instead of returning a failed stage is a failing store all the same.
      return CompletableFuture.failedFuture(failure(name, e));
    }
    if (running.isDone() && !running.isCompletedExceptionally()) {
      return running;
    }
    // A copy, so that the timeout never completes the store's own future.
    return running
        .copy()
        .orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS)
        .handle(
            (value, e) -> {
              if (e != null) {
                throw failure(name, cause(e));
              }
              return value;
            });
  }

  /** As {@link #call}, waited for: the value, or a thrown {@link StoreFailure}. */
  <T> T await(Supplier<? extends CompletionStage<T>> operation, String name) {
    return join(call(operation, name));
  }

  /**
   * Starts every operation before any is waited for, so that they share one timeout and a failing
   * store is waited for once; completes when all have, failures counted and logged.
   */
  CompletableFuture<Void> callAll(Map<String, Supplier<CompletionStage<Void>>> operations) {
    List<CompletableFuture<Void>> running = new ArrayList<>(operations.size());
    operations.forEach(
        (name, operation) -> running.add(call(operation, name).exceptionally(failed -> null)));
    return CompletableFuture.allOf(running.toArray(CompletableFuture[]::new));
  }

  /** Starts {@code operation} and waits for nobody; a failure is only counted and logged. */
  void fireAndForget(Supplier<? extends CompletionStage<Void>> operation, String name) {
    try {
      operation
          .get()
          .whenComplete(
              (done, e) -> {
                if (e != null) {
                  failure(name, cause(e));
                }
              });
    } catch (RuntimeException e) {
      failure(name, e);
    }
  }

  /**
   * Waits for a stage of this class's making. It always completes within the store timeout, so only
   * a failure can come out of it, and that is a {@link StoreFailure}.
   */
  static <T> T join(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreFailure(e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof StoreFailure failure ? failure : new StoreFailure(e);
    }
  }

  /** The failure a stage completed with, without the wrappers of its composition. */
  static Throwable cause(Throwable e) {
    Throwable cause = e;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private StoreFailure failure(String operation, Throwable cause) {
    if (cause instanceof StoreFailure already) {
      return already;
    }
    counters.storeErrors.increment();
    Throwable reported =
        cause instanceof TimeoutException
            ? new TimeoutException("no answer within " + timeout)
            : cause;
    LOG.log(WARNING, "store {0} failed, serving without the cache: {1}", operation, reported);
    return new StoreFailure(reported);
  }
}
