package dev.restcache;

import java.net.URI;

/**
 * The runtime handle of a response cache: evicts entries and reports statistics.
 *
 * <p>Obtain it from {@link ResponseCacheFeature#cache()}, or inject it into a resource with
 * {@code @Context ResponseCache cache} (Jersey, Apache CXF), or {@code @Inject ResponseCache cache}
 * with the Quarkus extension. Every method waits for the store, at most the feature's store
 * timeout, and never throws because the store failed: a failure is logged and counted in {@link
 * CacheStats#storeErrors()}. So do not call it on a thread that must never wait, such as a Vert.x
 * event loop, unless the store {@linkplain dev.restcache.spi.CacheStore#completesInline() completes
 * inline}.
 */
public interface ResponseCache {

  /**
   * Evicts every entry for the path of {@code uri}: every query string and every {@code Vary}
   * variant, whatever host it was requested through. Only the path of {@code uri} is used.
   *
   * @param uri a URI whose path is evicted; scheme, host and query are ignored
   */
  void invalidate(URI uri);

  /**
   * Evicts every entry for an absolute request path such as {@code /api/books/42}: every query
   * string and every {@code Vary} variant.
   *
   * @param path an absolute path, as clients send it
   */
  void invalidatePath(String path);

  /**
   * Evicts every entry stored with any of the given tags.
   *
   * @param tags the tags
   */
  void invalidateTags(String... tags);

  /** Evicts everything this cache stored. */
  void clear();

  /** {@return a snapshot of the counters since the cache was built} */
  CacheStats stats();
}
