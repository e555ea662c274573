package dev.restcache.internal.http;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP-date (RFC 9110 §5.6.7): IMF-fixdate, and the obsolete RFC 850 and asctime forms that a
 * recipient must still accept. Never throws: anything else is "no date".
 */
public final class HttpDates {
  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);
  // The day name is redundant with the date; a wrong one is not worth rejecting, so the
  // parsers below read what follows it.
  private static final DateTimeFormatter IMF_FIXDATE_PARSER =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .appendPattern("d MMM yyyy HH:mm:ss 'GMT'")
          .toFormatter(Locale.US);
  // RFC 9110 §5.6.7: a two-digit year more than 50 years in the future is in the past century;
  // a base of 1970 reads 70–99 as 19xx and 00–69 as 20xx, which holds until 2069.
  private static final DateTimeFormatter RFC_850_PARSER =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .appendPattern("dd-MMM-")
          .appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
          .appendPattern(" HH:mm:ss 'GMT'")
          .toFormatter(Locale.US);
  private static final DateTimeFormatter ASCTIME_PARSER =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .appendPattern("MMM ppd HH:mm:ss yyyy")
          .toFormatter(Locale.US);

  private HttpDates() {}

  /** The instant {@code value} denotes, or empty when it is not an HTTP-date. */
  public static Optional<Instant> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String trimmed = value.trim();
    int comma = trimmed.indexOf(", ");
    int space = trimmed.indexOf(' ');
    if (comma > 0 && comma <= 9) {
      String rest = trimmed.substring(comma + 2).trim();
      return rest.indexOf('-') > 0 ? parse(rest, RFC_850_PARSER) : parse(rest, IMF_FIXDATE_PARSER);
    }
    return space == 3 ? parse(trimmed.substring(4).trim(), ASCTIME_PARSER) : Optional.empty();
  }

  private static Optional<Instant> parse(String text, DateTimeFormatter parser) {
    try {
      return Optional.of(LocalDateTime.parse(text, parser).toInstant(ZoneOffset.UTC));
    } catch (DateTimeException notAnHttpDate) {
      return Optional.empty();
    }
  }

  /** {@code instant} as an IMF-fixdate, to the second. */
  public static String format(Instant instant) {
    return IMF_FIXDATE.format(instant);
  }
}
