package dev.restcache.internal;

import static java.lang.System.Logger.Level.DEBUG;

import dev.restcache.spi.CacheStore;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Evicts by path and by tag. A path is evicted in every spelling the cached methods' templates make
 * equal ({@link ResourcePaths}); the store operations of one eviction run together and are waited
 * for once, within the eviction timeout, so that a write never waits for a failing store more than
 * once. What an eviction concerns is fenced on this instance ({@link PendingEvictions}) until the
 * store confirms it, however long after the write's response that is.
 */
final class Invalidation {
  private static final System.Logger LOG = System.getLogger("dev.restcache");

  private final CacheStore store;
  private final FailOpenStore calls;
  private final Entries entries;
  private final ResourcePaths resourcePaths;
  private final CacheCounters counters;
  private final PendingEvictions pending;

  Invalidation(
      CacheStore store,
      FailOpenStore calls,
      Entries entries,
      ResourcePaths resourcePaths,
      CacheCounters counters,
      PendingEvictions pending) {
    this.store = store;
    this.calls = calls;
    this.entries = entries;
    this.resourcePaths = resourcePaths;
    this.counters = counters;
    this.pending = pending;
  }

  /**
   * Evicts every entry of {@code paths} (raw absolute paths) and of {@code tags}; completes when
   * the store has, or failed to within the eviction timeout (counted and logged).
   */
  CompletableFuture<Void> invalidate(Set<String> paths, Set<String> tags) {
    Map<String, Supplier<CompletionStage<Void>>> operations = new LinkedHashMap<>();
    Set<String> resources = new LinkedHashSet<>();
    paths.forEach(path -> resources.addAll(resourcePaths.spellings(CacheKeys.path(path))));
    for (String resource : resources) {
      String indexed = entries.indexPath(resource);
      operations.put(
          "invalidatePath " + indexed,
          () -> pending.hold(Set.of(indexed), () -> store.invalidatePath(indexed)));
    }
    if (!tags.isEmpty()) {
      Set<String> indexed = entries.indexTags(tags);
      operations.put(
          "invalidateTags " + tags,
          () -> pending.hold(indexed, () -> store.invalidateTags(indexed)));
    }
    if (operations.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    counters.invalidations.add(operations.size());
    LOG.log(DEBUG, "invalidate: {0}", operations.keySet());
    return calls.callAll(operations);
  }

  /** Empties the whole store; completes as {@link #invalidate} does. */
  CompletableFuture<Void> clear() {
    counters.invalidations.increment();
    LOG.log(DEBUG, "clear");
    return calls.callAll(
        Map.of("clear", () -> pending.hold(Set.of(PendingEvictions.EVERYTHING), store::clear)));
  }
}
