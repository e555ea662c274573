package dev.restcache;

/**
 * Whether clients' request {@code Cache-Control} (and {@code Pragma: no-cache}) directives steer
 * the cache.
 *
 * <p>A browser's reload sends {@code Cache-Control: no-cache}; honouring it lets any client force a
 * request through to the resource, which is what a cache in front of an expensive endpoint is there
 * to prevent. CDNs therefore ignore request directives by default, and so does restcache.
 */
public enum RequestDirectives {
  /** Request directives are ignored: the cache decides from the stored response alone. */
  IGNORE,
  /**
   * {@code max-age}, {@code max-stale}, {@code min-fresh}, {@code no-cache}, {@code no-store},
   * {@code only-if-cached} (504 when nothing usable is stored), and {@code Pragma: no-cache} when
   * there is no {@code Cache-Control}, are honoured as RFC 9111 §5.2.1 describes.
   */
  HONOR
}
