package dev.restcache.internal.http;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a response's headers say about its freshness and age when it arrives (RFC 9111 §4.2.1,
 * §4.2.3), and how an age is written; {@link Freshness} holds the result for the entry. Pure: every
 * time is a parameter.
 */
public final class CacheValidity {
  private CacheValidity() {}

  /**
   * The freshness lifetime the response states (§4.2.1): {@code s-maxage}, else {@code max-age},
   * else {@code Expires} minus {@code Date} (the response time standing in for a missing or invalid
   * {@code Date}). An invalid {@code Expires} means already stale (§5.3). Empty when the response
   * states none, so a heuristic (the TTL) may apply.
   */
  public static Optional<Duration> explicitFreshnessLifetime(
      CacheDirectives cc, String dateHeader, String expiresHeader, Instant responseTime) {
    if (cc.sMaxAge() >= 0) {
      return Optional.of(Duration.ofSeconds(cc.sMaxAge()));
    }
    if (cc.maxAge() >= 0) {
      return Optional.of(Duration.ofSeconds(cc.maxAge()));
    }
    if (expiresHeader == null) {
      return Optional.empty();
    }
    Optional<Instant> expires = HttpDates.parse(expiresHeader);
    if (expires.isEmpty()) {
      return Optional.of(Duration.ZERO);
    }
    Instant date = HttpDates.parse(dateHeader).orElse(responseTime);
    Duration lifetime = Duration.between(date, expires.get());
    return Optional.of(lifetime.isNegative() ? Duration.ZERO : lifetime);
  }

  /**
   * The age the response had when it was received (§4.2.3): the larger of the apparent age ({@code
   * response_time - date_value}, never negative) and the {@code Age} it carried plus the time the
   * request took.
   */
  public static Duration correctedInitialAge(
      String dateHeader, String ageHeader, Instant requestTime, Instant responseTime) {
    Duration apparentAge =
        HttpDates.parse(dateHeader)
            .map(date -> Duration.between(date, responseTime))
            .filter(age -> !age.isNegative())
            .orElse(Duration.ZERO);
    Duration responseDelay = Duration.between(requestTime, responseTime);
    if (responseDelay.isNegative()) {
      responseDelay = Duration.ZERO;
    }
    Duration correctedAgeValue = Duration.ofSeconds(ageSeconds(ageHeader)).plus(responseDelay);
    return apparentAge.compareTo(correctedAgeValue) >= 0 ? apparentAge : correctedAgeValue;
  }

  /** The {@code Age} field value for an age: whole seconds, at most 2<sup>31</sup> (§5.1). */
  public static long ageHeaderSeconds(Duration currentAge) {
    return Math.min(Math.max(0, currentAge.toSeconds()), CacheDirectives.DELTA_SECONDS_MAX);
  }

  // §5.1: Age is a delta-seconds; an invalid value is ignored, a list takes its first member.
  private static long ageSeconds(String ageHeader) {
    if (ageHeader == null) {
      return 0;
    }
    String first = ageHeader.split(",", 2)[0].trim();
    CacheDirectives parsed = CacheDirectives.parse("max-age=" + first);
    return parsed.hasInvalidValue() ? 0 : parsed.maxAge();
  }
}
