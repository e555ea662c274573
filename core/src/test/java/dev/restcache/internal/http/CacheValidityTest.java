package dev.restcache.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CacheValidityTest {
  private static final Instant T0 = Instant.parse("1994-11-06T08:49:37Z");
  private static final String T0_DATE = "Sun, 06 Nov 1994 08:49:37 GMT";

  private static Duration explicit(String cc, String date, String expires) {
    return CacheValidity.explicitFreshnessLifetime(CacheDirectives.parse(cc), date, expires, T0)
        .orElse(null);
  }

  @Test
  void sharedCachePrefersSMaxAgeThenMaxAgeThenExpires() {
    String expires = "Sun, 06 Nov 1994 08:59:37 GMT";
    assertThat(explicit("max-age=60, s-maxage=5", T0_DATE, expires)).hasSeconds(5);
    assertThat(explicit("max-age=60", T0_DATE, expires)).hasSeconds(60);
    assertThat(explicit(null, T0_DATE, expires)).hasMinutes(10);
  }

  @Test
  void nothingExplicitLeavesRoomForAHeuristic() {
    assertThat(CacheValidity.explicitFreshnessLifetime(CacheDirectives.NONE, T0_DATE, null, T0))
        .isEmpty();
  }

  @Test
  void expiresEqualToDateIsAlreadyStale() {
    assertThat(explicit(null, T0_DATE, T0_DATE)).isZero();
  }

  @Test
  void invalidExpiresMeansAlreadyStale() {
    assertThat(explicit(null, T0_DATE, "0")).isZero();
    assertThat(explicit(null, T0_DATE, "garbage")).isZero();
  }

  @Test
  void expiresInThePastOfDateIsZeroNotNegative() {
    assertThat(explicit(null, T0_DATE, "Sun, 06 Nov 1994 08:00:00 GMT")).isZero();
  }

  @Test
  void expiresWithoutDateCountsFromTheResponseTime() {
    assertThat(explicit(null, null, "Sun, 06 Nov 1994 08:50:37 GMT")).hasSeconds(60);
    assertThat(explicit(null, "not a date", "Sun, 06 Nov 1994 08:50:37 GMT")).hasSeconds(60);
  }

  @Test
  void invalidMaxAgeMakesTheLifetimeZeroEvenWithExpires() {
    assertThat(explicit("max-age=abc", T0_DATE, "Sun, 06 Nov 1994 09:49:37 GMT")).isZero();
  }

  @Test
  void correctedInitialAgeFollowsRfc9111Section423() {
    // Sent with Age: 10 at T0; the request left 2 s before the response arrived 3 s after Date.
    Instant requestTime = T0.plusSeconds(1);
    Instant responseTime = T0.plusSeconds(3);
    Duration initial = CacheValidity.correctedInitialAge(T0_DATE, "10", requestTime, responseTime);
    // apparent_age = 3; corrected_age_value = 10 + 2 = 12; the larger wins.
    assertThat(initial).hasSeconds(12);
  }

  @Test
  void apparentAgeWinsWhenTheClockShowsMoreThanAgeSays() {
    Instant responseTime = T0.plusSeconds(30);
    assertThat(CacheValidity.correctedInitialAge(T0_DATE, "5", responseTime, responseTime))
        .hasSeconds(30);
  }

  @Test
  void dateInTheFutureIsClockSkewAndCountsAsZero() {
    Instant responseTime = T0.minusSeconds(100);
    assertThat(CacheValidity.correctedInitialAge(T0_DATE, null, responseTime, responseTime))
        .isZero();
  }

  @Test
  void negativeOrNonNumericAgeIsIgnored() {
    assertThat(CacheValidity.correctedInitialAge(T0_DATE, "-10", T0, T0)).isZero();
    assertThat(CacheValidity.correctedInitialAge(T0_DATE, "ten", T0, T0)).isZero();
    assertThat(CacheValidity.correctedInitialAge(T0_DATE, "", T0, T0)).isZero();
  }

  @Test
  void ageListTakesTheFirstMemberAndHugeAgesClamp() {
    assertThat(CacheValidity.correctedInitialAge(null, "7, 9", T0, T0)).hasSeconds(7);
    assertThat(CacheValidity.correctedInitialAge(null, "99999999999999", T0, T0))
        .hasSeconds(2147483648L);
  }

  @Test
  void ageHeaderIsWholeSecondsClamped() {
    assertThat(CacheValidity.ageHeaderSeconds(Duration.ofMillis(5999))).isEqualTo(5);
    assertThat(CacheValidity.ageHeaderSeconds(Duration.ofSeconds(-3))).isZero();
    assertThat(CacheValidity.ageHeaderSeconds(Duration.ofDays(100_000))).isEqualTo(2147483648L);
  }
}
