package dev.restcache.internal.http;

import java.time.Instant;
import java.util.Optional;

/**
 * Evaluates a GET or HEAD's preconditions against a stored response: RFC 9110 §13.1.2 and §13.1.3
 * in the order of §13.2.2, with the cache's fallbacks of RFC 9111 §4.3.2.
 */
public final class ConditionalRequests {
  private ConditionalRequests() {}

  /**
   * Whether the stored response is "not modified" for this request, so a 304 answers it. Every
   * argument may be null.
   */
  public static boolean isNotModified(
      String ifNoneMatch,
      String ifModifiedSince,
      String storedETag,
      String storedLastModified,
      String storedDate) {
    if (ifNoneMatch != null) {
      // §13.1.3: If-Modified-Since is ignored when If-None-Match is present.
      Optional<EntityTag> stored = EntityTag.parse(storedETag);
      if (EntityTag.isWildcardList(ifNoneMatch)) {
        return stored.isPresent();
      }
      return stored.isPresent()
          && EntityTag.parseList(ifNoneMatch).stream()
              .anyMatch(tag -> tag.weakEquals(stored.get()));
    }
    Optional<Instant> since = HttpDates.parse(ifModifiedSince);
    if (since.isEmpty()) {
      return false;
    }
    Optional<Instant> modified = HttpDates.parse(storedLastModified);
    if (modified.isEmpty()) {
      modified = HttpDates.parse(storedDate);
    }
    return modified.isPresent() && !modified.get().isAfter(since.get());
  }
}
