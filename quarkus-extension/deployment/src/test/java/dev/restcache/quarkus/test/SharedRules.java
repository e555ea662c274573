package dev.restcache.quarkus.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the Quarkus runs of the shared rules (issue 12's families, guarded on Jersey by the tests in
 * {@code integration-tests/.../security}) have in common.
 */
final class SharedRules {
  static final String HIT = "restcache; hit";

  /** API keys an application's filter knows; any other key identifies no principal. */
  static final Map<String, String> KEYS =
      Map.of("alice-key", "alice", "bob-key", "bob", "root-key", "root");

  private SharedRules() {}

  /** Neither answered from the cache nor stored (or no Cache-Status at all). */
  static void assertPrivate(Response response) {
    assertThat(String.valueOf(response.header("Cache-Status")))
        .as("Cache-Status")
        .doesNotStartWith(HIT)
        .doesNotContain("stored");
  }

  static void assertStored(Response response) {
    assertThat(response.header("Cache-Status")).as("Cache-Status").contains("stored");
  }

  static void assertHit(Response response) {
    assertThat(response.header("Cache-Status")).as("Cache-Status").startsWith(HIT);
  }

  static void assertNotAHit(Response response) {
    assertThat(String.valueOf(response.header("Cache-Status")))
        .as("Cache-Status")
        .doesNotStartWith(HIT);
  }

  /** Every line of a header, as received. */
  static List<String> lines(Response response, String name) {
    return response.headers().getList(name).stream().map(h -> h.getValue()).toList();
  }

  /** Every list member of a header, over all its lines, trimmed. */
  static List<String> members(Response response, String name) {
    return lines(response, name).stream()
        .flatMap(line -> Arrays.stream(line.split(",")))
        .map(String::trim)
        .filter(member -> !member.isEmpty())
        .toList();
  }

  /** A principal, as an application's own authentication sets it. */
  record User(String name, String role) implements SecurityContext {
    @Override
    public Principal getUserPrincipal() {
      return () -> name;
    }

    @Override
    public boolean isUserInRole(String candidate) {
      return role.equals(candidate);
    }

    @Override
    public boolean isSecure() {
      return false;
    }

    @Override
    public String getAuthenticationScheme() {
      return "API-KEY";
    }
  }

  static String name(SecurityContext security) {
    return security == null || security.getUserPrincipal() == null
        ? "nobody"
        : security.getUserPrincipal().getName();
  }
}
