package dev.restcache.grizzly;

import dev.restcache.memory.InMemoryCacheStore;
import dev.restcache.spi.CacheEntry;
import dev.restcache.spi.CacheStore;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory store whose reads answer as a remote store's might: later on another thread, failed,
 * thrown, or never; every other operation goes straight to the in-memory store.
 */
final class ReadFaultStore implements CacheStore {
  /** How reads answer. */
  enum Read {
    /** Completes a few milliseconds later, on another thread, as Hazelcast's reads do. */
    ELSEWHERE,
    /** Returns a failed stage. */
    FAILS,
    /** Throws instead of returning a stage. */
    THROWS,
    /** Never completes. */
    HANGS
  }

  private static final Executor LATER = CompletableFuture.delayedExecutor(5, TimeUnit.MILLISECONDS);

  private final CacheStore delegate = new InMemoryCacheStore();
  private final Read read;
  private final AtomicInteger reads = new AtomicInteger();

  ReadFaultStore(Read read) {
    this.read = read;
  }

  Read read() {
    return read;
  }

  int reads() {
    return reads.get();
  }

  @Override
  public CompletionStage<Optional<CacheEntry>> get(String key) {
    reads.incrementAndGet();
    return switch (read) {
      case ELSEWHERE ->
          delegate.get(key).toCompletableFuture().thenApplyAsync(found -> found, LATER);
      case FAILS -> CompletableFuture.failedFuture(new IllegalStateException("read failed"));
      case THROWS -> throw new IllegalStateException("read threw");
      case HANGS -> new CompletableFuture<>();
    };
  }

  @Override
  public CompletionStage<Long> generation(String path) {
    return delegate.generation(path);
  }

  @Override
  public CompletionStage<Boolean> put(String key, CacheEntry entry, long generation) {
    return delegate.put(key, entry, generation);
  }

  @Override
  public CompletionStage<Void> invalidatePath(String path) {
    return delegate.invalidatePath(path);
  }

  @Override
  public CompletionStage<Void> invalidateTags(Set<String> tags) {
    return delegate.invalidateTags(tags);
  }

  @Override
  public CompletionStage<Void> clear() {
    return delegate.clear();
  }

  @Override
  public CompletionStage<Boolean> tryLease(String key, Duration ttl) {
    return delegate.tryLease(key, ttl);
  }
}
