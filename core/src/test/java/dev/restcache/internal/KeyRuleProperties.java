package dev.restcache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.internal.http.RequestTarget;
import dev.restcache.internal.http.VarySpec;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The whole key of a request (primary key and variant) against a reference written from the rules
 * alone: two requests share a key exactly when the application would see the same inputs. The
 * alphabets are small and full of separators, so that near-collisions are common.
 */
class KeyRuleProperties {
  private static final KeyRules RULES = new KeyRules("p:", true, NamePatterns.NONE);
  private static final VariantIndex VARIANTS =
      new VariantIndex(VarySpec.parse(List.of("X-Team")), List.of("lang"));

  /** The inputs of one request that the key must hold. */
  record Request(
      String host,
      int port,
      String path,
      List<String> query,
      List<String> forwardedHost,
      List<String> team,
      List<String> cookie) {

    Function<String, List<String>> headers() {
      return name ->
          switch (name) {
            case "x-forwarded-host" -> forwardedHost;
            case "x-team" -> team;
            case "cookie" -> cookie;
            default -> null;
          };
    }

    URI uri() {
      String portPart = port < 0 ? "" : ":" + port;
      String queryPart = query == null ? "" : "?" + String.join("&", query);
      return URI.create("http://" + host + portPart + path + queryPart);
    }

    String key() {
      String primary = CacheKeys.primaryKey(RULES, RequestTarget.of(uri()), headers());
      return CacheKeys.variantKey(primary, VARIANTS, headers());
    }

    /** What the application reads, written independently of the implementation. */
    List<Object> reference() {
      List<Object> parts = new ArrayList<>();
      parts.add(host.toLowerCase(Locale.ROOT));
      parts.add(port < 0 ? 80 : port);
      parts.add(path);
      parts.add(query == null ? null : sortedByDecodedName(query));
      parts.add(forwardedHost);
      parts.add(team == null ? null : team.stream().map(KeyRuleProperties::members).toList());
      parts.add(cookie == null ? null : cookieValues(cookie, "lang"));
      return parts;
    }
  }

  private static List<String> sortedByDecodedName(List<String> query) {
    List<String> kept = new ArrayList<>(query.stream().filter(p -> !p.isEmpty()).toList());
    kept.sort(
        Comparator.comparing(p -> URLDecoder.decode(p.split("=", 2)[0], StandardCharsets.UTF_8)));
    return kept.isEmpty() ? null : kept;
  }

  // A field line's list members, with only the spaces and tabs around each removed.
  private static List<String> members(String line) {
    List<String> members = new ArrayList<>();
    for (String member : line.split(",", -1)) {
      members.add(member.replaceAll("^[ \t]+|[ \t]+$", ""));
    }
    return members;
  }

  private static List<String> cookieValues(List<String> lines, String name) {
    List<String> values = new ArrayList<>();
    for (String line : lines) {
      for (String pair : line.split("[;,]")) {
        int equals = pair.indexOf('=');
        String cookieName = (equals < 0 ? pair : pair.substring(0, equals)).trim();
        if (cookieName.equalsIgnoreCase(name)) {
          values.add(equals < 0 ? "" : pair.substring(equals + 1).trim());
        }
      }
    }
    return values.isEmpty() ? null : values;
  }

  @Provide
  static Arbitrary<Request> requests() {
    Arbitrary<String> host = Arbitraries.of("shop.example", "Shop.Example", "evil.example");
    Arbitrary<Integer> port = Arbitraries.of(-1, 80, 8080);
    Arbitrary<String> path = Arbitraries.of("/a", "/a/b", "/a%2Fb", "/ab", "/a/b;x=1");
    Arbitrary<String> parameter =
        Arbitraries.of(
            "a=1", "%61=1", "a=2", "%61=2", "b=1", "a+b=1", "a%20b=1", "ab=1", "", "a", "a=");
    Arbitrary<List<String>> query =
        Arbitraries.oneOf(parameter.list().ofMaxSize(4), Arbitraries.just(null));
    Arbitrary<String> text = Arbitraries.strings().withChars("ab ,\t=:;#!1").ofMaxLength(6);
    Arbitrary<List<String>> lines =
        Arbitraries.oneOf(text.list().ofMinSize(1).ofMaxSize(2), Arbitraries.just(null));
    Arbitrary<String> cookiePair =
        Arbitraries.oneOf(
            Arbitraries.of(
                "lang=en", "lang=fr", " lang = en ", "LANG=en", "_ga=1", "lang=", "lang=en,fr"),
            text.map(value -> "lang=" + value));
    Arbitrary<List<String>> cookie =
        Arbitraries.oneOf(
            cookiePair.list().ofMinSize(1).ofMaxSize(3).map(p -> List.of(String.join("; ", p))),
            Arbitraries.just(null));
    return Combinators.combine(host, port, path, query, lines, lines, cookie).as(Request::new);
  }

  // Pairs that are often equivalent: the second is the first with at most one input taken
  // from another request.
  @Provide
  static Arbitrary<List<Request>> pairs() {
    return Combinators.combine(requests(), requests(), Arbitraries.integers().between(0, 5))
        .as(
            (first, other, changed) ->
                List.of(
                    first,
                    switch (changed) {
                      case 0 -> other;
                      case 1 ->
                          new Request(
                              first.host(),
                              first.port(),
                              first.path(),
                              first.query(),
                              first.forwardedHost(),
                              first.team(),
                              other.cookie());
                      case 2 ->
                          new Request(
                              first.host(),
                              first.port(),
                              first.path(),
                              first.query(),
                              first.forwardedHost(),
                              other.team(),
                              first.cookie());
                      case 3 ->
                          new Request(
                              first.host(),
                              first.port(),
                              first.path(),
                              other.query(),
                              first.forwardedHost(),
                              first.team(),
                              first.cookie());
                      case 4 ->
                          new Request(
                              other.host(),
                              other.port(),
                              first.path(),
                              first.query(),
                              other.forwardedHost(),
                              first.team(),
                              first.cookie());
                      default -> first;
                    }));
  }

  @Property(tries = 45_000, edgeCases = EdgeCasesMode.NONE)
  void twoRequestsShareAKeyExactlyWhenTheApplicationSeesTheSameInputs(
      @ForAll("pairs") List<Request> pair) {
    Request first = pair.get(0);
    Request second = pair.get(1);
    assertThat(first.key().equals(second.key()))
        .as("%s%n%s%n%s%n%s", first, second, first.key(), second.key())
        .isEqualTo(first.reference().equals(second.reference()));
  }

  @Property(tries = 20_000)
  void spellingsTheApplicationCannotTellApartShareAKey(@ForAll("requests") Request request) {
    Request respelled =
        new Request(
            request.host().toUpperCase(Locale.ROOT),
            request.port() < 0 ? 80 : request.port(),
            request.path(),
            request.query() == null ? null : sortedByDecodedNameOrEmpty(request.query()),
            request.forwardedHost(),
            request.team() == null
                ? null
                : request.team().stream().map(line -> String.join(" , ", members(line))).toList(),
            request.cookie());
    assertThat(respelled.key()).isEqualTo(request.key());
  }

  private static List<String> sortedByDecodedNameOrEmpty(List<String> query) {
    List<String> sorted = sortedByDecodedName(query);
    return sorted == null ? List.of() : sorted;
  }
}
