package dev.restcache.quarkus.test;

import static dev.restcache.quarkus.test.SharedRules.assertHit;
import static dev.restcache.quarkus.test.SharedRules.assertStored;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.CacheControl;
import dev.restcache.Cached;
import dev.restcache.ResponseCache;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Family 2 on Quarkus REST, the configurable choice: {@code quarkus.restcache.lookup-priority}
 * (fixed at build time) moves the lookup to 2500. Request filters with a lower priority
 * (authentication at 1000, authorization at 2000) still run before every hit; filters with a higher
 * one, including every filter without {@code @Priority} (5000), run only when the resource runs,
 * and are skipped on hits. That is what an application choosing an early lookup accepts, and why it
 * must never move the lookup before a filter that authenticates.
 */
class EarlyLookupRulesTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .overrideConfigKey("quarkus.http.test-port", "0")
          .withApplicationRoot(
              jar ->
                  jar.addClasses(
                      Counter.class,
                      SharedRules.class,
                      SharedRules.User.class,
                      PrioritisedBearer.class,
                      Audit.class,
                      Reports.class))
          .overrideConfigKey("quarkus.restcache.lookup-priority", "2500");

  @Inject Counter counter;

  @Inject ResponseCache cache;

  @BeforeEach
  void reset() {
    counter.reset();
    cache.clear();
    PrioritisedBearer.RUNS.set(0);
    Audit.RUNS.set(0);
  }

  /** Guards {@code /report} at {@code Priorities.AUTHENTICATION}, before the lookup. */
  @Provider
  @Priority(Priorities.AUTHENTICATION)
  public static class PrioritisedBearer implements ContainerRequestFilter {
    static final AtomicInteger RUNS = new AtomicInteger();

    @Override
    public void filter(ContainerRequestContext request) {
      if (!request.getUriInfo().getPath().startsWith("/report")) {
        return;
      }
      RUNS.incrementAndGet();
      String authorization = request.getHeaderString("Authorization");
      if (authorization == null || !authorization.startsWith("Bearer good-")) {
        request.abortWith(
            jakarta.ws.rs.core.Response.status(401)
                .header("WWW-Authenticate", "Bearer")
                .entity("bad token")
                .build());
        return;
      }
      request.setSecurityContext(new SharedRules.User(authorization.substring(12), "user"));
    }
  }

  /** Counts the requests to {@code /news}; no {@code @Priority}, so after the early lookup. */
  @Provider
  public static class Audit implements ContainerRequestFilter {
    static final AtomicInteger RUNS = new AtomicInteger();

    @Override
    public void filter(ContainerRequestContext request) {
      if (request.getUriInfo().getPath().startsWith("/news")) {
        RUNS.incrementAndGet();
      }
    }
  }

  @Path("/")
  public static class Reports {
    @Inject Counter counter;

    @GET
    @Path("report")
    @Cached
    @CacheControl(isPublic = true, maxAge = 60)
    public String report() {
      return "quarterly report " + counter.next();
    }

    @GET
    @Path("news")
    @Cached
    public String news() {
      return "news " + counter.next();
    }
  }

  @Test
  void anAuthenticationFilterBeforeTheEarlyLookupStillRunsOnEveryHit() {
    Response alice = given().header("Authorization", "Bearer good-alice").get("/report");
    assertThat(alice.statusCode()).isEqualTo(200);
    assertStored(alice);
    Response carol = given().header("Authorization", "Bearer good-carol").get("/report");
    assertThat(carol.asString()).isEqualTo("quarterly report 1");
    assertHit(carol);
    Response forged = given().header("Authorization", "Bearer forged").get("/report");
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(forged.asString()).isEqualTo("bad token");
    assertThat(counter.calls()).isEqualTo(1);
    assertThat(PrioritisedBearer.RUNS).hasValue(3);
  }

  @Test
  void anUnprioritisedAuditFilterIsSkippedOnHitsAfterAnEarlyLookup() {
    assertStored(given().get("/news"));
    for (int i = 0; i < 3; i++) {
      Response hit = given().get("/news");
      assertThat(hit.asString()).isEqualTo("news 1");
      assertHit(hit);
    }
    assertThat(counter.calls()).isEqualTo(1);
    assertThat(Audit.RUNS)
        .as("the audit filter runs after the early lookup, on the miss only")
        .hasValue(1);
  }
}
