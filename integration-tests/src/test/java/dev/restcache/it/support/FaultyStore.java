package dev.restcache.it.support;

import dev.restcache.memory.InMemoryCacheStore;
import dev.restcache.spi.CacheEntry;
import dev.restcache.spi.CacheStore;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A real in-memory store behind a fault: every operation goes through it, so tests see what a
 * broken, slow or corrupting store does to requests.
 */
public final class FaultyStore implements CacheStore {
  /** What goes wrong. */
  public enum Fault {
    /** Every operation throws instead of returning a stage. */
    THROWS,
    /** Every operation returns a failed stage. */
    FAILS,
    /** No operation ever completes. */
    HANGS,
    /** Every operation completes, but only after {@link #delay}. */
    SLOW,
    /** Reads return the entry with its payload bytes scrambled. */
    CORRUPTS
  }

  private final CacheStore delegate = new InMemoryCacheStore();
  private final Fault fault;
  private final Duration delay;
  private final AtomicInteger faults = new AtomicInteger();

  /** A store with {@code fault}; {@code delay} is used by {@link Fault#SLOW} only. */
  public FaultyStore(Fault fault, Duration delay) {
    this.fault = fault;
    this.delay = delay;
  }

  /** How many operations the fault has hit. */
  public int faults() {
    return faults.get();
  }

  private <T> CompletionStage<T> faulty(Supplier<CompletionStage<T>> operation) {
    switch (fault) {
      case THROWS -> {
        faults.incrementAndGet();
        throw new IllegalStateException("store threw");
      }
      case FAILS -> {
        faults.incrementAndGet();
        return CompletableFuture.failedFuture(new IllegalStateException("store failed"));
      }
      case HANGS -> {
        faults.incrementAndGet();
        return new CompletableFuture<>();
      }
      case SLOW -> {
        faults.incrementAndGet();
        return CompletableFuture.supplyAsync(
                () -> null,
                CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS))
            .thenCompose(ignored -> operation.get());
      }
      default -> {
        return operation.get();
      }
    }
  }

  @Override
  public CompletionStage<Optional<CacheEntry>> get(String key) {
    if (fault == Fault.CORRUPTS) {
      return delegate.get(key).thenApply(found -> found.map(this::scrambled));
    }
    return faulty(() -> delegate.get(key));
  }

  private CacheEntry scrambled(CacheEntry entry) {
    faults.incrementAndGet();
    byte[] payload = entry.payload().clone();
    for (int i = 0; i < payload.length; i += 3) {
      payload[i] = (byte) (payload[i] * 31 + 7);
    }
    return new CacheEntry(entry.path(), entry.tags(), entry.expiresAt(), payload);
  }

  @Override
  public CompletionStage<Long> generation(String path) {
    return faulty(() -> delegate.generation(path));
  }

  @Override
  public CompletionStage<Boolean> put(String key, CacheEntry entry, long generation) {
    return faulty(() -> delegate.put(key, entry, generation));
  }

  @Override
  public CompletionStage<Void> invalidatePath(String path) {
    return faulty(() -> delegate.invalidatePath(path));
  }

  @Override
  public CompletionStage<Void> invalidateTags(Set<String> tags) {
    return faulty(() -> delegate.invalidateTags(tags));
  }

  @Override
  public CompletionStage<Void> clear() {
    return faulty(delegate::clear);
  }

  @Override
  public CompletionStage<Boolean> tryLease(String key, Duration ttl) {
    return faulty(() -> delegate.tryLease(key, ttl));
  }

  @Override
  public CompletionStage<Boolean> isLeased(String key) {
    return faulty(() -> delegate.isLeased(key));
  }

  @Override
  public CompletionStage<Void> releaseLease(String key) {
    return faulty(() -> delegate.releaseLease(key));
  }
}
