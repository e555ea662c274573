package dev.restcache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.restcache.internal.http.RequestTarget;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Keys, index paths and request screening over random paths, queries and headers. */
class KeyProperties {
  @Provide
  static Arbitrary<String> rawPaths() {
    Arbitrary<String> segment =
        Arbitraries.oneOf(
            Arbitraries.of(
                "",
                ".",
                "..",
                "%2e",
                "%2E%2e",
                "a",
                "B",
                "%41",
                "%2F",
                "%2f",
                "%zz",
                "%",
                "%4",
                ";x=1",
                "a;b",
                "~",
                "%7E",
                "caf%C3%A9",
                "%25",
                "%2541"),
            Arbitraries.strings().withCharRange('!', '~').excludeChars('?', '#').ofMaxLength(4));
    return segment.list().ofMaxSize(6).map(parts -> "/" + String.join("/", parts));
  }

  @Property(tries = 3000)
  void theIndexPathIsCanonicalAndIdempotent(@ForAll("rawPaths") String raw) {
    String path = CacheKeys.path(raw);
    assertThat(path).startsWith("/").doesNotContain("//").doesNotContain(";");
    assertThat(path.equals("/") || !path.endsWith("/")).isTrue();
    assertThat(List.of(path.split("/"))).doesNotContain(".", "..");
    assertThat(CacheKeys.path(path)).isEqualTo(path);
  }

  @Property(tries = 3000)
  void everyKeyableUriHasAKeyThatKeepsItsPathAndHost(
      @ForAll("rawPaths") String raw, @ForAll("queries") String query, @ForAll boolean sort) {
    URI uri;
    try {
      uri = new URI("http://Shop.Example:8080" + raw + (query == null ? "" : "?" + query));
    } catch (URISyntaxException e) {
      Assume.that(false);
      return;
    }
    KeyRules rules = new KeyRules("p:", sort, NamePatterns.of(List.of("utm_*")));
    String key = CacheKeys.primaryKey(rules, RequestTarget.of(uri), name -> null);
    assertThat(key).startsWith("p:http://shop.example:8080" + uri.getRawPath());
    assertThat(key).doesNotContain("utm_");
  }

  @Provide
  static Arbitrary<String> queries() {
    Arbitrary<String> parameter =
        Arbitraries.oneOf(
            Arbitraries.of("a=1", "b=2", "a=2", "utm_source=x", "UTM_x=1", "", "c", "=v"),
            Arbitraries.strings().alpha().ofMaxLength(3).map(s -> s + "=1"));
    return Arbitraries.oneOf(
        parameter.list().ofMaxSize(5).map(p -> String.join("&", p)), Arbitraries.just(null));
  }

  @Property(tries = 2000)
  void sortingNeverChangesTheParametersOfOneName(@ForAll("queries") String query) {
    Assume.that(query != null && !query.isEmpty());
    URI uri = URI.create("http://h/p?" + query);
    String key =
        CacheKeys.primaryKey(
            new KeyRules("", true, NamePatterns.NONE), RequestTarget.of(uri), name -> null);
    List<String> original = List.of(query.split("&")).stream().filter(p -> !p.isEmpty()).toList();
    List<String> sorted =
        key.indexOf('?') < 0 ? List.of() : List.of(key.substring(key.indexOf('?') + 1).split("&"));
    assertThat(sorted).containsExactlyInAnyOrderElementsOf(original);
    for (String name : List.of("a", "b", "c")) {
      assertThat(sorted.stream().filter(p -> p.startsWith(name + "=")).toList())
          .isEqualTo(original.stream().filter(p -> p.startsWith(name + "=")).toList());
    }
  }

  @Property(tries = 2000)
  void screeningNeverThrowsAndAnyUnknownCookieIsACredential(
      @ForAll("headerValues") String cookie, @ForAll("headerValues") String length) {
    Function<String, List<String>> headers =
        name ->
            switch (name) {
              case "cookie" -> List.of(cookie);
              case "content-length" -> List.of(length);
              default -> null;
            };
    assertThatCode(
            () ->
                RequestScreening.bypassReason(RequestTarget.of(URI.create("http://h/a")), headers))
        .doesNotThrowAnyException();
    boolean credentials =
        RequestScreening.credentials(headers, NamePatterns.of(List.of("_ga*")), List.of())
            != Credentials.NONE;
    if (cookie.contains("session=")) {
      assertThat(credentials).isTrue();
    }
  }

  @Provide
  static Arbitrary<String> headerValues() {
    return HeaderProperties.headerValues()
        .injectDuplicates(0.1)
        .edgeCases(config -> config.add("session=abc; _ga=1"));
  }
}
