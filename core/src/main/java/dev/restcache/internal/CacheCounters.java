package dev.restcache.internal;

import dev.restcache.CacheStats;
import java.util.concurrent.atomic.LongAdder;

/** What one cache counts, for {@link dev.restcache.ResponseCache#stats()} and the meters. */
final class CacheCounters {
  final LongAdder hits = new LongAdder();
  final LongAdder misses = new LongAdder();
  final LongAdder stores = new LongAdder();
  final LongAdder notStored = new LongAdder();
  final LongAdder invalidations = new LongAdder();
  final LongAdder storeErrors = new LongAdder();

  CacheStats snapshot() {
    return new CacheStats(hits.sum(), misses.sum(), stores.sum(), notStored.sum(),
        invalidations.sum(), storeErrors.sum());
  }
}
