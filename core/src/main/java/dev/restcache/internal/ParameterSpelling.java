package dev.restcache.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The one spelling of a path parameter's value among all those its Java type converts to the same
 * value: {@code 01}, {@code +1} and {@code 1} for a {@code long}, upper- and lower-case UUIDs. Only
 * types whose conversion restcache knows are canonicalised; any other value is kept as it is
 * written, so a custom {@code ParamConverter} is never second-guessed.
 */
public final class ParameterSpelling {
  private static final Map<Class<?>, Function<String, Object>> CONVERSIONS =
      Map.ofEntries(
          Map.entry(long.class, Long::valueOf),
          Map.entry(Long.class, Long::valueOf),
          Map.entry(int.class, Integer::valueOf),
          Map.entry(Integer.class, Integer::valueOf),
          Map.entry(short.class, Short::valueOf),
          Map.entry(Short.class, Short::valueOf),
          Map.entry(byte.class, Byte::valueOf),
          Map.entry(Byte.class, Byte::valueOf),
          Map.entry(BigInteger.class, BigInteger::new),
          // 1.0 and 1.00 may or may not be one resource to the application; one spelling for both
          // at most evicts a little more than needed, never less.
          Map.entry(
              BigDecimal.class,
              value -> new BigDecimal(value).stripTrailingZeros().toPlainString()),
          // Jakarta REST converts with Boolean.valueOf: anything but "true" in any case is false.
          Map.entry(boolean.class, Boolean::valueOf),
          Map.entry(Boolean.class, Boolean::valueOf),
          Map.entry(UUID.class, UUID::fromString));

  private ParameterSpelling() {}

  /**
   * The canonical spelling for values of {@code type}, or null when restcache does not know how the
   * application converts them. The function takes and returns a raw (percent-encoded) path segment,
   * and returns its input when the value does not convert.
   */
  public static UnaryOperator<String> forType(Class<?> type) {
    Function<String, Object> conversion = CONVERSIONS.get(type);
    if (conversion == null) {
      return null;
    }
    return raw -> {
      try {
        return String.valueOf(conversion.apply(decode(raw)));
      } catch (IllegalArgumentException notConvertible) {
        return raw;
      }
    };
  }

  // Path parameters are decoded before conversion; '+' is a plus sign in a path, not a space.
  private static String decode(String raw) {
    return raw.indexOf('%') < 0
        ? raw
        : URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
