package dev.restcache.internal.jaxrs;

import dev.restcache.internal.Credentials;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.SecurityContext;

/** Reads whether the application has identified the request's user. */
final class Principals {
  private Principals() {}

  /**
   * {@link Credentials#IDENTITY} when the request's {@code SecurityContext} has a user principal,
   * as an authentication filter of the application sets it; otherwise {@link Credentials#NONE}. A
   * security context that cannot answer counts as a user: the cache must not share what it cannot
   * tell is anonymous.
   */
  static Credentials of(ContainerRequestContext request) {
    try {
      SecurityContext security = request.getSecurityContext();
      return security != null && security.getUserPrincipal() != null
          ? Credentials.IDENTITY
          : Credentials.NONE;
    } catch (RuntimeException cannotTell) {
      return Credentials.IDENTITY;
    }
  }
}
