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
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Family 7 on Quarkus REST, errors are not stored for everyone: {@code @CacheControl(maxAge)} never
 * makes a 404 fresh; on Quarkus not even the resource's own {@code max-age} does (the documented
 * limitation: Quarkus REST does not tell the cache whether the method ran); and an error answered
 * for a path parameter that does not convert is never stored.
 */
class ErrorRulesTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .overrideConfigKey("quarkus.http.test-port", "0")
          .withApplicationRoot(
              jar -> jar.addClasses(Counter.class, SharedRules.class, Things.class));

  @Inject Counter counter;

  @Inject ResponseCache cache;

  @BeforeEach
  void reset() {
    counter.reset();
    cache.clear();
  }

  @Path("/things")
  public static class Things {
    @Inject Counter counter;

    @GET
    @Path("missing")
    @Cached
    @CacheControl(maxAge = 60)
    public jakarta.ws.rs.core.Response missing() {
      return jakarta.ws.rs.core.Response.status(404)
          .entity("no such thing #" + counter.next())
          .build();
    }

    @GET
    @Path("gone-for-a-minute")
    @Cached
    public jakarta.ws.rs.core.Response ownFreshness() {
      return jakarta.ws.rs.core.Response.status(404)
          .header("Cache-Control", "max-age=60")
          .entity("no such thing #" + counter.next())
          .build();
    }

    @GET
    @Path("{id}")
    @Cached
    @CacheControl(maxAge = 60)
    public String thing(@PathParam("id") long id) {
      return "thing " + id + " #" + counter.next();
    }
  }

  @Test
  void aNotFoundUnderCacheControlMaxAgeIsNotStored() {
    Response first = given().get("/things/missing");
    assertThat(first.statusCode()).isEqualTo(404);
    assertThat(first.asString()).isEqualTo("no such thing #1");
    assertThat(String.valueOf(first.header("Cache-Control"))).doesNotContain("max-age=60");
    assertThat(first.header("Cache-Status"))
        .contains("detail=\"error-status\"")
        .doesNotContain("stored");
    Response second = given().get("/things/missing");
    assertThat(second.statusCode()).isEqualTo(404);
    assertThat(second.asString()).isEqualTo("no such thing #2");
    assertNotAHit(second);
    assertThat(counter.calls()).isEqualTo(2);
  }

  // Documented Quarkus limitation: on Jersey this one would be stored.
  @Test
  void onQuarkusEvenANotFoundTheResourceMadeFreshIsNotStored() {
    Response first = given().get("/things/gone-for-a-minute");
    assertThat(first.statusCode()).isEqualTo(404);
    assertThat(first.header("Cache-Control")).isEqualTo("max-age=60");
    assertThat(first.header("Cache-Status"))
        .contains("detail=\"error-status\"")
        .doesNotContain("stored");
    Response second = given().get("/things/gone-for-a-minute");
    assertThat(second.statusCode()).isEqualTo(404);
    assertThat(second.asString()).isEqualTo("no such thing #2");
    assertNotAHit(second);
    assertThat(counter.calls()).isEqualTo(2);
  }

  @Test
  void aPathParameterThatDoesNotConvertIsNeverStored() {
    for (int i = 0; i < 2; i++) {
      Response bad = given().get("/things/abc");
      assertThat(bad.statusCode()).isEqualTo(404);
      assertThat(String.valueOf(bad.header("Cache-Status"))).doesNotContain("stored");
      assertNotAHit(bad);
    }
    assertThat(counter.calls()).isZero();
    // The parameter that converts is cached as usual.
    assertStored(given().get("/things/7"));
    Response hit = given().get("/things/7");
    assertThat(hit.asString()).isEqualTo("thing 7 #1");
    assertHit(hit);
    assertThat(counter.calls()).isEqualTo(1);
  }
}
