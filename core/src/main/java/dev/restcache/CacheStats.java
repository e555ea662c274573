package dev.restcache;

/**
 * Counters of a {@link ResponseCache}, as a snapshot.
 *
 * @param hits requests answered from the cache without running the resource
 * @param misses cacheable requests that found no usable entry and ran the resource
 * @param stores responses written to the store
 * @param notStored responses to cacheable requests that were not stored (no-store, private,
 *     too large, ...)
 * @param invalidations evictions asked for: by a write, {@link Invalidates} or the API
 * @param storeErrors store operations that failed or timed out (the request was then served
 *     without the cache)
 */
public record CacheStats(
    long hits, long misses, long stores, long notStored, long invalidations, long storeErrors) {

  /** {@return hits over hits plus misses, or 0 before the first lookup} */
  public double hitRatio() {
    long lookups = hits + misses;
    return lookups == 0 ? 0 : (double) hits / lookups;
  }
}
