package dev.restcache.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.spi.CacheEntry;
import dev.restcache.spi.CacheStore;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

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

  /**
   * Races GETs through {@code reader} (the generation, then the resource, then the store, then a
   * hit, as a GET and the next one do) against {@code writes} writes through {@code writer}, and
   * asserts that once a write is answered neither store serves a version older than it.
   */
  public static void assertNoOlderVersionAfterWrites(
      CacheStore reader, CacheStore writer, int writes) {
    AtomicInteger resource = new AtomicInteger();
    AtomicBoolean writing = new AtomicBoolean(true);
    CompletableFuture<Void> gets =
        CompletableFuture.runAsync(
            () -> {
              while (writing.get()) {
                long generation = reader.generation("/hot").toCompletableFuture().join();
                int read = resource.get();
                reader.put("hot", entry("/hot", read), generation).toCompletableFuture().join();
                version(reader, "hot");
              }
            });
    try {
      for (int write = 1; write <= writes; write++) {
        resource.set(write);
        writer.invalidatePath("/hot").toCompletableFuture().join();
        for (CacheStore store : List.of(reader, writer)) {
          Optional<Integer> served = version(store, "hot");
          if (served.isPresent()) {
            assertThat(served.get())
                .as("served after write %d", write)
                .isGreaterThanOrEqualTo(write);
          }
        }
      }
    } finally {
      writing.set(false);
      gets.join();
    }
  }
}
