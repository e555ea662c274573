package dev.restcache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.internal.StoragePolicy.Candidate;
import dev.restcache.internal.http.CacheDirectives;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoragePolicyTest {
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final String NOW_DATE = "Sun, 22 Nov 2026 10:00:00 GMT";
  private static final Duration TTL = Duration.ofMinutes(2);

  private static Headers headers(String... nameValues) {
    List<Headers.Field> fields = new ArrayList<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      fields.add(new Headers.Field(nameValues[i], nameValues[i + 1]));
    }
    return Headers.of(fields);
  }

  private static StoragePolicy.Decision decide(int status, Headers headers) {
    return StoragePolicy.decide(
        Candidate.of(status, headers, Credentials.NONE, TTL, NOW, NOW, headers));
  }

  private static NotStoredReason refused(StoragePolicy.Decision decision) {
    assertThat(decision).isInstanceOf(StoragePolicy.Refuse.class);
    return ((StoragePolicy.Refuse) decision).reason();
  }

  private static Duration lifetime(StoragePolicy.Decision decision) {
    assertThat(decision).isInstanceOf(StoragePolicy.Store.class);
    return ((StoragePolicy.Store) decision).freshness().lifetime();
  }

  @Test
  void plainOkGetsTheTtl() {
    assertThat(lifetime(decide(200, headers()))).isEqualTo(TTL);
  }

  @Test
  void sMaxAgeBeatsMaxAgeBeatsExpiresBeatsTtl() {
    assertThat(lifetime(decide(200, headers("Cache-Control", "max-age=30, s-maxage=10"))))
        .hasSeconds(10);
    assertThat(
            lifetime(
                decide(
                    200,
                    headers(
                        "Cache-Control",
                        "max-age=30",
                        "Date",
                        NOW_DATE,
                        "Expires",
                        "Sun, 22 Nov 2026 10:01:00 GMT"))))
        .hasSeconds(30);
    assertThat(
            lifetime(
                decide(200, headers("Date", NOW_DATE, "Expires", "Sun, 22 Nov 2026 10:01:00 GMT"))))
        .hasSeconds(60);
  }

  @Test
  void neverStoreDirectivesAreRefusedWithTheirReason() {
    assertThat(refused(decide(200, headers("Cache-Control", "no-store"))))
        .isEqualTo(NotStoredReason.NO_STORE);
    assertThat(refused(decide(200, headers("Cache-Control", "private, max-age=60"))))
        .isEqualTo(NotStoredReason.PRIVATE);
    assertThat(refused(decide(200, headers("Vary", "Accept, *"))))
        .isEqualTo(NotStoredReason.VARY_STAR);
    assertThat(refused(decide(200, headers("Set-Cookie", "session=1"))))
        .isEqualTo(NotStoredReason.SET_COOKIE);
  }

  @Test
  void noCacheIsStoredToBeRevalidatedOnEveryUse() {
    StoragePolicy.Decision decision = decide(200, headers("Cache-Control", "no-cache"));
    assertThat(((StoragePolicy.Store) decision).freshness().noCache()).isTrue();
    assertThat(((StoragePolicy.Store) decision).freshness().staleWindow()).isZero();
  }

  @Test
  void staleWindowIsTheLargerOfTheTwoUnlessTheResponseMustRevalidate() {
    StoragePolicy.Store store =
        (StoragePolicy.Store)
            decide(
                200,
                headers(
                    "Cache-Control", "max-age=10, stale-while-revalidate=30, stale-if-error=60"));
    assertThat(store.freshness().staleWindow()).hasSeconds(60);
    StoragePolicy.Store strict =
        (StoragePolicy.Store)
            decide(
                200,
                headers("Cache-Control", "max-age=10, stale-while-revalidate=30, must-revalidate"));
    assertThat(strict.freshness().staleWindow()).isZero();
  }

  @Test
  void authorizedRequestIsStoredOnlyWhenTheResponseAllowsSharing() {
    assertThat(
            refused(
                StoragePolicy.decide(
                    Candidate.of(
                        200,
                        headers("Cache-Control", "max-age=60"),
                        Credentials.AUTHORIZATION,
                        TTL,
                        NOW,
                        NOW,
                        null))))
        .isEqualTo(NotStoredReason.CREDENTIALS);
    for (String shareable : List.of("public", "s-maxage=60", "must-revalidate, max-age=60")) {
      StoragePolicy.Decision decision =
          StoragePolicy.decide(
              Candidate.of(
                  200,
                  headers("Cache-Control", shareable),
                  Credentials.AUTHORIZATION,
                  TTL,
                  NOW,
                  NOW,
                  null));
      assertThat(decision).as(shareable).isInstanceOf(StoragePolicy.Store.class);
      assertThat(((StoragePolicy.Store) decision).sharedWith().admits(Credentials.AUTHORIZATION))
          .isTrue();
    }
  }

  @Test
  void mustRevalidateSharesOnlyWithAuthorizationNeverWithAnIdentity() {
    Headers mustRevalidate = headers("Cache-Control", "must-revalidate, max-age=60");
    assertThat(
            refused(
                StoragePolicy.decide(
                    Candidate.of(200, mustRevalidate, Credentials.IDENTITY, TTL, NOW, NOW, null))))
        .isEqualTo(NotStoredReason.CREDENTIALS);
    StoragePolicy.Store store =
        (StoragePolicy.Store)
            StoragePolicy.decide(
                Candidate.of(200, mustRevalidate, Credentials.NONE, TTL, NOW, NOW, null));
    assertThat(store.sharedWith()).isEqualTo(Credentials.AUTHORIZATION);
    assertThat(store.sharedWith().admits(Credentials.IDENTITY)).isFalse();
    for (String shareable : List.of("public", "s-maxage=60")) {
      assertThat(
              StoragePolicy.decide(
                  Candidate.of(
                      200,
                      headers("Cache-Control", shareable),
                      Credentials.IDENTITY,
                      TTL,
                      NOW,
                      NOW,
                      null)))
          .as(shareable)
          .isInstanceOf(StoragePolicy.Store.class);
    }
  }

  private static Candidate candidate(
      String method,
      String requestCacheControl,
      Credentials credentials,
      boolean personalised,
      boolean rewritten,
      long bodySize) {
    Headers fresh = headers("Cache-Control", "public, max-age=60");
    return new Candidate(
        method,
        CacheDirectives.parse(requestCacheControl),
        credentials,
        personalised,
        rewritten,
        200,
        fresh,
        fresh,
        bodySize,
        100,
        TTL,
        NOW,
        NOW);
  }

  @Test
  void oneDecisionHoldsTheRulesOfTheRequestAndOfWhatWasWrittenToo() {
    assertThat(
            StoragePolicy.decide(candidate("GET", null, Credentials.IDENTITY, false, false, 100)))
        .isInstanceOf(StoragePolicy.Store.class);
    assertThat(
            refused(
                StoragePolicy.decide(candidate("HEAD", null, Credentials.NONE, false, false, -1))))
        .isEqualTo(NotStoredReason.METHOD);
    assertThat(
            refused(
                StoragePolicy.decide(
                    candidate("GET", "no-store", Credentials.NONE, false, false, -1))))
        .isEqualTo(NotStoredReason.REQUEST_NO_STORE);
    assertThat(
            refused(
                StoragePolicy.decide(
                    candidate("GET", null, Credentials.IDENTITY, true, false, -1))))
        .isEqualTo(NotStoredReason.PERSONALISED);
    assertThat(StoragePolicy.decide(candidate("GET", null, Credentials.NONE, true, false, -1)))
        .isInstanceOf(StoragePolicy.Store.class);
    assertThat(
            refused(
                StoragePolicy.decide(candidate("GET", null, Credentials.NONE, false, true, -1))))
        .isEqualTo(NotStoredReason.REWRITTEN);
    assertThat(
            refused(
                StoragePolicy.decide(candidate("GET", null, Credentials.NONE, false, false, 101))))
        .isEqualTo(NotStoredReason.TOO_LARGE);
  }

  @Test
  void mustUnderstandStoresAStatusRestcacheUnderstandsDespiteNoStore() {
    Headers headers = headers("Cache-Control", "max-age=60, must-understand, no-store");
    assertThat(lifetime(decide(200, headers))).hasSeconds(60);
    assertThat(refused(decide(299, headers))).isEqualTo(NotStoredReason.NO_STORE);
    assertThat(refused(decide(299, headers("Cache-Control", "max-age=60, must-understand"))))
        .isEqualTo(NotStoredReason.NO_STORE);
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 203, 204, 300, 301, 308})
  void heuristicallyCacheableStatusesGetTheTtl(int status) {
    assertThat(lifetime(decide(status, headers()))).isEqualTo(TTL);
  }

  @ParameterizedTest
  @ValueSource(ints = {201, 302, 307})
  void otherStatusesNeedExplicitFreshness(int status) {
    assertThat(refused(decide(status, headers()))).isEqualTo(NotStoredReason.NO_FRESHNESS);
    assertThat(lifetime(decide(status, headers("Cache-Control", "max-age=5")))).hasSeconds(5);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 404, 405, 410, 414, 500, 501, 503})
  void anErrorIsStoredOnlyWhenTheResourceItselfMadeItFresh(int status) {
    assertThat(refused(decide(status, headers()))).isEqualTo(NotStoredReason.ERROR_STATUS);
    Headers fresh = headers("Cache-Control", "max-age=5");
    assertThat(lifetime(decide(status, fresh))).hasSeconds(5);
    // Made fresh by a filter or an annotation, not by the resource.
    assertThat(
            refused(
                StoragePolicy.decide(
                    Candidate.of(status, fresh, Credentials.NONE, TTL, NOW, NOW, headers()))))
        .isEqualTo(NotStoredReason.ERROR_STATUS);
    // The runtime cannot tell the resource ran (a parameter that failed to convert).
    assertThat(
            refused(
                StoragePolicy.decide(
                    Candidate.of(status, fresh, Credentials.NONE, TTL, NOW, NOW, null))))
        .isEqualTo(NotStoredReason.ERROR_STATUS);
  }

  @ParameterizedTest
  @ValueSource(ints = {100, 206, 304})
  void partialInterimAndNotModifiedAreNeverStored(int status) {
    assertThat(refused(decide(status, headers("Cache-Control", "max-age=60"))))
        .isEqualTo(NotStoredReason.STATUS);
  }

  @Test
  void zeroTtlStoresOnlyDeclaredFreshness() {
    assertThat(
            refused(
                StoragePolicy.decide(
                    Candidate.of(200, headers(), Credentials.NONE, Duration.ZERO, NOW, NOW, null))))
        .isEqualTo(NotStoredReason.NO_FRESHNESS);
    assertThat(
            lifetime(
                StoragePolicy.decide(
                    Candidate.of(
                        200,
                        headers("Cache-Control", "max-age=9"),
                        Credentials.NONE,
                        Duration.ZERO,
                        NOW,
                        NOW,
                        null))))
        .hasSeconds(9);
  }

  @Test
  void responsesStaleOnArrivalAreRefused() {
    assertThat(refused(decide(200, headers("Cache-Control", "max-age=0"))))
        .isEqualTo(NotStoredReason.STALE);
    assertThat(refused(decide(200, headers("Cache-Control", "max-age=10", "Age", "10"))))
        .isEqualTo(NotStoredReason.STALE);
    assertThat(refused(decide(200, headers("Date", NOW_DATE, "Expires", NOW_DATE))))
        .isEqualTo(NotStoredReason.STALE);
  }

  @Test
  void aResponseNeverFreshButWithItsOwnValidatorIsStoredToBeRevalidated() {
    StoragePolicy.Store stale =
        (StoragePolicy.Store) decide(200, headers("Cache-Control", "max-age=0", "ETag", "\"v1\""));
    assertThat(stale.freshness().lifetime()).isZero();
    assertThat(stale.revalidatable()).isTrue();
    StoragePolicy.Store noCache =
        (StoragePolicy.Store)
            StoragePolicy.decide(
                Candidate.of(
                    200,
                    headers("Cache-Control", "no-cache", "Last-Modified", NOW_DATE),
                    Credentials.NONE,
                    Duration.ZERO,
                    NOW,
                    NOW,
                    null));
    assertThat(noCache.freshness().lifetime()).isZero();
    assertThat(noCache.freshness().noCache()).isTrue();
    assertThat(
            refused(
                StoragePolicy.decide(
                    Candidate.of(
                        200,
                        headers("Cache-Control", "no-cache"),
                        Credentials.NONE,
                        Duration.ZERO,
                        NOW,
                        NOW,
                        null))))
        .isEqualTo(NotStoredReason.NO_FRESHNESS);
    assertThat(refused(decide(201, headers("ETag", "\"v1\""))))
        .isEqualTo(NotStoredReason.NO_FRESHNESS);
  }

  @Test
  void malformedMaxAgeIsTreatedAsStaleNotThrown() {
    assertThat(refused(decide(200, headers("Cache-Control", "max-age=abc"))))
        .isEqualTo(NotStoredReason.STALE);
  }

  @Test
  void ageAlreadySpentIsRecordedAsInitialAge() {
    StoragePolicy.Decision decision =
        decide(200, headers("Cache-Control", "max-age=60", "Age", "15"));
    assertThat(((StoragePolicy.Store) decision).freshness().correctedInitialAge()).hasSeconds(15);
  }
}
