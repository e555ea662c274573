package dev.restcache.it.support;

import dev.restcache.spi.CacheEntry;
import dev.restcache.spi.CacheStore;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Entries whose payload is a version number, tagged {@code books}, for tests that call a store
 * directly and ask which version it serves.
 */
public final class VersionedEntries {
  private VersionedEntries() {}

  /** An entry of {@code path} holding {@code version}, fresh for a minute. */
  public static CacheEntry entry(String path, int version) {
    return new CacheEntry(
        path,
        Set.of("books"),
        Instant.now().plusSeconds(60),
        ByteBuffer.allocate(4).putInt(version).array());
  }

  /** The version {@code store} serves for {@code key}, if it serves one. */
  public static Optional<Integer> version(CacheStore store, String key) {
    return store
        .get(key)
        .toCompletableFuture()
        .join()
        .map(entry -> ByteBuffer.wrap(entry.payload()).getInt());
  }
}
