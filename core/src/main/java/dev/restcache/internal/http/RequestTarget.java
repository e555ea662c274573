package dev.restcache.internal.http;

import java.net.URI;
import java.util.Optional;

/**
 * The target of a request in the parts a cache key is made of: scheme, host, port, raw path and raw
 * query, as {@link URI} gives them.
 *
 * @param scheme the scheme, or null
 * @param host the host; for an authority that is not a host and port (a registry name such as
 *     {@code a_b}), the whole raw authority, so that two such authorities never share a key
 * @param port the port, or -1 when the authority has none
 * @param rawPath the percent-encoded path, or null
 * @param rawQuery the percent-encoded query, or null when the target has no {@code ?}
 * @param representable false when the target carried userinfo or a fragment, which no request
 *     target has (RFC 9110 §4.2.4, §4.2.5) and no key represents
 */
public record RequestTarget(
    String scheme, String host, int port, String rawPath, String rawQuery, boolean representable) {

  private static final String PATH_MARKS = "-._~!$&'()*+,;=:@/";

  /** The target of a request for {@code uri}. */
  public static RequestTarget of(URI uri) {
    String host = uri.getHost() != null ? uri.getHost() : uri.getRawAuthority();
    return new RequestTarget(
        uri.getScheme(),
        host,
        uri.getHost() != null ? uri.getPort() : -1,
        uri.getRawPath(),
        uri.getRawQuery(),
        uri.getRawUserInfo() == null && uri.getRawFragment() == null);
  }

  /**
   * The target of a request sent in origin form (RFC 9112 §3.2.1), read straight off the
   * connection: {@code authority} from its {@code Host} field and {@code originForm} from its
   * request line. The same as {@link #of(URI)} gives for the URI the three make up. Empty for
   * anything else, such as an authority with userinfo or a character a URI does not allow: the
   * caller then reads the target the slow way, with the runtime's own checks.
   */
  public static Optional<RequestTarget> ofOriginForm(
      String scheme, String authority, String originForm) {
    if (scheme == null || authority == null || originForm == null || !originForm.startsWith("/")) {
      return Optional.empty();
    }
    // The colon before a port: a host this reads has none of its own.
    int portAt = authority.lastIndexOf(':');
    if (portAt == 0 || !isHost(authority, portAt < 0 ? authority.length() : portAt)) {
      return Optional.empty();
    }
    int port = -1;
    if (portAt > 0) {
      String digits = authority.substring(portAt + 1);
      if (digits.isEmpty() || digits.length() > 5 || !isDigits(digits)) {
        return Optional.empty();
      }
      port = Integer.parseInt(digits);
    }
    int queryAt = originForm.indexOf('?');
    String path = queryAt < 0 ? originForm : originForm.substring(0, queryAt);
    String query = queryAt < 0 ? null : originForm.substring(queryAt + 1);
    if (!isUriText(path, false) || (query != null && !isUriText(query, true))) {
      return Optional.empty();
    }
    return Optional.of(
        new RequestTarget(
            scheme,
            portAt < 0 ? authority : authority.substring(0, portAt),
            port,
            path,
            query,
            true));
  }

  // What URI takes for a server's host (RFC 2396 §3.2.2, which URI follows): an IPv4 address,
  // or a DNS name whose last label begins with a letter. IPv6 literals are left to the slow way.
  // Loops rather than split and streams: this runs on every lookup.
  private static boolean isHost(String authority, int end) {
    if (isIpv4(authority, end)) {
      return true;
    }
    int nameEnd = end > 1 && authority.charAt(end - 1) == '.' ? end - 1 : end;
    int labelStart = 0;
    for (int i = 0; i <= nameEnd; i++) {
      char c = i < nameEnd ? authority.charAt(i) : '.';
      if (c == '.') {
        if (i == labelStart
            || authority.charAt(labelStart) == '-'
            || authority.charAt(i - 1) == '-') {
          return false;
        }
        if (i == nameEnd) {
          return isAsciiLetter(authority.charAt(labelStart));
        }
        labelStart = i + 1;
      } else if (!isAsciiLetter(c) && !isDigit(c) && c != '-') {
        return false;
      }
    }
    return false;
  }

  private static boolean isIpv4(String host, int end) {
    int parts = 0;
    int value = 0;
    int digits = 0;
    for (int i = 0; i <= end; i++) {
      char c = i < end ? host.charAt(i) : '.';
      if (c == '.') {
        if (digits == 0 || value > 255 || ++parts > 4) {
          return false;
        }
        value = 0;
        digits = 0;
      } else if (isDigit(c) && digits < 3) {
        value = value * 10 + (c - '0');
        digits++;
      } else {
        return false;
      }
    }
    return parts == 4;
  }

  private static boolean isDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  // RFC 3986 pchar and '/', and '?' in a query, with well-formed percent-encodings only.
  private static boolean isUriText(String text, boolean query) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%') {
        if (i + 2 >= text.length()
            || Character.digit(text.charAt(i + 1), 16) < 0
            || Character.digit(text.charAt(i + 2), 16) < 0) {
          return false;
        }
        i += 2;
      } else if (!isAsciiLetter(c)
          && !isDigit(c)
          && PATH_MARKS.indexOf(c) < 0
          && !(query && c == '?')) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return (scheme == null ? "" : scheme + "://")
        + (host == null ? "" : host)
        + (port < 0 ? "" : ":" + port)
        + (rawPath == null ? "" : rawPath)
        + (rawQuery == null ? "" : "?" + rawQuery);
  }
}
