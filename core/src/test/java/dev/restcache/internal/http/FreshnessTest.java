package dev.restcache.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How old, fresh and usable stale one entry is, from the value the store decision fixed. */
class FreshnessTest {
  private static final Instant RECEIVED = Instant.parse("2026-11-22T10:00:00Z");

  /** Received with {@code directives}, fresh for 60 s, already 10 s old on arrival. */
  private static Freshness freshness(String directives) {
    return Freshness.of(
        CacheDirectives.parse(directives),
        Duration.ofSeconds(60),
        Duration.ofSeconds(10),
        RECEIVED);
  }

  private static Instant after(long seconds) {
    return RECEIVED.plusSeconds(seconds);
  }

  @Test
  void theDirectivesFixTheWindowsAndWhatClosesThem() {
    Freshness plain = freshness(null);
    assertThat(plain.lifetime()).hasSeconds(60);
    assertThat(plain.correctedInitialAge()).hasSeconds(10);
    assertThat(plain.responseTime()).isEqualTo(RECEIVED);
    assertThat(plain.staleWhileRevalidate()).isZero();
    assertThat(plain.staleIfError()).isZero();
    assertThat(plain.mustRevalidate() || plain.noCache() || plain.immutable()).isFalse();
    Freshness all =
        freshness(
            "stale-while-revalidate=30, stale-if-error=100, no-cache, "
                + "immutable, proxy-revalidate");
    assertThat(all.staleWhileRevalidate()).hasSeconds(30);
    assertThat(all.staleIfError()).hasSeconds(100);
    assertThat(all.mustRevalidate()).isTrue();
    assertThat(all.noCache()).isTrue();
    assertThat(all.immutable()).isTrue();
    assertThat(freshness("must-revalidate").mustRevalidate()).isTrue();
  }

  @Test
  void unreadableWindowsAreNone() {
    Freshness bad = freshness("stale-while-revalidate=soon, stale-if-error=-5");
    assertThat(bad.staleWhileRevalidate()).isZero();
    assertThat(bad.staleIfError()).isZero();
  }

  @Test
  void theCurrentAgeIsTheInitialAgePlusTheTimeResident() {
    // RFC 9111 §4.2.3: current_age = corrected_initial_age + resident_time.
    assertThat(freshness(null).currentAge(RECEIVED)).hasSeconds(10);
    assertThat(freshness(null).currentAge(after(5))).hasSeconds(15);
  }

  @Test
  void aClockGoingBackNeverMakesAnEntryYounger() {
    assertThat(freshness(null).currentAge(RECEIVED.minusSeconds(30))).hasSeconds(10);
  }

  @Test
  void freshWhileTheLifetimeIsStrictlyGreaterThanTheAge() {
    assertThat(freshness(null).isFresh(after(49))).isTrue();
    assertThat(freshness(null).timeToLive(after(49))).hasSeconds(1);
    assertThat(freshness(null).isFresh(after(50))).isFalse();
    assertThat(freshness(null).timeToLive(after(60))).hasSeconds(-10);
  }

  @Test
  void aZeroLifetimeIsStaleOnArrival() {
    // Expires equal to Date: stale the moment it arrives.
    Freshness zero = Freshness.of(CacheDirectives.NONE, Duration.ZERO, Duration.ZERO, RECEIVED);
    assertThat(zero.isFresh(RECEIVED)).isFalse();
  }

  @Test
  void staleWhileRevalidateHoldsInsideItsWindowOnly() {
    Freshness swr = freshness("stale-while-revalidate=30");
    assertThat(swr.usableWhileRevalidating(after(50))).isTrue();
    assertThat(swr.usableWhileRevalidating(after(79))).isTrue();
    assertThat(swr.usableWhileRevalidating(after(80))).isFalse();
  }

  @Test
  void staleIfErrorHoldsInsideItsWindowOnly() {
    Freshness sie = freshness("stale-if-error=100");
    assertThat(sie.usableIfError(after(30))).isTrue();
    assertThat(sie.usableIfError(after(149))).isTrue();
    assertThat(sie.usableIfError(after(150))).isFalse();
    assertThat(sie.usableWhileRevalidating(after(51))).isFalse();
  }

  @Test
  void mustRevalidateAndNoCacheCloseEveryStaleWindow() {
    for (String closing : new String[] {"must-revalidate", "proxy-revalidate", "no-cache"}) {
      Freshness closed = freshness("stale-while-revalidate=30, stale-if-error=100, " + closing);
      assertThat(closed.usableWhileRevalidating(after(51))).as(closing).isFalse();
      assertThat(closed.usableIfError(after(51))).as(closing).isFalse();
      assertThat(closed.staleWindow()).as(closing).isZero();
    }
  }

  @Test
  void theStaleWindowIsTheLargerOfTheTwo() {
    assertThat(freshness("stale-while-revalidate=30, stale-if-error=100").staleWindow())
        .hasSeconds(100);
    assertThat(freshness("stale-while-revalidate=300, stale-if-error=100").staleWindow())
        .hasSeconds(300);
  }

  @Test
  void anEntryIsKeptUntilItsFreshnessEndsPlusItsStaleWindowOrTheRetention() {
    Freshness sie = freshness("stale-if-error=100");
    // Fresh until 50 s after arrival (60 s lifetime, 10 s spent before).
    assertThat(freshness(null).keptUntil(Duration.ZERO)).isEqualTo(after(50));
    assertThat(sie.keptUntil(Duration.ZERO)).isEqualTo(after(150));
    assertThat(sie.keptUntil(Duration.ofSeconds(40))).isEqualTo(after(150));
    assertThat(sie.keptUntil(Duration.ofHours(24))).isEqualTo(after(50).plus(Duration.ofHours(24)));
  }

  @Test
  void neverFreshIsRevalidatedBeforeEveryUse() {
    Freshness never = Freshness.never(RECEIVED);
    assertThat(never.isFresh(RECEIVED)).isFalse();
    assertThat(never.usableWhileRevalidating(RECEIVED)).isFalse();
    assertThat(never.usableIfError(RECEIVED)).isFalse();
    assertThat(never.keptUntil(Duration.ZERO)).isEqualTo(RECEIVED);
  }
}
