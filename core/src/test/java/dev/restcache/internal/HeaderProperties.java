package dev.restcache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.restcache.internal.http.CacheDirectives;
import dev.restcache.internal.http.CacheValidity;
import dev.restcache.internal.http.ConditionalRequests;
import dev.restcache.internal.http.EntityTag;
import dev.restcache.internal.http.HttpDates;
import dev.restcache.internal.http.VarySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Every header parser, fed random and near-valid input: it never throws, and what it produces is
 * stable under its own canonical form.
 */
class HeaderProperties {
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  /** Header values built from the pieces caching headers are made of, and any character. */
  @Provide
  static Arbitrary<String> headerValues() {
    Arbitrary<String> pieces =
        Arbitraries.of(
            "max-age",
            "s-maxage",
            "no-store",
            "no-cache",
            "private",
            "public",
            "must-revalidate",
            "stale-while-revalidate",
            "stale-if-error",
            "immutable",
            "max-stale",
            "min-fresh",
            "only-if-cached",
            "=",
            ",",
            " ",
            "\"",
            "\\",
            "0",
            "1",
            "60",
            "-1",
            "abc",
            "99999999999999999999",
            "W/",
            "*",
            "\t",
            ";",
            "Sun, 06 Nov 1994 08:49:37 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
            "GMT",
            "\u00e9",
            "\u0000",
            "\r\n",
            "");
    Arbitrary<String> piece =
        Arbitraries.oneOf(
            pieces, Arbitraries.chars().map(String::valueOf), Arbitraries.strings().ofMaxLength(6));
    return piece.list().ofMaxSize(14).map(parts -> String.join("", parts));
  }

  @Property(tries = 2000)
  void cacheControlNeverThrowsAndItsCanonicalFormIsStable(@ForAll("headerValues") String value) {
    CacheDirectives directives = CacheDirectives.parse(value);
    String canonical = directives.toHeaderValue();
    assertThat(CacheDirectives.parse(canonical).toHeaderValue()).isEqualTo(canonical);
    assertThat(directives.maxAge()).isBetween(-1L, 2147483648L);
    assertThat(directives.sMaxAge()).isBetween(-1L, 2147483648L);
    assertThat(directives.staleWhileRevalidate()).isBetween(-1L, 2147483648L);
  }

  @Property(tries = 2000)
  void requestDirectivesNeverThrow(
      @ForAll("headerValues") String cacheControl, @ForAll("headerValues") String pragma) {
    assertThatCode(() -> CacheDirectives.forRequest(List.of(cacheControl), List.of(pragma)))
        .doesNotThrowAnyException();
  }

  @Property(tries = 2000)
  void validatorsDatesAndVaryNeverThrow(@ForAll("headerValues") String value) {
    assertThatCode(
            () -> {
              HttpDates.parse(value);
              EntityTag.parse(value);
              EntityTag.parseList(value);
              EntityTag.isWildcardList(value);
              VarySpec vary = VarySpec.parse(List.of(value));
              vary.variantKey(name -> List.of(value));
              VarySpec.parse(List.of(vary.toHeaderValue()));
              ConditionalRequests.isNotModified(value, value, value, value, value);
              CacheValidity.correctedInitialAge(value, value, NOW, NOW);
            })
        .doesNotThrowAnyException();
  }

  @Property(tries = 1000)
  void everyDateInRangeSurvivesFormattingAndParsing(
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int epochSecond) {
    Instant instant = Instant.ofEpochSecond(epochSecond);
    assertThat(HttpDates.parse(HttpDates.format(instant))).contains(instant);
  }

  @Property(tries = 1000)
  void anAgeIsNeverNegative(
      @ForAll("headerValues") String date,
      @ForAll("headerValues") String age,
      @ForAll @IntRange(max = 100_000) int delaySeconds) {
    Instant requested = NOW;
    Instant responded = NOW.plus(delaySeconds, ChronoUnit.SECONDS);
    assertThat(CacheValidity.correctedInitialAge(date, age, requested, responded))
        .isGreaterThanOrEqualTo(java.time.Duration.ZERO);
  }

  @Property(tries = 1000)
  void entityTagsSurviveTheirHeaderForm(@ForAll("opaqueTags") String opaque, @ForAll boolean weak) {
    EntityTag tag = new EntityTag(opaque, weak);
    assertThat(EntityTag.parse(tag.toHeaderValue())).contains(tag);
    assertThat(EntityTag.parseList(tag.toHeaderValue() + ", " + tag.toHeaderValue()))
        .containsExactly(tag, tag);
  }

  @Provide
  static Arbitrary<String> opaqueTags() {
    // RFC 9110 §8.8.3: opaque-tag = DQUOTE *etagc DQUOTE, etagc = %x21 / %x23-7E / obs-text
    return Arbitraries.strings()
        .withCharRange('#', '~')
        .withChars('!')
        .ofMaxLength(20)
        .map(tag -> '"' + tag + '"');
  }
}
