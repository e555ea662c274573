package dev.restcache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.internal.http.CacheDirectives;
import dev.restcache.internal.http.Freshness;
import dev.restcache.internal.http.HttpDates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every answer to "may what is stored answer this request now?". */
class ServeDecisionTest {
  private static final Instant STORED = Instant.parse("2026-11-22T10:00:00Z");

  private static StoredResponse stored(
      int status, Credentials sharedWith, boolean validator, boolean mustRevalidate) {
    List<Headers.Field> fields = new ArrayList<>();
    fields.add(new Headers.Field("Date", HttpDates.format(STORED)));
    if (validator) {
      fields.add(new Headers.Field("ETag", "\"v1\""));
    }
    // Fresh 60 s, then stale-while-revalidate 30 s and stale-if-error 100 s.
    String directives =
        "max-age=60, stale-while-revalidate=30, stale-if-error=100"
            + (mustRevalidate ? ", must-revalidate" : "");
    return new StoredResponse(
        status,
        Headers.of(fields),
        new byte[0],
        sharedWith,
        Freshness.of(
            CacheDirectives.parse(directives), Duration.ofSeconds(60), Duration.ZERO, STORED));
  }

  private static StoredResponse stored(boolean validator) {
    return stored(200, Credentials.NONE, validator, false);
  }

  private static ServeDecision.Request request(String cacheControl) {
    return new ServeDecision.Request(
        Credentials.NONE, CacheDirectives.parse(cacheControl), null, null);
  }

  private static ServeDecision.Outcome at(
      StoredResponse stored, ServeDecision.Request request, long seconds) {
    return ServeDecision.decide(
        stored, ForwardReason.URI_MISS, request, STORED.plusSeconds(seconds));
  }

  @Test
  void nothingStoredGoesToTheResourceForTheMissReasonOrIsUnsatisfiable() {
    assertThat(ServeDecision.decide(null, ForwardReason.VARY_MISS, request(null), STORED))
        .isEqualTo(new ServeDecision.Forward(ForwardReason.VARY_MISS, false, false));
    assertThat(
            ServeDecision.decide(null, ForwardReason.URI_MISS, request("only-if-cached"), STORED))
        .isEqualTo(new ServeDecision.Unsatisfiable());
  }

  @Test
  void aFreshEntryIsServedAndA304AnswersConditionsThatHold() {
    assertThat(at(stored(true), request(null), 10)).isEqualTo(new ServeDecision.Serve(false));
    ServeDecision.Request matching =
        new ServeDecision.Request(Credentials.NONE, CacheDirectives.NONE, "\"v1\"", null);
    assertThat(at(stored(true), matching, 10)).isEqualTo(new ServeDecision.Serve(true));
    // RFC 9110 §13.1.3 with RFC 9111 §4.3.2: without Last-Modified, the Date stands in.
    ServeDecision.Request since =
        new ServeDecision.Request(
            Credentials.NONE, CacheDirectives.NONE, null, HttpDates.format(STORED.plusSeconds(5)));
    assertThat(at(stored(false), since, 10)).isEqualTo(new ServeDecision.Serve(true));
    assertThat(at(stored(404, Credentials.NONE, true, false), matching, 10))
        .isEqualTo(new ServeDecision.Serve(false));
  }

  @Test
  void anEntryIsRefusedToCredentialsItWasNotSharedWith() {
    ServeDecision.Request authorization =
        new ServeDecision.Request(Credentials.AUTHORIZATION, CacheDirectives.NONE, null, null);
    ServeDecision.Request identity =
        new ServeDecision.Request(Credentials.IDENTITY, CacheDirectives.NONE, null, null);
    assertThat(at(stored(true), authorization, 10))
        .isEqualTo(new ServeDecision.Refuse(NotStoredReason.CREDENTIALS));
    StoredResponse mustRevalidate = stored(200, Credentials.AUTHORIZATION, true, true);
    assertThat(at(mustRevalidate, authorization, 10)).isEqualTo(new ServeDecision.Serve(false));
    assertThat(at(mustRevalidate, identity, 10))
        .isEqualTo(new ServeDecision.Refuse(NotStoredReason.CREDENTIALS));
    assertThat(at(stored(200, Credentials.IDENTITY, true, false), identity, 10))
        .isEqualTo(new ServeDecision.Serve(false));
  }

  @Test
  void insideStaleWhileRevalidateTheEntryIsServedWhileOneRequestRefreshesIt() {
    assertThat(at(stored(true), request(null), 70))
        .isEqualTo(
            new ServeDecision.ServeWhileRefreshing(
                false, new ServeDecision.Forward(ForwardReason.STALE, true, true)));
  }

  @Test
  void aStaleEntryIsRevalidatedWhenItHasAValidatorAndMayStandInForAnError() {
    assertThat(at(stored(true), request(null), 95))
        .isEqualTo(new ServeDecision.Forward(ForwardReason.STALE, true, true));
    assertThat(at(stored(false), request(null), 95))
        .isEqualTo(new ServeDecision.Forward(ForwardReason.STALE, false, true));
    assertThat(at(stored(true), request(null), 200))
        .isEqualTo(new ServeDecision.Forward(ForwardReason.STALE, true, false));
    assertThat(at(stored(200, Credentials.NONE, true, true), request(null), 70))
        .isEqualTo(new ServeDecision.Forward(ForwardReason.STALE, true, false));
  }

  // Still fresh, so it may stand in for a 5xx the forwarded request gets.
  @Test
  void aFreshEntryTheRequestRulesOutIsForwardedForTheRequest() {
    assertThat(at(stored(true), request("no-cache"), 10))
        .isEqualTo(new ServeDecision.Forward(ForwardReason.REQUEST, true, true));
    assertThat(at(stored(true), request("max-age=5"), 10))
        .isEqualTo(new ServeDecision.Forward(ForwardReason.REQUEST, true, true));
  }

  @Test
  void onlyIfCachedWithNothingUsableIsUnsatisfiable() {
    assertThat(at(stored(true), request("only-if-cached"), 200))
        .isEqualTo(new ServeDecision.Unsatisfiable());
    assertThat(at(stored(true), request("only-if-cached"), 10))
        .isEqualTo(new ServeDecision.Serve(false));
  }

  @Test
  void theRequestsOwnFreshnessDirectivesWidenOrNarrowWhatIsServed() {
    // RFC 9111 §5.2.1.2: max-stale accepts a stale entry as it is, past every stale window.
    assertThat(at(stored(true), request("max-stale"), 500))
        .isEqualTo(new ServeDecision.Serve(false));
    assertThat(at(stored(true), request("max-stale=50"), 95))
        .isEqualTo(new ServeDecision.Serve(false));
    // §5.2.1.3: min-fresh asks for more freshness than is left.
    assertThat(at(stored(true), request("min-fresh=30"), 40))
        .isEqualTo(new ServeDecision.Forward(ForwardReason.REQUEST, true, true));
    // §4.2.4: must-revalidate forbids max-stale too.
    assertThat(at(stored(200, Credentials.NONE, true, true), request("max-stale"), 70))
        .isEqualTo(new ServeDecision.Forward(ForwardReason.STALE, true, false));
  }

  @Test
  void aStoredNoCacheResponseIsAlwaysRevalidatedAndAnImmutableOneIgnoresAReload() {
    StoredResponse noCache =
        new StoredResponse(
            200,
            Headers.of(List.of(new Headers.Field("ETag", "\"v1\""))),
            new byte[0],
            Credentials.NONE,
            Freshness.of(CacheDirectives.parse("no-cache"), Duration.ZERO, Duration.ZERO, STORED));
    assertThat(at(noCache, request(null), 1))
        .isEqualTo(new ServeDecision.Forward(ForwardReason.STALE, true, false));
    StoredResponse immutable =
        new StoredResponse(
            200,
            Headers.of(List.of()),
            new byte[0],
            Credentials.NONE,
            Freshness.of(
                CacheDirectives.parse("max-age=60, immutable"),
                Duration.ofSeconds(60),
                Duration.ZERO,
                STORED));
    // RFC 8246: a reload's no-cache has nothing to gain from a fresh immutable response.
    assertThat(at(immutable, request("no-cache"), 10)).isEqualTo(new ServeDecision.Serve(false));
    assertThat(at(immutable, request("no-cache"), 70))
        .isEqualTo(new ServeDecision.Forward(ForwardReason.STALE, false, false));
  }

  @Test
  void aStaleHitAnswersTheClientsConditionsWithA304() {
    ServeDecision.Request matching =
        new ServeDecision.Request(Credentials.NONE, CacheDirectives.NONE, "\"v1\"", null);
    assertThat(at(stored(true), matching, 70))
        .isEqualTo(
            new ServeDecision.ServeWhileRefreshing(
                true, new ServeDecision.Forward(ForwardReason.STALE, true, true)));
  }
}
