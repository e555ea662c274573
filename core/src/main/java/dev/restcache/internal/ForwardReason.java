package dev.restcache.internal;

/**
 * Why a request went to the resource: the {@code fwd} parameter of RFC 9211 §2.2, so that {@code
 * Cache-Status} uses the RFC's words and nothing else.
 */
public enum ForwardReason {
  /** The cache was configured not to handle this request (a header it refuses, a bad target). */
  BYPASS("bypass"),
  /** The request method is not one the cache answers. */
  METHOD("method"),
  /** Nothing was stored for the target URI. */
  URI_MISS("uri-miss"),
  /** Something was stored for the URI, but not for this request's variant. */
  VARY_MISS("vary-miss"),
  /**
   * The request could use a stored response, but its own directives or credentials ruled it out.
   */
  REQUEST("request"),
  /** The stored response was stale. */
  STALE("stale");

  private final String token;

  ForwardReason(String token) {
    this.token = token;
  }

  /** The RFC 9211 token. */
  public String token() {
    return token;
  }
}
