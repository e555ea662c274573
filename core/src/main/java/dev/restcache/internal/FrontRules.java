package dev.restcache.internal;

import java.util.List;
import java.util.function.Function;

/**
 * Which requests and entries the front may answer before the application's filters run: only what a
 * shared cache in front of the application (a proxy, a CDN) may already serve to anyone, and only
 * to requests the application's filters could not tell apart from an anonymous one by anything
 * restcache knows of.
 */
final class FrontRules {
  private FrontRules() {}

  /**
   * Whether the front may look {@code request} up: a GET or HEAD without credentials, that the
   * cache would not bypass anyway, and without {@code Origin}, since a CORS filter answers a
   * cross-origin request with fields of its own that only running it gives.
   */
  static boolean mayAnswer(
      String method, CacheRequest request, Function<String, List<String>> requestHeader) {
    return ("GET".equals(method) || "HEAD".equals(method))
        && request.credentials() == Credentials.NONE
        && requestHeader.apply("origin") == null
        && RequestScreening.bypassReason(request.target(), requestHeader).isEmpty();
  }

  /**
   * Whether {@code stored} is one any shared cache may serve to anyone: the application marked it
   * {@code public} or gave it {@code s-maxage} (RFC 9111 §3.5), which is what {@link
   * Credentials#IDENTITY} records on a stored response.
   */
  static boolean mayServe(StoredResponse stored) {
    return stored.sharedWith() == Credentials.IDENTITY;
  }
}
