package dev.restcache.quarkus.test;

import static dev.restcache.quarkus.test.SharedRules.assertHit;
import static dev.restcache.quarkus.test.SharedRules.assertNotAHit;
import static dev.restcache.quarkus.test.SharedRules.assertStored;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.CacheControl;
import dev.restcache.Cached;
import dev.restcache.ResponseCache;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Family 2 on Quarkus REST with the default lookup priority ({@code Integer.MAX_VALUE}): a hit
 * never skips an application's request filter, including one without {@code @Priority} ({@code
 * Priorities.USER}).
 */
class FilterOrderRulesTest {
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
                      BearerAuthentication.class,
                      Audit.class,
                      Reports.class));

  @Inject Counter counter;

  @Inject ResponseCache cache;

  @BeforeEach
  void reset() {
    counter.reset();
    cache.clear();
    BearerAuthentication.RUNS.set(0);
    Audit.RUNS.set(0);
  }

  /**
   * Guards {@code /report} and {@code /reactive-report}: a token other than {@code Bearer good-*}
   * is answered 401. No {@code @Priority}, as in most tutorials.
   */
  @Provider
  public static class BearerAuthentication implements ContainerRequestFilter {
    static final AtomicInteger RUNS = new AtomicInteger();

    @Override
    public void filter(ContainerRequestContext request) {
      if (!request.getUriInfo().getPath().endsWith("report")) {
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

  /** Counts the requests to {@code /news}; no {@code @Priority}. */
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

    // Public, so a good token's answer is shared with the other good tokens.
    @GET
    @Path("report")
    @Cached
    @CacheControl(isPublic = true, maxAge = 60)
    public String report() {
      return "quarterly report " + counter.next();
    }

    // The same, non-blocking: the filters run on the event loop.
    @GET
    @Path("reactive-report")
    @Cached
    @CacheControl(isPublic = true, maxAge = 60)
    public Uni<String> reactiveReport() {
      return Uni.createFrom().item("reactive report " + counter.next());
    }

    @GET
    @Path("news")
    @Cached
    public String news() {
      return "news " + counter.next();
    }
  }

  private static Response withToken(String token) {
    return token == null
        ? given().get("/report")
        : given().header("Authorization", token).get("/report");
  }

  @Test
  void aBadTokenGets401EvenThoughTheUrlIsCached() {
    Response alice = withToken("Bearer good-alice");
    assertThat(alice.statusCode()).isEqualTo(200);
    assertThat(alice.asString()).isEqualTo("quarterly report 1");
    assertStored(alice);
    Response again = withToken("Bearer good-carol");
    assertThat(again.statusCode()).isEqualTo(200);
    assertHit(again);
    Response bob = withToken("Bearer forged");
    assertThat(bob.statusCode()).isEqualTo(401);
    assertThat(bob.header("WWW-Authenticate")).isEqualTo("Bearer");
    assertThat(bob.asString()).isEqualTo("bad token");
    assertNotAHit(bob);
    Response nobody = withToken(null);
    assertThat(nobody.statusCode()).isEqualTo(401);
    assertThat(nobody.asString()).isEqualTo("bad token");
    assertThat(given().header("Authorization", "Bearer forged").head("/report").statusCode())
        .isEqualTo(401);
    assertThat(counter.calls()).isEqualTo(1);
    assertThat(BearerAuthentication.RUNS).hasValue(5);
  }

  @Test
  void aBadTokenGets401OnACachedNonBlockingEndpoint() {
    Response alice = given().header("Authorization", "Bearer good-alice").get("/reactive-report");
    assertThat(alice.asString()).isEqualTo("reactive report 1");
    assertStored(alice);
    assertHit(given().header("Authorization", "Bearer good-bob").get("/reactive-report"));
    Response forged = given().header("Authorization", "Bearer forged").get("/reactive-report");
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(forged.asString()).isEqualTo("bad token");
    assertThat(given().get("/reactive-report").statusCode()).isEqualTo(401);
    assertThat(counter.calls()).isEqualTo(1);
    assertThat(BearerAuthentication.RUNS).hasValue(4);
  }

  @Test
  void byDefaultAFilterWithoutPrioritySeesEveryHit() {
    assertStored(given().get("/news"));
    for (int i = 0; i < 3; i++) {
      Response hit = given().get("/news");
      assertThat(hit.asString()).isEqualTo("news 1");
      assertHit(hit);
    }
    assertThat(counter.calls()).isEqualTo(1);
    assertThat(Audit.RUNS).hasValue(4);
  }
}
