package dev.restcache.testing;

import dev.restcache.memory.InMemoryCacheStore;
import dev.restcache.spi.CacheEntry;
import dev.restcache.spi.CacheStore;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;

/**
 * An in-memory store whose reads answer as a test chooses (later, failed, never), as a remote
 * store's might; every other operation goes straight to the in-memory store.
 */
public final class ReadsReplacedStore implements CacheStore {
  private final CacheStore memory = new InMemoryCacheStore();
  private final BiFunction<CacheStore, String, CompletionStage<Optional<CacheEntry>>> reads;

  /**
   * A store whose reads {@code reads} answers.
   *
   * @param reads what a read of a key answers, given the in-memory store behind and the key
   */
  public ReadsReplacedStore(
      BiFunction<CacheStore, String, CompletionStage<Optional<CacheEntry>>> reads) {
    this.reads = reads;
  }

  @Override
  public CompletionStage<Optional<CacheEntry>> get(String key) {
    return reads.apply(memory, key);
  }

  @Override
  public CompletionStage<Long> generation(String path) {
    return memory.generation(path);
  }

  @Override
  public CompletionStage<Boolean> put(String key, CacheEntry entry, long generation) {
    return memory.put(key, entry, generation);
  }

  @Override
  public CompletionStage<Void> invalidatePath(String path) {
    return memory.invalidatePath(path);
  }

  @Override
  public CompletionStage<Void> invalidateTags(Set<String> tags) {
    return memory.invalidateTags(tags);
  }

  @Override
  public CompletionStage<Void> clear() {
    return memory.clear();
  }

  @Override
  public CompletionStage<Boolean> tryLease(String key, Duration ttl) {
    return memory.tryLease(key, ttl);
  }

  @Override
  public CompletionStage<Boolean> isLeased(String key) {
    return memory.isLeased(key);
  }

  @Override
  public CompletionStage<Void> releaseLease(String key) {
    return memory.releaseLease(key);
  }
}
