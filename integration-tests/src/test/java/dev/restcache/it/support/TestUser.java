package dev.restcache.it.support;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Set;

/**
 * The security context an application's authentication filter sets for a known user, as the tests'
 * filters do with {@code ContainerRequestContext.setSecurityContext}.
 *
 * @param name the user's principal name
 * @param scheme the authentication scheme
 * @param roles the roles the user is in
 */
public record TestUser(String name, String scheme, Set<String> roles) implements SecurityContext {
  /** A user of {@code scheme} in no role. */
  public TestUser(String name, String scheme) {
    this(name, scheme, Set.of());
  }

  @Override
  public Principal getUserPrincipal() {
    return () -> name;
  }

  @Override
  public boolean isUserInRole(String role) {
    return roles.contains(role);
  }

  @Override
  public boolean isSecure() {
    return false;
  }

  @Override
  public String getAuthenticationScheme() {
    return scheme;
  }
}
