package dev.restcache;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counters of a {@link ResponseCache}, as a snapshot.
 *
 * @param hits requests answered from the cache without running the resource
 * @param misses cacheable requests that found no usable entry and ran the resource
 * @param stores responses written to the store
 * @param notStored responses to cacheable requests that were not stored (no-store, private, too
 *     large, ...)
 * @param invalidations evictions asked for: by a write, {@link Invalidates} or the API
 * @param storeErrors store operations that failed or timed out (the request was then served without
 *     the cache)
 * @param notStoredByReason {@code notStored} by reason, keyed by the word the {@code Cache-Status}
 *     {@code detail} and the logs use ({@code private}, {@code set-cookie}, {@code too-large},
 *     ...): every reason the cache knows, zero included, so that the keys are the same in every
 *     snapshot of one cache; the values add up to {@code notStored}
 */
public record CacheStats(
    long hits,
    long misses,
    long stores,
    long notStored,
    long invalidations,
    long storeErrors,
    Map<String, Long> notStoredByReason) {

  /**
   * A snapshot; {@code notStoredByReason} is copied, in its order.
   *
   * @param hits see {@link #hits()}
   * @param misses see {@link #misses()}
   * @param stores see {@link #stores()}
   * @param notStored see {@link #notStored()}
   * @param invalidations see {@link #invalidations()}
   * @param storeErrors see {@link #storeErrors()}
   * @param notStoredByReason see {@link #notStoredByReason()}; not null
   */
  public CacheStats {
    notStoredByReason = Collections.unmodifiableMap(new LinkedHashMap<>(notStoredByReason));
  }

  /** {@return hits over hits plus misses, or 0 before the first lookup} */
  public double hitRatio() {
    long lookups = hits + misses;
    return lookups == 0 ? 0 : (double) hits / lookups;
  }
}
