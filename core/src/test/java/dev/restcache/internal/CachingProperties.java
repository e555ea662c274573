package dev.restcache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.internal.ResponseSuitability.Suitability;
import dev.restcache.internal.StoragePolicy.Candidate;
import dev.restcache.internal.http.CacheDirectives;
import dev.restcache.internal.http.Freshness;
import dev.restcache.internal.http.HttpDates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The storage decision and the freshness arithmetic over random responses: directive lists with
 * random values, random {@code Date}, {@code Age} and {@code Expires}, random clocks.
 */
class CachingProperties {
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final Duration TTL = Duration.ofMinutes(2);

  /** A random response's headers: a directive list plus dates, any of them absent. */
  record Response(
      List<String> directives, String date, String age, String expires, boolean setCookie) {
    Headers headers() {
      List<Headers.Field> fields = new ArrayList<>();
      fields.add(new Headers.Field("Cache-Control", String.join(", ", directives)));
      if (date != null) {
        fields.add(new Headers.Field("Date", date));
      }
      if (age != null) {
        fields.add(new Headers.Field("Age", age));
      }
      if (expires != null) {
        fields.add(new Headers.Field("Expires", expires));
      }
      if (setCookie) {
        fields.add(new Headers.Field("Set-Cookie", "id=1"));
      }
      return Headers.of(fields);
    }

    boolean says(String directive) {
      return directives.stream().anyMatch(d -> d.equalsIgnoreCase(directive));
    }
  }

  @Provide
  static Arbitrary<Response> responses() {
    Arbitrary<String> seconds =
        Arbitraries.oneOf(
            Arbitraries.integers().between(-5, 100_000).map(String::valueOf),
            Arbitraries.of("", "abc", "\"60\"", "99999999999999999999"));
    Arbitrary<String> directive =
        Arbitraries.oneOf(
            Arbitraries.of(
                "no-store",
                "no-cache",
                "private",
                "public",
                "must-revalidate",
                "proxy-revalidate",
                "immutable",
                "no-transform",
                "x-extension"),
            seconds.map(s -> "max-age=" + s),
            seconds.map(s -> "s-maxage=" + s),
            seconds.map(s -> "stale-while-revalidate=" + s),
            seconds.map(s -> "stale-if-error=" + s));
    Arbitrary<String> date =
        Arbitraries.oneOf(
            Arbitraries.integers()
                .between(-100_000, 100_000)
                .map(offset -> HttpDates.format(NOW.plusSeconds(offset))),
            Arbitraries.of("not a date", ""),
            Arbitraries.just(null));
    Arbitrary<String> age = Arbitraries.oneOf(seconds, Arbitraries.just(null));
    return Combinators.combine(
            directive.list().ofMaxSize(6),
            date,
            age,
            date,
            Arbitraries.integers().between(0, 9).map(n -> n == 0))
        .as(Response::new);
  }

  private static StoragePolicy.Decision decide(
      Response response, boolean credentials, Instant requestTime, Instant responseTime) {
    return StoragePolicy.decide(
        Candidate.of(
            200,
            response.headers(),
            credentials ? Credentials.AUTHORIZATION : Credentials.NONE,
            TTL,
            requestTime,
            responseTime,
            response.headers()));
  }

  @Property(tries = 3000)
  void noStorePrivateAndSetCookieAreNeverStored(
      @ForAll("responses") Response response, @ForAll boolean credentials) {
    if (response.says("no-store") || response.says("private") || response.setCookie()) {
      assertThat(decide(response, credentials, NOW, NOW)).isInstanceOf(StoragePolicy.Refuse.class);
    }
  }

  @Property(tries = 3000)
  void aCredentialedResponseIsStoredOnlyWhenItSaysItMayBeShared(
      @ForAll("responses") Response response) {
    if (decide(response, true, NOW, NOW) instanceof StoragePolicy.Store store) {
      assertThat(store.sharedWith().admits(Credentials.AUTHORIZATION)).isTrue();
      assertThat(
              response.says("public")
                  || response.says("must-revalidate")
                  || response.directives().stream().anyMatch(d -> d.startsWith("s-maxage=")))
          .isTrue();
    }
  }

  @Property(tries = 3000)
  void anEntryIsNeverServedPastItsLifetimePlusItsAllowedStaleness(
      @ForAll("responses") Response response,
      @ForAll @IntRange(max = 10) int responseDelaySeconds,
      @ForAll @IntRange(min = -10, max = 300_000) int secondsLater) {
    Instant responseTime = NOW.plusSeconds(responseDelaySeconds);
    if (!(decide(response, false, NOW, responseTime) instanceof StoragePolicy.Store store)) {
      return;
    }
    StoredResponse stored = store.response(200, response.headers(), new byte[0]);
    Freshness freshness = stored.freshness();
    assertThat(freshness.responseTime()).isEqualTo(responseTime);
    Instant freshUntil =
        responseTime.plus(freshness.lifetime()).minus(freshness.correctedInitialAge());
    Instant at = responseTime.plusSeconds(secondsLater);
    Suitability suitability = ResponseSuitability.assess(stored, CacheDirectives.NONE, at);
    if (suitability == Suitability.FRESH) {
      assertThat(at).isBefore(freshUntil);
      assertThat(freshness.noCache()).isFalse();
    }
    if (suitability == Suitability.STALE_WHILE_REVALIDATE) {
      assertThat(at).isBefore(freshUntil.plus(freshness.staleWhileRevalidate()));
      assertThat(freshness.mustRevalidate()).isFalse();
    }
    if (freshness.usableIfError(at)) {
      assertThat(at).isBefore(freshUntil.plus(freshness.staleIfError()));
      assertThat(freshness.mustRevalidate()).isFalse();
    }
    assertThat(freshness.isFresh(at)).isEqualTo(at.isBefore(freshUntil));
  }

  @Property(tries = 2000)
  void anAgeOnlyGrowsAndFreshnessOnlyEnds(
      @ForAll("responses") Response response,
      @ForAll @IntRange(max = 100_000) int first,
      @ForAll @IntRange(max = 100_000) int second) {
    if (!(decide(response, false, NOW, NOW) instanceof StoragePolicy.Store store)) {
      return;
    }
    Freshness freshness = store.freshness();
    Instant earlier = NOW.plusSeconds(Math.min(first, second));
    Instant later = NOW.plusSeconds(Math.max(first, second));
    assertThat(freshness.currentAge(later)).isGreaterThanOrEqualTo(freshness.currentAge(earlier));
    if (freshness.isFresh(later)) {
      assertThat(freshness.isFresh(earlier)).isTrue();
    }
  }

  @Property(tries = 2000)
  void aRequestThatForbidsStaleResponsesNeverGetsOne(
      @ForAll("responses") Response response,
      @ForAll @IntRange(max = 300_000) int secondsLater,
      @ForAll @IntRange(max = 1000) int maxAge) {
    if (!(decide(response, false, NOW, NOW) instanceof StoragePolicy.Store store)) {
      return;
    }
    StoredResponse stored = store.response(200, response.headers(), new byte[0]);
    Instant at = NOW.plusSeconds(secondsLater);
    CacheDirectives request = CacheDirectives.parse("max-age=" + maxAge);
    if (ResponseSuitability.assess(stored, request, at) == Suitability.FRESH
        && !stored.freshness().immutable()) {
      assertThat(stored.freshness().currentAge(at)).isLessThanOrEqualTo(Duration.ofSeconds(maxAge));
    }
  }
}
