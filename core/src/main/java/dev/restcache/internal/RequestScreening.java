package dev.restcache.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides, from its headers alone, whether a GET may use the shared cache at all, and whether
 * it carries credentials. Pure: the request's headers come in as a function of lower-case names.
 */
public final class RequestScreening {
  /**
   * Headers that make some frameworks and applications answer for another URL or method than
   * the one requested. They are not keyed but refused: no legitimate client sends them to a
   * cached endpoint, and a response produced under them must not be stored for the URL.
   */
  public static final List<String> UNKEYED_HEADERS = List.of("x-original-url", "x-rewrite-url",
      "x-http-method-override", "x-http-method", "x-method-override");

  private RequestScreening() {
  }

  /** Why a GET with these headers must bypass the cache, or empty when it may use it. */
  public static Optional<NotStoredReason> bypassReason(
      Function<String, List<String>> requestHeader) {
    for (String name : UNKEYED_HEADERS) {
      if (requestHeader.apply(name) != null) {
        return Optional.of(NotStoredReason.UNKEYED_HEADER);
      }
    }
    // RFC 9110 §9.3.1: content in a GET has no defined meaning, but an application may read it.
    if (requestHeader.apply("transfer-encoding") != null) {
      return Optional.of(NotStoredReason.REQUEST_BODY);
    }
    List<String> length = requestHeader.apply("content-length");
    if (length != null && length.stream().anyMatch(v -> !v.isBlank() && !v.trim().equals("0"))) {
      return Optional.of(NotStoredReason.REQUEST_BODY);
    }
    return Optional.empty();
  }

  /**
   * Whether the request carries credentials: {@code Authorization}, or a cookie whose name is
   * not among {@code anonymousCookies}. A session cookie identifies a user just as
   * {@code Authorization} does, so RFC 9111 §3.5 is applied to both.
   */
  public static boolean hasCredentials(Function<String, List<String>> requestHeader,
      NamePatterns anonymousCookies) {
    if (requestHeader.apply("authorization") != null) {
      return true;
    }
    List<String> cookies = requestHeader.apply("cookie");
    if (cookies == null) {
      return false;
    }
    for (String header : cookies) {
      for (String pair : header.split("[;,]")) {
        int equals = pair.indexOf('=');
        String name = (equals < 0 ? pair : pair.substring(0, equals)).trim();
        if (!name.isEmpty() && !anonymousCookies.matches(name)) {
          return true;
        }
      }
    }
    return false;
  }
}
