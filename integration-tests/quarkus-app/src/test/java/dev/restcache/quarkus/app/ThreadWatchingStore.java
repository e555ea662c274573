package dev.restcache.quarkus.app;

import dev.restcache.spi.CacheEntry;
import dev.restcache.spi.CacheStore;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A real store that counts the calls made to it, and those made from a Vert.x event-loop thread,
 * and answers a call made on an event loop only once that event loop is free again. A cache that
 * waited for the answer there would never get it, and would fail open after its store timeout,
 * counting a store error.
 */
final class ThreadWatchingStore implements CacheStore {
  static final AtomicInteger CALLS = new AtomicInteger();
  static final AtomicInteger CALLS_ON_EVENT_LOOP = new AtomicInteger();

  private final CacheStore store;

  ThreadWatchingStore(CacheStore store) {
    this.store = store;
  }

  private <T> CompletionStage<T> watched(Supplier<CompletionStage<T>> call) {
    CALLS.incrementAndGet();
    if (!Context.isOnEventLoopThread()) {
      return call.get();
    }
    CALLS_ON_EVENT_LOOP.incrementAndGet();
    Context loop = Vertx.currentContext();
    CompletableFuture<T> answer = new CompletableFuture<>();
    call.get()
        .whenComplete(
            (value, e) ->
                loop.runOnContext(
                    free -> {
                      if (e != null) {
                        answer.completeExceptionally(e);
                      } else {
                        answer.complete(value);
                      }
                    }));
    return answer;
  }

  @Override
  public CompletionStage<Optional<CacheEntry>> get(String key) {
    return watched(() -> store.get(key));
  }

  @Override
  public CompletionStage<Long> generation(String path) {
    return watched(() -> store.generation(path));
  }

  @Override
  public CompletionStage<Boolean> put(String key, CacheEntry entry, long generation) {
    return watched(() -> store.put(key, entry, generation));
  }

  @Override
  public CompletionStage<Void> invalidatePath(String path) {
    return watched(() -> store.invalidatePath(path));
  }

  @Override
  public CompletionStage<Void> invalidateTags(Set<String> tags) {
    return watched(() -> store.invalidateTags(tags));
  }

  @Override
  public CompletionStage<Void> clear() {
    return watched(store::clear);
  }

  @Override
  public CompletionStage<Boolean> tryLease(String key, Duration ttl) {
    return watched(() -> store.tryLease(key, ttl));
  }

  @Override
  public CompletionStage<Boolean> isLeased(String key) {
    return watched(() -> store.isLeased(key));
  }

  // Fire-and-forget: nobody waits for it, so it may start on any thread.
  @Override
  public CompletionStage<Void> releaseLease(String key) {
    return store.releaseLease(key);
  }

  @Override
  public void close() {
    store.close();
  }
}
