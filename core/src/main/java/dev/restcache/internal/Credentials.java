package dev.restcache.internal;

import java.util.Optional;

/**
 * What identifies the client of a request, ordered from least to most personal; also, on a stored
 * response, the most personal request it may answer.
 *
 * <p>RFC 9111 §3.5 lets a shared cache reuse a response to a request with {@code Authorization}
 * only when the response says {@code public}, {@code s-maxage} or {@code must-revalidate}.
 * restcache applies the same rule to every other way a request can identify its user (a session
 * cookie, a configured credential header, a principal set by an application filter), except that
 * {@code must-revalidate} does not count for them: the RFC names only {@code Authorization}, and a
 * cookie-authenticated page marked {@code must-revalidate} is still that user's page.
 */
public enum Credentials {
  /** Nothing identifies the client; on a stored response: it answers anonymous requests only. */
  NONE(0),
  /**
   * Only {@code Authorization}; on a stored response: it may answer such requests too ({@code
   * must-revalidate}).
   */
  AUTHORIZATION(1),
  /**
   * A cookie not declared anonymous, a configured credential header or a user principal (with or
   * without {@code Authorization}); on a stored response: it may answer every request ({@code
   * public}, {@code s-maxage}).
   */
  IDENTITY(2);

  // Stored with every entry (StoredValueCodec) and shared by every instance of a cluster, so a
  // level never changes, whatever the order of the constants.
  private final int level;

  // Read for every decoded entry: values() would copy the array each time.
  private static final Credentials[] ALL = values();

  Credentials(int level) {
    this.level = level;
  }

  /** How personal it is, from 0; the number a stored entry records. */
  public int level() {
    return level;
  }

  /** The credentials of {@code level}, or empty for a level no version has written. */
  public static Optional<Credentials> ofLevel(int level) {
    for (Credentials credentials : ALL) {
      if (credentials.level == level) {
        return Optional.of(credentials);
      }
    }
    return Optional.empty();
  }

  /** Whether a response stored as shareable up to {@code this} may answer {@code request}. */
  public boolean admits(Credentials request) {
    return request.level <= level;
  }

  /** The more personal of the two. */
  public Credentials and(Credentials other) {
    return other.level > level ? other : this;
  }
}
