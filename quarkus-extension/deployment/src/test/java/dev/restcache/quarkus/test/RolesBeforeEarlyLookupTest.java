package dev.restcache.quarkus.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.restcache.CacheControl;
import dev.restcache.Cached;
import io.quarkus.builder.Version;
import io.quarkus.maven.dependency.Dependency;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Quarkus security's checks run before the early lookup. A blocking {@code @RolesAllowed} method
 * whose answer says {@code public} is stored for an administrator and then answered from the event
 * loop without a worker, yet a request without credentials still gets 401 and a user without the
 * role 403, never the stored page.
 */
class RolesBeforeEarlyLookupTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .overrideConfigKey("quarkus.http.test-port", "0")
          .setForcedDependencies(
              List.of(
                  Dependency.of(
                      "io.quarkus",
                      "quarkus-elytron-security-properties-file",
                      Version.getVersion())))
          .overrideConfigKey("quarkus.http.auth.basic", "true")
          .overrideConfigKey("quarkus.security.users.embedded.enabled", "true")
          .overrideConfigKey("quarkus.security.users.embedded.plain-text", "true")
          .overrideConfigKey("quarkus.security.users.embedded.users.alice", "alice-pw")
          .overrideConfigKey("quarkus.security.users.embedded.roles.alice", "admin")
          .overrideConfigKey("quarkus.security.users.embedded.users.bob", "bob-pw")
          .overrideConfigKey("quarkus.security.users.embedded.roles.bob", "reader")
          .withApplicationRoot(
              jar ->
                  jar.addClasses(
                      Counter.class, AdminPage.class, EarlyLookupTest.SendingThreads.class));

  @Inject Counter counter;

  @BeforeEach
  void reset() {
    counter.reset();
  }

  @Path("/admin")
  public static class AdminPage {
    @Inject Counter counter;

    @GET
    @RolesAllowed("admin")
    @Cached(ttl = 60)
    @CacheControl(isPublic = true, maxAge = 60)
    public String page() {
      return "admin page #" + counter.next();
    }
  }

  @Test
  void anEntryOfARolesAllowedMethodReachesOnlyItsRole() {
    given()
        .auth()
        .preemptive()
        .basic("alice", "alice-pw")
        .get("/admin")
        .then()
        .statusCode(200)
        .body(equalTo("admin page #1"));
    given()
        .auth()
        .preemptive()
        .basic("alice", "alice-pw")
        .get("/admin")
        .then()
        .statusCode(200)
        .body(equalTo("admin page #1"))
        .header("Cache-Status", startsWith("restcache; hit"));
    assertThat(EarlyLookupTest.SendingThreads.LAST).last().isEqualTo("event-loop");

    given().get("/admin").then().statusCode(401).body(not(equalTo("admin page #1")));
    given()
        .auth()
        .preemptive()
        .basic("bob", "bob-pw")
        .get("/admin")
        .then()
        .statusCode(403)
        .body(not(equalTo("admin page #1")));
    given().auth().preemptive().basic("bob", "wrong").get("/admin").then().statusCode(401);
    assertThat(counter.calls()).isEqualTo(1);
  }
}
