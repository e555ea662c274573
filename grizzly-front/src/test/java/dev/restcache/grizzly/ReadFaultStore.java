package dev.restcache.grizzly;

import dev.restcache.spi.CacheStore;
import dev.restcache.testing.ReadsReplacedStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory store whose reads answer as a remote store's might: later on another thread, failed,
 * thrown, or never; every other operation goes straight to the in-memory store.
 */
final class ReadFaultStore {
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

  private final Read read;
  private final AtomicInteger reads = new AtomicInteger();
  private final CacheStore store;

  ReadFaultStore(Read read) {
    this.read = read;
    this.store =
        new ReadsReplacedStore(
            (memory, key) -> {
              reads.incrementAndGet();
              return switch (read) {
                case ELSEWHERE ->
                    memory.get(key).toCompletableFuture().thenApplyAsync(found -> found, LATER);
                case FAILS ->
                    CompletableFuture.failedFuture(new IllegalStateException("read failed"));
                case THROWS -> throw new IllegalStateException("read threw");
                case HANGS -> new CompletableFuture<>();
              };
            });
  }

  Read read() {
    return read;
  }

  int reads() {
    return reads.get();
  }

  /** The store to build the feature with. */
  CacheStore store() {
    return store;
  }
}
