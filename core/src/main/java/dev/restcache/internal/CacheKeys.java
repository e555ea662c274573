package dev.restcache.internal;

import dev.restcache.internal.http.RequestTarget;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Store keys and the paths entries are indexed by.
 *
 * <p>The primary key is the target URI (scheme, host, port, path, query) under the configured
 * prefix, plus the forwarding headers a proxy sets: applications build their links from those, so a
 * response to one value must never be served for another. A variant key adds the values of the
 * request headers a {@code Vary} names.
 *
 * <p>The index path is the key's path in a canonical form, so that every spelling a router may
 * match to the same resource ({@code /a/./b}, {@code /a/b/}, {@code /a;x=1/b}, {@code /%61/b}) is
 * evicted by a write to any one of them.
 */
public final class CacheKeys {
  /**
   * Request headers through which proxies tell an application its public scheme, host, port and
   * path. They are part of the key: keying on them keeps caching behind a proxy (which sets them
   * the same way on every request) and gives a client that forges them its own entries.
   */
  public static final List<String> FORWARDING_HEADERS =
      List.of(
          "forwarded",
          "x-forwarded-host",
          "x-forwarded-proto",
          "x-forwarded-scheme",
          "x-forwarded-port",
          "x-forwarded-prefix",
          "x-forwarded-server",
          "x-host");

  private static final String UNRESERVED_MARKS = "-._~";

  private CacheKeys() {}

  /** The primary key of a request for {@code target} with headers {@code requestHeader}. */
  public static String primaryKey(
      KeyRules rules, RequestTarget target, Function<String, List<String>> requestHeader) {
    StringBuilder key = new StringBuilder(rules.prefix().length() + 64).append(rules.prefix());
    String scheme = target.scheme();
    key.append(scheme == null ? "" : scheme.toLowerCase(Locale.ROOT)).append("://");
    String host = target.host();
    key.append(host == null ? "" : host.toLowerCase(Locale.ROOT));
    int port = effectivePort(scheme, target.port());
    if (port >= 0) {
      key.append(':').append(port);
    }
    String path = target.rawPath();
    key.append(path == null || path.isEmpty() ? "/" : path);
    String query = query(rules, target.rawQuery());
    if (query != null) {
      key.append('?').append(query);
    }
    // The URI's syntax keeps its parts apart (it has no spaces); header values are free
    // text, so each is length-prefixed and no value can imitate another header or the URI.
    for (String name : FORWARDING_HEADERS) {
      List<String> values = requestHeader.apply(name);
      if (values != null) {
        key.append(' ').append(name);
        for (String line : values) {
          appendPrefixed(key.append('='), line == null ? "" : line);
        }
      }
    }
    return key.toString();
  }

  /** The key of the variant {@code index} selects for a request with {@code requestHeader}. */
  public static String variantKey(
      String primaryKey, VariantIndex index, Function<String, List<String>> requestHeader) {
    StringBuilder key =
        new StringBuilder(primaryKey.length() + 64)
            .append(primaryKey)
            .append(" #")
            .append(index.vary().variantKey(requestHeader));
    if (!index.cookies().isEmpty()) {
      key.append(" cookies");
      List<String> lines = requestHeader.apply("cookie");
      for (String name : index.cookies()) {
        appendPrefixed(key.append(' '), name);
        appendPrefixed(key.append('='), cookieValues(lines, name));
      }
    }
    return key.toString();
  }

  // Every value of the cookie, in order; absent is distinct from empty.
  private static String cookieValues(List<String> lines, String name) {
    StringBuilder values = null;
    if (lines != null) {
      for (String line : lines) {
        for (Cookies.Pair pair : Cookies.parse(line)) {
          if (pair.name().equalsIgnoreCase(name)) {
            values = values == null ? new StringBuilder() : values.append(';');
            values.append(pair.value().length()).append(':').append(pair.value());
          }
        }
      }
    }
    return values == null ? "!" : values.toString();
  }

  private static void appendPrefixed(StringBuilder key, String value) {
    key.append(value.length()).append(':').append(value);
  }

  /** The index path of {@code uri}: its raw path in canonical form, see {@link #path(String)}. */
  public static String path(URI uri) {
    return path(uri.getRawPath());
  }

  /**
   * The canonical form of a raw absolute path: matrix parameters, dot segments and empty segments
   * (so also a trailing slash) removed, percent-encoded unreserved characters decoded and other
   * percent-encodings in upper case (RFC 3986 §6.2.2). Encoded slashes stay encoded.
   */
  public static String path(String rawPath) {
    if (rawPath == null || rawPath.isEmpty()) {
      return "/";
    }
    List<String> segments = new ArrayList<>();
    for (String segment : rawPath.split("/")) {
      int matrix = segment.indexOf(';');
      String canonical = decodeUnreserved(matrix < 0 ? segment : segment.substring(0, matrix));
      if (canonical.equals("..")) {
        if (!segments.isEmpty()) {
          segments.remove(segments.size() - 1);
        }
      } else if (!canonical.isEmpty() && !canonical.equals(".")) {
        segments.add(canonical);
      }
    }
    return "/" + String.join("/", segments);
  }

  private static String decodeUnreserved(String segment) {
    if (segment.indexOf('%') < 0) {
      return segment;
    }
    StringBuilder out = new StringBuilder(segment.length());
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      int value =
          c == '%' && i + 2 < segment.length()
              ? hexByte(segment.charAt(i + 1), segment.charAt(i + 2))
              : -1;
      if (value < 0) {
        out.append(c);
      } else if (isUnreserved((char) value)) {
        out.append((char) value);
        i += 2;
      } else {
        out.append('%').append(segment.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
        i += 2;
      }
    }
    return out.toString();
  }

  private static int hexByte(char high, char low) {
    int h = high < 128 ? Character.digit(high, 16) : -1;
    int l = low < 128 ? Character.digit(low, 16) : -1;
    return h < 0 || l < 0 ? -1 : h * 16 + l;
  }

  private static boolean isUnreserved(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || UNRESERVED_MARKS.indexOf(c) >= 0);
  }

  private static String query(KeyRules rules, String rawQuery) {
    if (rawQuery == null) {
      return null;
    }
    if (!rules.sortQuery() && rules.ignoredQueryParameters().isEmpty()) {
      return rawQuery;
    }
    List<String> kept = new ArrayList<>();
    for (String parameter : rawQuery.split("&")) {
      if (!parameter.isEmpty() && !rules.ignoredQueryParameters().matches(decodedName(parameter))) {
        kept.add(parameter);
      }
    }
    if (rules.sortQuery()) {
      // By the names the application reads (a=1 and %61=2 are both "a"), and stable, so that
      // the values of one name keep the order in which the application gets them as a list.
      kept.sort(Comparator.comparing(CacheKeys::decodedName));
    }
    return kept.isEmpty() ? null : String.join("&", kept);
  }

  private static String decodedName(String parameter) {
    int equals = parameter.indexOf('=');
    String raw = equals < 0 ? parameter : parameter.substring(0, equals);
    if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
      return raw;
    }
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return raw;
    }
  }

  private static int effectivePort(String scheme, int port) {
    if (port >= 0) {
      return port;
    }
    if ("http".equalsIgnoreCase(scheme)) {
      return 80;
    }
    return "https".equalsIgnoreCase(scheme) ? 443 : -1;
  }
}
