package dev.restcache.internal;

import dev.restcache.internal.http.CacheDirectives;
import dev.restcache.internal.http.Freshness;
import java.time.Duration;
import java.time.Instant;

/**
 * May this stored response answer this request now? RFC 9111 §4.2 and §5.2.1 with RFC 5861's {@code
 * stale-while-revalidate}. Pure: the time is a parameter.
 */
public final class ResponseSuitability {
  private ResponseSuitability() {}

  /** The answer. */
  public enum Suitability {
    /** Fresh (or stale within what the request accepts): serve it. */
    FRESH,
    /** Stale within {@code stale-while-revalidate}: serve it while one request refreshes it. */
    STALE_WHILE_REVALIDATE,
    /**
     * Fresh, but the request's own directives ({@code no-cache}, {@code max-age}, {@code
     * min-fresh}) rule it out: RFC 9211's {@code fwd=request}.
     */
    REQUESTED_OTHERWISE,
    /** Not usable without going to the resource. */
    STALE
  }

  /**
   * Assesses {@code stored} for a request with {@code request} directives ({@link
   * CacheDirectives#NONE} when the cache ignores them) at {@code now}.
   */
  public static Suitability assess(StoredResponse stored, CacheDirectives request, Instant now) {
    Freshness freshness = stored.freshness();
    if (freshness.noCache()) {
      return Suitability.STALE;
    }
    Duration age = freshness.currentAge(now);
    Duration remaining = freshness.timeToLive(now);
    boolean fresh = freshness.isFresh(now);
    // RFC 8246: a fresh immutable response does not change, so a reload's no-cache or max-age=0
    // has nothing to gain from the resource.
    boolean immutableAndFresh = freshness.immutable() && fresh;
    if (!immutableAndFresh
        && (request.noCache()
            || (request.maxAge() >= 0
                && age.compareTo(Duration.ofSeconds(request.maxAge())) > 0))) {
      return fresh ? Suitability.REQUESTED_OTHERWISE : Suitability.STALE;
    }
    if (fresh) {
      boolean freshEnough =
          request.minFresh() < 0
              || remaining.compareTo(Duration.ofSeconds(request.minFresh())) >= 0;
      return freshEnough ? Suitability.FRESH : Suitability.REQUESTED_OTHERWISE;
    }
    // §4.2.4: must-revalidate (and proxy-revalidate, for a shared cache) forbid serving stale.
    if (freshness.mustRevalidate()) {
      return Suitability.STALE;
    }
    if (request.maxStaleAny()
        || (request.maxStale() >= 0
            && remaining.negated().compareTo(Duration.ofSeconds(request.maxStale())) <= 0)) {
      return Suitability.FRESH;
    }
    return freshness.usableWhileRevalidating(now)
        ? Suitability.STALE_WHILE_REVALIDATE
        : Suitability.STALE;
  }

  /** Whether a stale-if-error response may stand in for an answer of {@code status}. */
  public static boolean isReplaceableError(int status) {
    // RFC 5861 §4: the errors a stale-if-error response may stand in for.
    return status == 500 || status == 502 || status == 503 || status == 504;
  }
}
