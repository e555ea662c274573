package dev.restcache.internal;

import static java.lang.System.Logger.Level.DEBUG;

import dev.restcache.spi.CacheEntry;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The paths and tags (namespaced, as the store holds them) whose eviction this instance started and
 * the store has not confirmed yet. While one is pending, this instance neither serves nor stores an
 * entry of it: a write whose response went out after the eviction timeout must not be followed by
 * the old entry here, whatever the store still holds.
 *
 * <p>An eviction that fails is started again, less and less often, until the store confirms it;
 * until then its path or tag stays fenced. One small map entry per pending path or tag: a store
 * that fails every call holds one per path written meanwhile.
 */
final class PendingEvictions {
  private static final System.Logger LOG = System.getLogger("dev.restcache");
  private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  private static final Duration LAST_RETRY = Duration.ofSeconds(10);

  /** What fences every entry: a pending {@code clear()}. */
  static final String EVERYTHING = "\u0000clear";

  // How many evictions of each path or tag are running; absent when none.
  private final Map<String, Integer> pending = new ConcurrentHashMap<>();

  /**
   * Fences {@code fenced} until the stage {@code eviction} returns completes normally, starting
   * {@code eviction} again after each failure.
   *
   * @return the first attempt's stage, for the write to wait on
   */
  CompletionStage<Void> hold(
      Collection<String> fenced, Supplier<? extends CompletionStage<Void>> eviction) {
    fenced.forEach(key -> pending.merge(key, 1, Integer::sum));
    CompletionStage<Void> first;
    try {
      first = eviction.get();
    } catch (RuntimeException e) {
      first = CompletableFuture.failedFuture(e);
    }
    follow(first, fenced, eviction, FIRST_RETRY);
    return first;
  }

  /** Whether {@code entry}'s path or one of its tags is being evicted. */
  boolean fences(CacheEntry entry) {
    if (pending.isEmpty()) {
      return false;
    }
    return pending.containsKey(EVERYTHING)
        || pending.containsKey(entry.path())
        || entry.tags().stream().anyMatch(pending::containsKey);
  }

  /** Whether an entry of {@code path} with {@code tags} (namespaced) may not be stored now. */
  boolean fences(String path, Collection<String> tags) {
    return !pending.isEmpty()
        && (pending.containsKey(EVERYTHING)
            || pending.containsKey(path)
            || tags.stream().anyMatch(pending::containsKey));
  }

  // The retry is the end of the chain and handles its own failures; the stage it returns has
  // nothing left to report.
  @SuppressWarnings("FutureReturnValueIgnored")
  private void follow(
      CompletionStage<Void> attempt,
      Collection<String> fenced,
      Supplier<? extends CompletionStage<Void>> eviction,
      Duration retryIn) {
    attempt.whenComplete(
        (done, failure) -> {
          if (failure == null) {
            fenced.forEach(key -> pending.computeIfPresent(key, (k, n) -> n == 1 ? null : n - 1));
            return;
          }
          LOG.log(DEBUG, "eviction of {0} failed, trying again in {1}", fenced, retryIn);
          Duration next =
              retryIn.multipliedBy(2).compareTo(LAST_RETRY) > 0
                  ? LAST_RETRY
                  : retryIn.multipliedBy(2);
          CompletableFuture.runAsync(
              () -> {
                CompletionStage<Void> again;
                try {
                  again = eviction.get();
                } catch (RuntimeException e) {
                  again = CompletableFuture.failedFuture(e);
                }
                follow(again, fenced, eviction, next);
              },
              CompletableFuture.delayedExecutor(retryIn.toMillis(), TimeUnit.MILLISECONDS));
        });
  }
}
