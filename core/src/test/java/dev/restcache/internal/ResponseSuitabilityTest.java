package dev.restcache.internal;

import static dev.restcache.internal.ResponseSuitability.Suitability.FRESH;
import static dev.restcache.internal.ResponseSuitability.Suitability.REQUESTED_OTHERWISE;
import static dev.restcache.internal.ResponseSuitability.Suitability.STALE;
import static dev.restcache.internal.ResponseSuitability.Suitability.STALE_WHILE_REVALIDATE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.internal.ResponseSuitability.Suitability;
import dev.restcache.internal.http.CacheDirectives;
import dev.restcache.internal.http.Freshness;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ResponseSuitabilityTest {
  private static final Instant STORED = Instant.parse("2026-11-22T10:00:00Z");

  /** Fresh for 60 s, then 30 s of stale-while-revalidate unless it must revalidate. */
  private static StoredResponse response(boolean mustRevalidate) {
    return response(mustRevalidate, false);
  }

  private static StoredResponse response(boolean mustRevalidate, boolean noCache) {
    return response(mustRevalidate, noCache, false);
  }

  private static StoredResponse response(
      boolean mustRevalidate, boolean noCache, boolean immutable) {
    return new StoredResponse(
        200,
        Headers.EMPTY,
        new byte[0],
        Credentials.NONE,
        new Freshness(
            STORED,
            Duration.ZERO,
            Duration.ofSeconds(60),
            Duration.ofSeconds(30),
            Duration.ofSeconds(100),
            mustRevalidate,
            noCache,
            immutable));
  }

  private static Suitability at(long seconds, String requestCacheControl) {
    return ResponseSuitability.assess(
        response(false), CacheDirectives.parse(requestCacheControl), STORED.plusSeconds(seconds));
  }

  @Test
  void freshUntilTheLifetimeEnds() {
    assertThat(at(0, null)).isEqualTo(FRESH);
    assertThat(at(59, null)).isEqualTo(FRESH);
  }

  @Test
  void staleWhileRevalidateInsideTheWindowOnly() {
    assertThat(at(60, null)).isEqualTo(STALE_WHILE_REVALIDATE);
    assertThat(at(89, null)).isEqualTo(STALE_WHILE_REVALIDATE);
    assertThat(at(90, null)).isEqualTo(STALE);
  }

  @Test
  void mustRevalidateNeverServesStale() {
    assertThat(
            ResponseSuitability.assess(
                response(true), CacheDirectives.NONE, STORED.plusSeconds(61)))
        .isEqualTo(STALE);
    assertThat(
            ResponseSuitability.assess(
                response(true), CacheDirectives.parse("max-stale"), STORED.plusSeconds(61)))
        .isEqualTo(STALE);
  }

  @Test
  void noCacheResponseIsAlwaysRevalidated() {
    assertThat(ResponseSuitability.assess(response(false, true), CacheDirectives.NONE, STORED))
        .isEqualTo(STALE);
    assertThat(
            ResponseSuitability.assess(
                response(false, true), CacheDirectives.parse("max-stale"), STORED.plusSeconds(61)))
        .isEqualTo(STALE);
  }

  @Test
  void freshImmutableResponseIgnoresAReloadButNotOnceStale() {
    StoredResponse immutable = response(false, false, true);
    assertThat(
            ResponseSuitability.assess(
                immutable, CacheDirectives.parse("no-cache"), STORED.plusSeconds(30)))
        .isEqualTo(FRESH);
    assertThat(
            ResponseSuitability.assess(
                immutable, CacheDirectives.parse("max-age=0"), STORED.plusSeconds(30)))
        .isEqualTo(FRESH);
    assertThat(
            ResponseSuitability.assess(
                immutable, CacheDirectives.parse("no-cache"), STORED.plusSeconds(61)))
        .isEqualTo(STALE);
  }

  @Test
  void requestNoCacheAlwaysGoesToTheResource() {
    assertThat(at(0, "no-cache")).isEqualTo(REQUESTED_OTHERWISE);
  }

  @Test
  void requestMaxAgeLimitsTheAgeAccepted() {
    assertThat(at(10, "max-age=10")).isEqualTo(FRESH);
    assertThat(at(11, "max-age=10")).isEqualTo(REQUESTED_OTHERWISE);
    assertThat(at(0, "max-age=0")).isEqualTo(FRESH);
    assertThat(at(1, "max-age=0")).isEqualTo(REQUESTED_OTHERWISE);
  }

  @Test
  void requestMinFreshAsksForRemainingFreshness() {
    assertThat(at(40, "min-fresh=20")).isEqualTo(FRESH);
    assertThat(at(41, "min-fresh=20")).isEqualTo(REQUESTED_OTHERWISE);
  }

  @Test
  void requestMaxStaleAcceptsStaleness() {
    assertThat(at(100, "max-stale=40")).isEqualTo(FRESH);
    assertThat(at(101, "max-stale=40")).isEqualTo(STALE);
    assertThat(at(100_000, "max-stale")).isEqualTo(FRESH);
  }
}
