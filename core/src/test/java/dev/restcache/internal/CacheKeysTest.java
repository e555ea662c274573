package dev.restcache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.internal.http.RequestTarget;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CacheKeysTest {
  private static final KeyRules RAW = new KeyRules("", false, NamePatterns.NONE);

  private static String key(KeyRules rules, String uri) {
    return CacheKeys.primaryKey(rules, RequestTarget.of(URI.create(uri)), absent -> null);
  }

  private static Function<String, List<String>> headers(Map<String, String> values) {
    return name -> values.containsKey(name) ? List.of(values.get(name)) : null;
  }

  @Test
  void primaryKeyHoldsSchemeHostPortPathAndQuery() {
    assertThat(
            key(
                new KeyRules("rc:", false, NamePatterns.NONE),
                "http://Example.COM:8080/a/b?y=2&x=1"))
        .isEqualTo("rc:http://example.com:8080/a/b?y=2&x=1");
  }

  @Test
  void defaultPortIsExplicitSoBothSpellingsShareAKey() {
    assertThat(key(RAW, "http://h/a")).isEqualTo(key(RAW, "http://h:80/a"));
    assertThat(key(RAW, "https://h/a")).isEqualTo(key(RAW, "https://h:443/a"));
    assertThat(key(RAW, "http://h/a")).isNotEqualTo(key(RAW, "http://h:8080/a"));
    assertThat(key(RAW, "http://h/a")).isNotEqualTo(key(RAW, "https://h/a"));
  }

  @Test
  void encodedPathsAndQueriesAreKeptRaw() {
    assertThat(key(RAW, "http://h/a%2Fb?q=%20")).isEqualTo("http://h:80/a%2Fb?q=%20");
  }

  @Test
  void pathSpellingsARouterMayMatchAlikeStayApartInTheKey() {
    assertThat(key(RAW, "http://h/a/b"))
        .isNotEqualTo(key(RAW, "http://h/a/b/"))
        .isNotEqualTo(key(RAW, "http://h/a;x=1/b"))
        .isNotEqualTo(key(RAW, "http://h/A/b"));
  }

  @Test
  void sortedQueryKeepsTheOrderOfRepeatedParameters() {
    KeyRules sorted = new KeyRules("", true, NamePatterns.NONE);
    assertThat(key(sorted, "http://h/a?b=2&a=1&b=1")).isEqualTo("http://h:80/a?a=1&b=2&b=1");
    assertThat(key(sorted, "http://h/a?b=2&a=1")).isEqualTo(key(sorted, "http://h/a?a=1&b=2"));
    assertThat(key(sorted, "http://h/a?b=1&b=2")).isNotEqualTo(key(sorted, "http://h/a?b=2&b=1"));
  }

  @Test
  void ignoredParametersLeaveTheKeyAndEmptyParametersToo() {
    KeyRules rules = new KeyRules("", true, NamePatterns.of(List.of("utm_*", "fbclid")));
    assertThat(key(rules, "http://h/a?utm_source=x&id=1&FBCLID=2&&UTM_medium=y"))
        .isEqualTo("http://h:80/a?id=1");
    assertThat(key(rules, "http://h/a?utm_source=x")).isEqualTo(key(rules, "http://h/a"));
    assertThat(key(rules, "http://h/a?utm=x")).isEqualTo("http://h:80/a?utm=x");
  }

  @Test
  void forwardingHeadersArePartOfTheKey() {
    RequestTarget target = RequestTarget.of(URI.create("http://h/a"));
    String plain = CacheKeys.primaryKey(RAW, target, absent -> null);
    String forwarded =
        CacheKeys.primaryKey(RAW, target, headers(Map.of("x-forwarded-host", "evil.example")));
    String proto = CacheKeys.primaryKey(RAW, target, headers(Map.of("x-forwarded-proto", "https")));
    assertThat(forwarded).isNotEqualTo(plain).contains("evil.example");
    assertThat(proto).isNotEqualTo(plain).isNotEqualTo(forwarded);
    for (String name : CacheKeys.FORWARDING_HEADERS) {
      assertThat(CacheKeys.primaryKey(RAW, target, headers(Map.of(name, "v"))))
          .as(name)
          .isNotEqualTo(plain);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "'', /",
    "/, /",
    "/books/1, /books/1",
    "/books/1/, /books/1",
    "//books//1, /books/1",
    "/books/./1, /books/1",
    "/books/x/../1, /books/1",
    "/../books/1, /books/1",
    "/books/%2e%2E/books/1, /books/1",
    "/books;jsessionid=x/1;v=2, /books/1",
    "/b%6Foks/%31, /books/1",
    "/books/a%2fb, /books/a%2Fb",
    "/books/caf%c3%a9, /books/caf%C3%A9",
    "/books/%zz%4, /books/%zz%4",
    "/Books/1, /Books/1"
  })
  void indexPathIsCanonical(String raw, String canonical) {
    assertThat(CacheKeys.path(raw)).isEqualTo(canonical);
    assertThat(CacheKeys.path(canonical)).isEqualTo(canonical);
  }

  @Test
  void indexPathOfAUriIgnoresItsQuery() {
    assertThat(CacheKeys.path(URI.create("http://h"))).isEqualTo("/");
    assertThat(CacheKeys.path(URI.create("/books/1?x"))).isEqualTo("/books/1");
  }
}
