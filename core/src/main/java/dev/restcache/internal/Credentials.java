package dev.restcache.internal;

/**
 * What identifies the client of a request, ordered from least to most personal; also, on a
 * stored response, the most personal request it may answer.
 *
 * <p>RFC 9111 §3.5 lets a shared cache reuse a response to a request with {@code Authorization}
 * only when the response says {@code public}, {@code s-maxage} or {@code must-revalidate}.
 * restcache applies the same rule to every other way a request can identify its user (a
 * session cookie, a configured credential header, a principal set by an application filter),
 * except that {@code must-revalidate} does not count for them: the RFC names only
 * {@code Authorization}, and a cookie-authenticated page marked {@code must-revalidate} is
 * still that user's page.
 */
public enum Credentials {
  /** Nothing identifies the client; on a stored response: it answers anonymous requests only. */
  NONE,
  /**
   * Only {@code Authorization}; on a stored response: it may answer such requests too
   * ({@code must-revalidate}).
   */
  AUTHORIZATION,
  /**
   * A cookie not declared anonymous, a configured credential header or a user principal
   * (with or without {@code Authorization}); on a stored response: it may answer every request
   * ({@code public}, {@code s-maxage}).
   */
  IDENTITY;

  /** Whether a response stored as shareable up to {@code this} may answer {@code request}. */
  public boolean admits(Credentials request) {
    return request.ordinal() <= ordinal();
  }

  /** The more personal of the two. */
  public Credentials and(Credentials other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
