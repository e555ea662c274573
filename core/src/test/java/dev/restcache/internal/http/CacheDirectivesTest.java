package dev.restcache.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CacheDirectivesTest {

  @Test
  void absentHeaderHasNoDirectives() {
    assertThat(CacheDirectives.parse((String) null)).isEqualTo(CacheDirectives.NONE);
    assertThat(CacheDirectives.parse(List.of())).isEqualTo(CacheDirectives.NONE);
    assertThat(CacheDirectives.NONE.maxAge()).isEqualTo(-1);
    assertThat(CacheDirectives.NONE.toHeaderValue()).isEmpty();
  }

  @Test
  void everyResponseDirectiveIsRead() {
    CacheDirectives cc =
        CacheDirectives.parse(
            "public, no-transform, must-revalidate, "
                + "proxy-revalidate, immutable, max-age=60, s-maxage=30, stale-while-revalidate=10, "
                + "stale-if-error=20, must-understand, no-store");
    assertThat(cc.isPublic()).isTrue();
    assertThat(cc.noTransform()).isTrue();
    assertThat(cc.mustRevalidate()).isTrue();
    assertThat(cc.proxyRevalidate()).isTrue();
    assertThat(cc.immutable()).isTrue();
    assertThat(cc.mustUnderstand()).isTrue();
    assertThat(cc.noStore()).isTrue();
    assertThat(cc.maxAge()).isEqualTo(60);
    assertThat(cc.sMaxAge()).isEqualTo(30);
    assertThat(cc.staleWhileRevalidate()).isEqualTo(10);
    assertThat(cc.staleIfError()).isEqualTo(20);
    assertThat(cc.hasInvalidValue()).isFalse();
  }

  @Test
  void everyRequestDirectiveIsRead() {
    CacheDirectives cc = CacheDirectives.parse("max-stale=5, min-fresh=3, only-if-cached");
    assertThat(cc.maxStale()).isEqualTo(5);
    assertThat(cc.maxStaleAny()).isFalse();
    assertThat(cc.minFresh()).isEqualTo(3);
    assertThat(cc.onlyIfCached()).isTrue();
    assertThat(CacheDirectives.parse("max-stale").maxStaleAny()).isTrue();
  }

  @Test
  void namesAreCaseInsensitiveAndWhitespaceIsTolerated() {
    CacheDirectives cc = CacheDirectives.parse("  Max-Age = 12 ,\tNO-STORE  ");
    assertThat(cc.maxAge()).isEqualTo(12);
    assertThat(cc.noStore()).isTrue();
  }

  @Test
  void severalFieldLinesAreOneList() {
    CacheDirectives cc = CacheDirectives.parse(Arrays.asList("max-age=5", null, "private"));
    assertThat(cc.maxAge()).isEqualTo(5);
    assertThat(cc.isPrivate()).isTrue();
  }

  @Test
  void maxAgeWithLeadingZerosIsParsed() {
    assertThat(CacheDirectives.parse("max-age=0007").maxAge()).isEqualTo(7);
    assertThat(CacheDirectives.parse("max-age=0000000000000000000042").maxAge()).isEqualTo(42);
    assertThat(CacheDirectives.parse("max-age=0").maxAge()).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"max-age=99999999999999999999", "max-age=2147483649", "max-age=2147483648"})
  void enormousDeltaSecondsClampToTwoToTheThirtyFirst(String header) {
    assertThat(CacheDirectives.parse(header).maxAge()).isEqualTo(2147483648L);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "max-age=abc",
        "max-age=",
        "max-age=-5",
        "max-age=1.5",
        "max-age",
        "max-age=12abc",
        "max-age=\"\""
      })
  void unreadableMaxAgeIsInvalidAndMeansStale(String header) {
    CacheDirectives cc = CacheDirectives.parse(header);
    assertThat(cc.hasInvalidValue()).isTrue();
    assertThat(cc.maxAge()).isZero();
  }

  @Test
  void unreadableStaleWindowsAreAbsent() {
    CacheDirectives cc = CacheDirectives.parse("stale-while-revalidate=x, stale-if-error=-1");
    assertThat(cc.hasInvalidValue()).isTrue();
    assertThat(cc.staleWhileRevalidate()).isEqualTo(-1);
    assertThat(cc.staleIfError()).isEqualTo(-1);
  }

  @Test
  void quotedDeltaSecondsAreAccepted() {
    assertThat(CacheDirectives.parse("max-age=\"60\"").maxAge()).isEqualTo(60);
  }

  @Test
  void firstOccurrenceOfADuplicatedDirectiveWins() {
    assertThat(CacheDirectives.parse("max-age=10, max-age=20").maxAge()).isEqualTo(10);
    assertThat(CacheDirectives.parse(List.of("max-age=10", "max-age=5")).maxAge()).isEqualTo(10);
    assertThat(CacheDirectives.parse("max-age=abc, max-age=20").maxAge()).isZero();
  }

  @Test
  void quotedStringsMayContainCommas() {
    CacheDirectives cc = CacheDirectives.parse("private=\"set-cookie, x-user\", max-age=5");
    assertThat(cc.isPrivate()).isTrue();
    assertThat(cc.privateFields()).containsExactly("set-cookie", "x-user");
    assertThat(cc.maxAge()).isEqualTo(5);
  }

  @Test
  void qualifiedNoCacheCountsAsNoCache() {
    CacheDirectives cc = CacheDirectives.parse("no-cache=\"Set-Cookie\"");
    assertThat(cc.noCache()).isTrue();
    assertThat(cc.noCacheFields()).containsExactly("set-cookie");
  }

  @Test
  void escapedQuotesInsideQuotedStrings() {
    CacheDirectives cc = CacheDirectives.parse("ext=\"a\\\"b, c\", max-age=3");
    assertThat(cc.maxAge()).isEqualTo(3);
    assertThat(cc.extensions()).hasSize(1);
  }

  @Test
  void unterminatedQuoteSwallowsTheRestButDoesNotThrow() {
    CacheDirectives cc = CacheDirectives.parse("max-age=5, private=\"x, no-store");
    assertThat(cc.maxAge()).isEqualTo(5);
    assertThat(cc.isPrivate()).isTrue();
    assertThat(cc.noStore()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        ",,",
        " , ,max-age=1,,",
        "=",
        "=5",
        "\"",
        "\"\"\"",
        ",=,\",",
        "max-age==5",
        "\u0000\u00ff",
        "no-store;max-age=5"
      })
  void garbageNeverThrows(String header) {
    CacheDirectives cc = CacheDirectives.parse(header);
    assertThat(cc.toHeaderValue()).isNotNull();
  }

  @Test
  void unknownDirectivesAreKeptInOrder() {
    CacheDirectives cc = CacheDirectives.parse("community=\"UCI\", max-age=1, x-foo");
    assertThat(cc.extensions()).containsExactly("community=\"UCI\"", "x-foo");
    assertThat(cc.toHeaderValue()).isEqualTo("max-age=1, community=\"UCI\", x-foo");
  }

  @Test
  void serialisationIsCanonical() {
    assertThat(CacheDirectives.parse("MAX-AGE=30, must-revalidate, Public").toHeaderValue())
        .isEqualTo("public, must-revalidate, max-age=30");
    assertThat(CacheDirectives.parse("private=\"b, a\"").toHeaderValue())
        .isEqualTo("private=\"a, b\"");
  }

  @Test
  void mergeAddsFlagsAndTheSmallerNumberWins() {
    CacheDirectives response = CacheDirectives.parse("max-age=60, no-transform, x-ext");
    CacheDirectives annotation =
        CacheDirectives.builder().maxAge(30).mustRevalidate(true).sMaxAge(100).build();
    CacheDirectives merged = response.merge(annotation);
    assertThat(merged.maxAge()).isEqualTo(30);
    assertThat(merged.sMaxAge()).isEqualTo(100);
    assertThat(merged.toHeaderValue())
        .isEqualTo("no-transform, must-revalidate, max-age=30, s-maxage=100, x-ext");
    assertThat(annotation.merge(response).maxAge()).isEqualTo(30);
    assertThat(CacheDirectives.parse("max-age=10").merge(annotation).maxAge()).isEqualTo(10);
  }

  @Test
  void builderTreatsNegativeNumbersAsUnset() {
    CacheDirectives cc = CacheDirectives.builder().maxAge(-1).staleIfError(-7).build();
    assertThat(cc).isEqualTo(CacheDirectives.NONE);
  }

  @Test
  void roundTripThroughTheHeaderValue() {
    CacheDirectives cc =
        CacheDirectives.parse(
            "public, max-age=5, s-maxage=6, stale-while-revalidate=7, stale-if-error=8, immutable");
    assertThat(CacheDirectives.parse(cc.toHeaderValue())).isEqualTo(cc);
  }

  @Test
  void pragmaNoCacheCountsOnlyWithoutCacheControl() {
    assertThat(CacheDirectives.forRequest(null, List.of("no-cache")).noCache()).isTrue();
    assertThat(CacheDirectives.forRequest(List.of(), List.of("x, No-Cache")).noCache()).isTrue();
    assertThat(CacheDirectives.forRequest(List.of("max-age=5"), List.of("no-cache")).noCache())
        .isFalse();
    assertThat(CacheDirectives.forRequest(null, List.of("foo"))).isEqualTo(CacheDirectives.NONE);
    assertThat(CacheDirectives.forRequest(null, null)).isEqualTo(CacheDirectives.NONE);
  }

  @Test
  void quotesAndBackslashesInAFieldListAreEscapedWhenSerialised() {
    CacheDirectives cc = CacheDirectives.parse("private=\"a\\\"b\\\\\"");
    assertThat(cc.privateFields()).containsExactly("a\"b\\");
    assertThat(cc.toHeaderValue()).isEqualTo("private=\"a\\\"b\\\\\"");
    assertThat(CacheDirectives.parse(cc.toHeaderValue())).isEqualTo(cc);
  }
}
