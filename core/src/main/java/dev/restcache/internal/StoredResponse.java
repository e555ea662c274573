package dev.restcache.internal;

import dev.restcache.internal.http.CacheValidity;
import java.time.Duration;
import java.time.Instant;

/**
 * A response as restcache stores it: what to replay and what the freshness arithmetic needs.
 *
 * @param status the status code
 * @param headers the end-to-end headers in their original order and case, values kept whole
 * @param body the captured body; empty for none
 * @param responseTime when the response was received from the resource (RFC 9111 §4.2.3)
 * @param correctedInitialAge the age the response already had at {@code responseTime}
 * @param freshnessLifetime how long it is fresh, from its headers or the TTL
 * @param sharedWith the most personal request it may answer
 * @param staleWhileRevalidate how long past its freshness it may be served while refreshed
 * @param staleIfError how long past its freshness it may stand in for a 5xx (RFC 5861)
 * @param mustRevalidate whether it must never be served stale ({@code must-revalidate},
 *     {@code proxy-revalidate})
 * @param noCache whether it must be revalidated before every use ({@code no-cache})
 * @param immutable whether it never changes while fresh ({@code immutable}, RFC 8246)
 */
public record StoredResponse(
    int status,
    Headers headers,
    byte[] body,
    Instant responseTime,
    Duration correctedInitialAge,
    Duration freshnessLifetime,
    Credentials sharedWith,
    Duration staleWhileRevalidate,
    Duration staleIfError,
    boolean mustRevalidate,
    boolean noCache,
    boolean immutable) implements StoredValue {

  /** The response's current age at {@code now}. */
  public Duration currentAge(Instant now) {
    return CacheValidity.currentAge(correctedInitialAge, responseTime, now);
  }

  /** Whether it carries a validator, so that the resource can answer 304 for it. */
  public boolean hasValidator() {
    return headers.contains("ETag") || headers.contains("Last-Modified");
  }

  /** Whether it is still fresh at {@code now}. */
  public boolean isFresh(Instant now) {
    return CacheValidity.isFresh(freshnessLifetime, currentAge(now));
  }

  /** Remaining freshness at {@code now}: negative once stale. */
  public Duration timeToLive(Instant now) {
    return freshnessLifetime.minus(currentAge(now));
  }
}
