package dev.restcache.bench;

import dev.restcache.internal.CacheKeys;
import dev.restcache.internal.Credentials;
import dev.restcache.internal.Headers;
import dev.restcache.internal.KeyRules;
import dev.restcache.internal.StoredResponse;
import dev.restcache.internal.StoredValueCodec;
import dev.restcache.internal.http.CacheDirectives;
import dev.restcache.internal.http.Freshness;
import dev.restcache.internal.http.RequestTarget;
import dev.restcache.memory.InMemoryCacheStore;
import dev.restcache.spi.CacheEntry;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Heap per stored entry beyond its body and headers: {@code MemoryBench <entries> <bodyBytes>
 * [own-tag]}. Fills an in-memory store with entries as the cache stores them (the payload its codec
 * encodes, its key, index path and tags under the default prefix {@code restcache:}) and compares
 * the heap after full collections. Every entry has the tag {@code books}; with {@code own-tag} it
 * also has one of its own, {@code book:<i>}, as {@code @Cached(tags = {"books", "book:{id}"})}
 * gives. Prints one CSV line: {@code
 * entries,body_bytes,header_bytes,payload_bytes,heap_bytes_per_entry,overhead_per_entry}.
 */
public final class MemoryBench {
  private MemoryBench() {}

  public static void main(String[] args) throws Exception {
    int entries = Integer.parseInt(args[0]);
    int bodyBytes = Integer.parseInt(args[1]);
    boolean ownTag = args.length > 2 && args[2].equals("own-tag");
    String prefix = KeyRules.DEFAULT.prefix();
    InMemoryCacheStore store = new InMemoryCacheStore(Long.MAX_VALUE / 4);
    Instant now = Instant.now();
    long before = usedHeapAfterGc();
    long headerBytes = 0;
    long payloadBytes = 0;
    for (int i = 0; i < entries; i++) {
      String path = "/books/" + i;
      Headers headers =
          Headers.of(
              List.of(
                  new Headers.Field("Content-Type", "application/json"),
                  new Headers.Field("ETag", "\"" + Integer.toHexString(i * 31 + 7) + "-abcdef\""),
                  new Headers.Field("Date", "Mon, 23 Nov 2026 10:00:00 GMT")));
      for (Headers.Field field : headers.fields()) {
        headerBytes += field.name().length() + field.value().length();
      }
      byte[] body = new byte[bodyBytes];
      body[0] = (byte) i;
      StoredResponse response =
          new StoredResponse(
              200,
              headers,
              body,
              Credentials.NONE,
              Freshness.of(CacheDirectives.NONE, Duration.ofHours(1), Duration.ZERO, now));
      byte[] payload = StoredValueCodec.encode(response);
      payloadBytes += payload.length;
      // The key and index path as the engine builds them, under the default prefix.
      String key =
          CacheKeys.primaryKey(
              KeyRules.DEFAULT,
              RequestTarget.of(URI.create("http://shop.example" + path)),
              name -> null);
      String indexPath = prefix + CacheKeys.path(path);
      long generation = store.generation(indexPath).toCompletableFuture().get();
      store
          .put(
              key,
              new CacheEntry(
                  indexPath,
                  ownTag
                      ? Set.of(prefix + "books", prefix + "book:" + i)
                      : Set.of(prefix + "books"),
                  now.plus(Duration.ofHours(1)),
                  payload),
              generation)
          .toCompletableFuture()
          .get();
    }
    long after = usedHeapAfterGc();
    if (store.size() != entries) {
      throw new IllegalStateException("stored " + store.size() + " of " + entries);
    }
    double perEntry = (double) (after - before) / entries;
    double content = (double) (entries * (long) bodyBytes + headerBytes) / entries;
    System.out.printf(
        Locale.ROOT,
        "%d,%d,%.1f,%.1f,%.1f,%.1f%n",
        entries,
        bodyBytes,
        (double) headerBytes / entries,
        (double) payloadBytes / entries,
        perEntry,
        perEntry - content);
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(200);
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
