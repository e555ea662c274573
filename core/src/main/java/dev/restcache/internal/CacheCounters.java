package dev.restcache.internal;

import dev.restcache.CacheStats;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** What one cache counts, for {@link dev.restcache.ResponseCache#stats()} and the meters. */
final class CacheCounters {
  final LongAdder hits = new LongAdder();
  final LongAdder misses = new LongAdder();
  final LongAdder stores = new LongAdder();
  final LongAdder invalidations = new LongAdder();
  final LongAdder storeErrors = new LongAdder();
  private final Map<NotStoredReason, LongAdder> notStored = new EnumMap<>(NotStoredReason.class);

  CacheCounters() {
    for (NotStoredReason reason : NotStoredReason.values()) {
      notStored.put(reason, new LongAdder());
    }
  }

  void notStored(NotStoredReason reason) {
    notStored.get(reason).increment();
  }

  CacheStats snapshot() {
    Map<String, Long> byReason = new LinkedHashMap<>();
    long total = 0;
    for (Map.Entry<NotStoredReason, LongAdder> count : notStored.entrySet()) {
      long sum = count.getValue().sum();
      byReason.put(count.getKey().detail(), sum);
      total += sum;
    }
    return new CacheStats(
        hits.sum(),
        misses.sum(),
        stores.sum(),
        total,
        invalidations.sum(),
        storeErrors.sum(),
        byReason);
  }
}
