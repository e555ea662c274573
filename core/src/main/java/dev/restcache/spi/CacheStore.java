package dev.restcache.spi;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Where restcache keeps its entries: in memory, in a Hazelcast map, or anything else.
 *
 * <p>Every operation returns a {@link CompletionStage} so that a remote store never has to block a
 * caller's thread; an in-memory store simply returns completed stages. A failed stage or one that
 * does not complete within the feature's store timeout makes restcache serve the request without
 * the cache (fail open), so implementations need not retry.
 *
 * <h2>Generations</h2>
 *
 * A GET that read the old state of a resource must never store it after a write to that resource
 * has evicted it. restcache therefore reads {@link #generation(String)} for the path before it runs
 * the resource, and passes it back to {@link #put}. A store must refuse the put when the path, any
 * tag, or the whole store has been invalidated since that generation was read, and the check and
 * the write must be atomic with respect to invalidation.
 *
 * <p>Implementations must be thread-safe.
 */
public interface CacheStore extends AutoCloseable {

  /**
   * The entry stored under {@code key}, or empty. Never returns an expired entry knowingly.
   *
   * @param key the key, prefix included
   * @return the entry, or empty when there is none
   */
  CompletionStage<Optional<CacheEntry>> get(String key);

  /**
   * An opaque token that changes whenever {@code path} is invalidated, any tag is invalidated, or
   * the store is cleared.
   *
   * @param path an absolute request path
   * @return the path's current generation
   */
  CompletionStage<Long> generation(String path);

  /**
   * Stores {@code entry} under {@code key}, replacing any previous value, unless the entry's path,
   * one of its tags or the whole store was invalidated after {@code generation} was read.
   *
   * @param key the key, prefix included
   * @param entry the entry
   * @param generation what {@link #generation(String)} answered for the entry's path before the
   *     resource ran
   * @return whether the entry was stored
   */
  CompletionStage<Boolean> put(String key, CacheEntry entry, long generation);

  /**
   * Removes every entry whose {@link CacheEntry#path()} is {@code path}.
   *
   * @param path an absolute request path
   * @return completed once the entries are removed
   */
  CompletionStage<Void> invalidatePath(String path);

  /**
   * Removes every entry that has at least one of {@code tags}.
   *
   * @param tags the tags
   * @return completed once the entries are removed
   */
  CompletionStage<Void> invalidateTags(Set<String> tags);

  /**
   * Removes every entry.
   *
   * @return completed once every entry is removed
   */
  CompletionStage<Void> clear();

  /**
   * Takes the right to fill {@code key} for at most {@code ttl}, so that requests on other
   * instances sharing this store wait for one resource call instead of making their own (collapsed
   * forwarding across a cluster). The lease must lapse by itself after {@code ttl}, so that a dead
   * holder never blocks a key for long.
   *
   * <p>The default takes every lease: a store that only one instance uses needs none, since
   * restcache collapses the requests of one instance itself.
   *
   * @param key the key to fill
   * @param ttl how long the lease lasts at most
   * @return whether the lease was taken
   */
  default CompletionStage<Boolean> tryLease(String key, Duration ttl) {
    return CompletableFuture.completedFuture(true);
  }

  /**
   * Whether a lease on {@code key} is held, by anyone. The default: never.
   *
   * @param key the key
   * @return whether a lease on it is held
   */
  default CompletionStage<Boolean> isLeased(String key) {
    return CompletableFuture.completedFuture(false);
  }

  /**
   * Gives back a lease taken with {@link #tryLease}. The default does nothing.
   *
   * @param key the key whose lease to give back
   * @return completed once the lease is given back
   */
  default CompletionStage<Void> releaseLease(String key) {
    return CompletableFuture.completedFuture(null);
  }

  /**
   * Whether every operation has finished when it returns (its stage is already complete), so that
   * the cache may call the store from a thread that must never wait, such as a Vert.x event loop.
   * The default: false, the safe answer for a remote store.
   *
   * @return whether every stage this store returns is already complete
   */
  default boolean completesInline() {
    return false;
  }

  /** Releases what the store holds open; the default does nothing. */
  @Override
  default void close() {}
}
