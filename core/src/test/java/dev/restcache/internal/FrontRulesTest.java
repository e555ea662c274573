package dev.restcache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.internal.http.CacheDirectives;
import dev.restcache.internal.http.Freshness;
import dev.restcache.internal.http.RequestTarget;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What the front may answer: anonymous GETs and HEADs, from entries any shared cache may serve. */
class FrontRulesTest {
  private static final RequestTarget BOOK =
      RequestTarget.of(URI.create("http://127.0.0.1:8080/books/1"));

  private static CacheRequest request(Credentials credentials, Map<String, List<String>> headers) {
    return new CacheRequest(
        BOOK, headers::get, credentials, CacheDirectives.NONE, Instant.now(), false);
  }

  private static boolean mayAnswer(String method, Credentials credentials, String... header) {
    Map<String, List<String>> headers =
        header.length == 0 ? Map.of() : Map.of(header[0], List.of(header[1]));
    CacheRequest request = request(credentials, headers);
    Function<String, List<String>> lines = headers::get;
    return FrontRules.mayAnswer(method, request, lines);
  }

  private static StoredResponse stored(Credentials sharedWith) {
    return new StoredResponse(
        200,
        Headers.EMPTY,
        new byte[0],
        sharedWith,
        Freshness.of(CacheDirectives.NONE, Duration.ofMinutes(1), Duration.ZERO, Instant.now()));
  }

  @Test
  void anAnonymousGetOrHeadMayBeAnswered() {
    assertThat(mayAnswer("GET", Credentials.NONE)).isTrue();
    assertThat(mayAnswer("HEAD", Credentials.NONE)).isTrue();
  }

  @Test
  void otherMethodsGoOnToTheApplication() {
    assertThat(mayAnswer("POST", Credentials.NONE)).isFalse();
    assertThat(mayAnswer("OPTIONS", Credentials.NONE)).isFalse();
  }

  @Test
  void aRequestWithCredentialsGoesOnToTheApplication() {
    assertThat(mayAnswer("GET", Credentials.AUTHORIZATION)).isFalse();
    assertThat(mayAnswer("GET", Credentials.IDENTITY)).isFalse();
  }

  @Test
  void aCrossOriginRequestGoesOnToItsCorsFilter() {
    assertThat(mayAnswer("GET", Credentials.NONE, "origin", "https://elsewhere.example")).isFalse();
  }

  @Test
  void aRequestTheCacheBypassesAnywayGoesOnToTheApplication() {
    assertThat(mayAnswer("GET", Credentials.NONE, "if-match", "\"a\"")).isFalse();
  }

  @Test
  void onlyAnEntryMarkedForEveryoneIsServed() {
    assertThat(FrontRules.mayServe(stored(Credentials.IDENTITY))).isTrue();
    assertThat(FrontRules.mayServe(stored(Credentials.NONE))).isFalse();
    assertThat(FrontRules.mayServe(stored(Credentials.AUTHORIZATION))).isFalse();
  }
}
