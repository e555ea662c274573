package dev.restcache.internal.http;

import java.time.Duration;
import java.time.Instant;

/**
 * How old, how fresh and how long usable when stale one stored response is: its freshness lifetime
 * and corrected initial age (RFC 9111 §4.2), the windows of RFC 5861 and the directives that close
 * them. Fixed once, when the store decision accepts the response; every later question about the
 * entry (serve it, serve it stale, stand in for an error, how long to keep it) is answered from
 * this value. Pure: the time is a parameter.
 *
 * @param responseTime when the response was received from the resource (§4.2.3)
 * @param correctedInitialAge the age the response already had at {@code responseTime}
 * @param lifetime how long it is fresh, from its headers or the TTL
 * @param staleWhileRevalidate how long past its freshness it may be served while refreshed
 * @param staleIfError how long past its freshness it may stand in for a 5xx (RFC 5861 §4)
 * @param mustRevalidate whether it must never be served stale ({@code must-revalidate}, {@code
 *     proxy-revalidate}, §4.2.4)
 * @param noCache whether it must be revalidated before every use ({@code no-cache})
 * @param immutable whether it never changes while fresh ({@code immutable}, RFC 8246)
 */
public record Freshness(
    Instant responseTime,
    Duration correctedInitialAge,
    Duration lifetime,
    Duration staleWhileRevalidate,
    Duration staleIfError,
    boolean mustRevalidate,
    boolean noCache,
    boolean immutable) {

  /**
   * The freshness of a response received at {@code responseTime}, with the response directives
   * {@code cc}, a {@code lifetime} (explicit, or the TTL standing in for none) and the age it had
   * on arrival.
   */
  public static Freshness of(
      CacheDirectives cc, Duration lifetime, Duration correctedInitialAge, Instant responseTime) {
    return new Freshness(
        responseTime,
        correctedInitialAge,
        lifetime,
        Duration.ofSeconds(Math.max(0, cc.staleWhileRevalidate())),
        Duration.ofSeconds(Math.max(0, cc.staleIfError())),
        cc.mustRevalidate() || cc.proxyRevalidate(),
        cc.noCache(),
        cc.immutable());
  }

  /**
   * A response that is never fresh and never usable stale: revalidated before any use, as a
   * refreshed entry that may not be stored is.
   */
  public static Freshness never(Instant responseTime) {
    return new Freshness(
        responseTime,
        Duration.ZERO,
        Duration.ZERO,
        Duration.ZERO,
        Duration.ZERO,
        true,
        true,
        false);
  }

  /** {@code corrected_initial_age + resident_time} at {@code now} (§4.2.3). */
  public Duration currentAge(Instant now) {
    Duration resident = Duration.between(responseTime, now);
    return correctedInitialAge.plus(resident.isNegative() ? Duration.ZERO : resident);
  }

  /** Remaining freshness at {@code now}: zero or negative once stale. */
  public Duration timeToLive(Instant now) {
    return lifetime.minus(currentAge(now));
  }

  /** Whether it is fresh at {@code now}: its lifetime is strictly greater than its age (§4.2). */
  public boolean isFresh(Instant now) {
    return timeToLive(now).compareTo(Duration.ZERO) > 0;
  }

  /**
   * Whether, stale at {@code now}, it may still be served while one request refreshes it: stale by
   * less than its {@code stale-while-revalidate} window, and neither {@code must-revalidate} nor
   * {@code no-cache}.
   */
  public boolean usableWhileRevalidating(Instant now) {
    return usableStale(staleWhileRevalidate, now);
  }

  /**
   * Whether, stale at {@code now}, it may stand in for a 500, 502, 503 or 504: stale by less than
   * its {@code stale-if-error} window (RFC 5861 §4), and neither {@code must-revalidate} nor {@code
   * no-cache}.
   */
  public boolean usableIfError(Instant now) {
    return usableStale(staleIfError, now);
  }

  /**
   * How long past its freshness it is worth keeping for serving stale: the larger RFC 5861 window,
   * none when it must not be served stale.
   */
  public Duration staleWindow() {
    if (mustRevalidate || noCache) {
      return Duration.ZERO;
    }
    return staleWhileRevalidate.compareTo(staleIfError) > 0 ? staleWhileRevalidate : staleIfError;
  }

  /**
   * Until when the entry is worth keeping: past its freshness by its stale window, or by {@code
   * retention} when that is longer (an entry kept to be revalidated with a 304).
   */
  public Instant keptUntil(Duration retention) {
    Duration past = retention.compareTo(staleWindow()) > 0 ? retention : staleWindow();
    return responseTime.plus(lifetime.minus(correctedInitialAge)).plus(past);
  }

  private boolean usableStale(Duration window, Instant now) {
    return !mustRevalidate && !noCache && window.compareTo(timeToLive(now).negated()) > 0;
  }
}
