package dev.restcache.internal;

import static java.lang.System.Logger.Level.WARNING;

import dev.restcache.internal.StoredValueCodec.CorruptEntryException;
import dev.restcache.spi.CacheEntry;
import dev.restcache.spi.CacheStore;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The cache's values as the store holds them: in restcache's own encoding, and with paths and tags
 * under the key prefix, so that services sharing a store keep apart. A value that does not decode
 * is a miss, counted and logged.
 */
final class Entries {
  private static final System.Logger LOG = System.getLogger("dev.restcache");

  private final CacheStore store;
  private final FailOpenStore calls;
  private final String prefix;
  private final CacheCounters counters;
  private final PendingEvictions pending;
  private final DecodedValues decoded = new DecodedValues();

  Entries(
      CacheStore store,
      FailOpenStore calls,
      String prefix,
      CacheCounters counters,
      PendingEvictions pending) {
    this.store = store;
    this.calls = calls;
    this.prefix = prefix;
    this.counters = counters;
    this.pending = pending;
  }

  /**
   * The value under {@code key}, or null when there is none, it does not decode, or its path or a
   * tag of it is being evicted from here.
   */
  CompletableFuture<StoredValue> read(String key) {
    return calls.call(() -> store.get(key), "get").thenApply(entry -> decode(key, entry));
  }

  private StoredValue decode(String key, Optional<CacheEntry> entry) {
    if (entry.isEmpty() || pending.fences(entry.get())) {
      return null;
    }
    try {
      return decoded.decode(key, entry.get().payload());
    } catch (CorruptEntryException e) {
      counters.storeErrors.increment();
      LOG.log(WARNING, "ignoring a corrupt entry under {0}: {1}", key, e.getMessage());
      return null;
    }
  }

  /**
   * Stores {@code value} under {@code key} unless the path, a tag or the store was invalidated
   * since {@code generation} was read, or an eviction of the path or a tag is still pending.
   *
   * @param indexPath the namespaced path, from {@link #indexPath}
   * @return whether it was stored
   */
  CompletableFuture<Boolean> put(
      String key,
      String indexPath,
      Set<String> tags,
      Instant expiresAt,
      StoredValue value,
      long generation) {
    Set<String> indexTags = indexTags(tags);
    if (pending.fences(indexPath, indexTags)) {
      return CompletableFuture.completedFuture(false);
    }
    CacheEntry entry =
        new CacheEntry(indexPath, indexTags, expiresAt, StoredValueCodec.encode(value));
    return calls.call(() -> store.put(key, entry, generation), "put");
  }

  /** The generation of a namespaced path, read before the resource runs. */
  CompletableFuture<Long> generation(String indexPath) {
    return calls.call(() -> store.generation(indexPath), "generation");
  }

  /** A canonical path under the prefix. */
  String indexPath(String canonicalPath) {
    return prefix + canonicalPath;
  }

  /** Tags under the prefix. */
  Set<String> indexTags(Set<String> tags) {
    return tags.stream().map(tag -> prefix + tag).collect(Collectors.toSet());
  }
}
