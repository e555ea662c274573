package dev.restcache.internal;

import dev.restcache.internal.http.RequestTarget;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides, from its target and headers alone, whether a GET may use the shared cache at all, and
 * what identifies its client. Pure: the request's headers come in as a function of lower-case
 * names.
 */
public final class RequestScreening {
  /**
   * Headers that make some frameworks and applications answer for another URL or method than the
   * one requested. They are not keyed but refused: no legitimate client sends them to a cached
   * endpoint, and a response produced under them must not be stored for the URL.
   */
  public static final List<String> UNKEYED_HEADERS =
      List.of(
          "x-original-url",
          "x-rewrite-url",
          "x-http-method-override",
          "x-http-method",
          "x-method-override");

  /**
   * Preconditions the resource evaluates against its current state (RFC 9110 §13.1). The cache does
   * not answer them from a stored entry, and an answer to them (a 412, a 206) depends on this
   * client's input, so such a request goes to the resource and its answer is not stored.
   */
  public static final List<String> PRECONDITION_HEADERS =
      List.of("if-match", "if-unmodified-since", "if-range");

  private RequestScreening() {}

  /** Why a GET for {@code target} with these headers must bypass the cache, or empty. */
  public static Optional<NotStoredReason> bypassReason(
      RequestTarget target, Function<String, List<String>> requestHeader) {
    // A container that passes on userinfo or a fragment has been given a target no key can
    // represent faithfully.
    if (!target.representable()) {
      return Optional.of(NotStoredReason.TARGET);
    }
    for (String name : UNKEYED_HEADERS) {
      if (requestHeader.apply(name) != null) {
        return Optional.of(NotStoredReason.UNKEYED_HEADER);
      }
    }
    for (String name : PRECONDITION_HEADERS) {
      if (requestHeader.apply(name) != null) {
        return Optional.of(NotStoredReason.PRECONDITION);
      }
    }
    // RFC 9110 §9.3.1: content in a GET has no defined meaning, but an application may read it.
    if (requestHeader.apply("transfer-encoding") != null) {
      return Optional.of(NotStoredReason.REQUEST_BODY);
    }
    List<String> length = requestHeader.apply("content-length");
    if (length != null
        && length.stream().anyMatch(v -> v != null && !v.isBlank() && !v.trim().equals("0"))) {
      return Optional.of(NotStoredReason.REQUEST_BODY);
    }
    return Optional.empty();
  }

  /**
   * What identifies the client of a request with these headers: {@code Authorization}, a cookie
   * whose name is not among {@code anonymousCookies}, or one of {@code credentialHeaders}
   * (lower-case names). A principal the application set is added by the caller, which alone can see
   * it.
   */
  public static Credentials credentials(
      Function<String, List<String>> requestHeader,
      NamePatterns anonymousCookies,
      List<String> credentialHeaders) {
    for (String name : credentialHeaders) {
      if (requestHeader.apply(name) != null) {
        return Credentials.IDENTITY;
      }
    }
    if (hasIdentifyingCookie(requestHeader.apply("cookie"), anonymousCookies)) {
      return Credentials.IDENTITY;
    }
    return requestHeader.apply("authorization") != null
        ? Credentials.AUTHORIZATION
        : Credentials.NONE;
  }

  private static boolean hasIdentifyingCookie(
      List<String> cookieLines, NamePatterns anonymousCookies) {
    if (cookieLines == null) {
      return false;
    }
    for (String line : cookieLines) {
      for (Cookies.Pair pair : Cookies.parse(line)) {
        if (!pair.name().isEmpty() && !anonymousCookies.matches(pair.name())) {
          return true;
        }
      }
    }
    return false;
  }
}
