package dev.restcache.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class HttpDatesTest {
  private static final Instant RFC_EXAMPLE = Instant.parse("1994-11-06T08:49:37Z");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Sun, 06 Nov 1994 08:49:37 GMT",
        "Sunday, 06-Nov-94 08:49:37 GMT",
        "Sun Nov  6 08:49:37 1994",
        "  Sun, 06 Nov 1994 08:49:37 GMT  ",
        "sun, 06 nov 1994 08:49:37 GMT",
        "Mon, 06 Nov 1994 08:49:37 GMT"
      })
  void theThreeFormatsOfRfc9110AreAccepted(String value) {
    assertThat(HttpDates.parse(value)).contains(RFC_EXAMPLE);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "0",
        "-1",
        "garbage",
        "Sun, 06 Nov 1994 08:49:37",
        "Sun, 32 Nov 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 25:49:37 GMT",
        "1994-11-06T08:49:37Z",
        "Sun, 06 Nov 94 08:49:37 GMT"
      })
  void anythingElseIsNoDate(String value) {
    assertThat(HttpDates.parse(value)).isEmpty();
  }

  @Test
  void twoDigitYearsFarInTheFutureAreInThePastCentury() {
    assertThat(HttpDates.parse("Thursday, 01-Jan-70 00:00:00 GMT")).contains(Instant.EPOCH);
    assertThat(HttpDates.parse("Sunday, 01-Jan-34 00:00:00 GMT"))
        .contains(Instant.parse("2034-01-01T00:00:00Z"));
  }

  @Test
  void formatIsImfFixdate() {
    assertThat(HttpDates.format(RFC_EXAMPLE)).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
    assertThat(HttpDates.format(RFC_EXAMPLE.plusMillis(999)))
        .isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
  }

  @Test
  void formatRoundTrips() {
    Instant instant = Instant.parse("2026-11-22T10:00:01Z");
    assertThat(HttpDates.parse(HttpDates.format(instant))).contains(instant);
  }
}
