package dev.restcache.quarkus.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import dev.restcache.CacheControl;
import dev.restcache.Cached;
import dev.restcache.ResponseCache;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With {@code quarkus.restcache.front.enabled}, a Vert.x route ahead of Quarkus REST answers from
 * fresh public entries: the application's request filter and resource do not run for those hits.
 * Everything else (non-public entries, requests with credentials or {@code Origin}, another
 * variant) goes through Quarkus REST, and a write through it evicts what the front serves.
 */
class FrontTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .overrideConfigKey("quarkus.http.test-port", "0")
          .overrideConfigKey("quarkus.restcache.front.enabled", "true")
          .withApplicationRoot(
              jar -> jar.addClasses(Counter.class, FrontFilterRuns.class, Pages.class));

  @Inject Counter counter;

  @Inject ResponseCache cache;

  @BeforeEach
  void reset() {
    counter.reset();
    cache.clear();
    FrontFilterRuns.RUNS.set(0);
  }

  @Path("/front")
  public static class Pages {
    @Inject Counter counter;

    @GET
    @Path("/public")
    @Cached
    @CacheControl(isPublic = true, maxAge = 60)
    public String publicPage() {
      return "public #" + counter.next();
    }

    @PUT
    @Path("/public")
    public void write(String body) {
      // The write itself changes nothing here; its success evicts the path.
    }

    @GET
    @Path("/shared")
    @Cached
    @CacheControl(sMaxAge = 60)
    public String sharedPage() {
      return "shared #" + counter.next();
    }

    @GET
    @Path("/private")
    @Cached(ttl = 60)
    public String privatePage() {
      return "private #" + counter.next();
    }

    @GET
    @Path("/negotiated")
    @Cached
    @CacheControl(isPublic = true, maxAge = 60)
    @Produces({"application/json", "text/plain"})
    public String negotiated() {
      return "\"negotiated #" + counter.next() + "\"";
    }

    @GET
    @Path("/links")
    @Cached
    @CacheControl(isPublic = true, maxAge = 60)
    public String links(@Context UriInfo uri) {
      return uri.getRequestUri() + " #" + counter.next();
    }
  }

  private static String body(Response response) {
    assertThat(response.statusCode()).isEqualTo(200);
    return response.asString();
  }

  @Test
  void aPublicEntryIsServedByTheFrontForGetAndHead() {
    assertThat(body(given().get("/front/public"))).isEqualTo("public #1");
    given()
        .get("/front/public")
        .then()
        .statusCode(200)
        .body(equalTo("public #1"))
        .header("Cache-Status", startsWith("restcache; hit"))
        .header("Age", matchesPattern("\\d+"));
    given()
        .head("/front/public")
        .then()
        .statusCode(200)
        .header("Content-Length", equalTo("9"))
        .header("Cache-Status", startsWith("restcache; hit"))
        .body(emptyString());
    assertThat(counter.calls()).isEqualTo(1);
    assertThat(FrontFilterRuns.RUNS).as("request filter runs").hasValue(1);
  }

  @Test
  void anSMaxAgeEntryIsServedByTheFront() {
    assertThat(body(given().get("/front/shared"))).isEqualTo("shared #1");
    given()
        .get("/front/shared")
        .then()
        .body(equalTo("shared #1"))
        .header("Cache-Status", startsWith("restcache; hit"));
    assertThat(counter.calls()).isEqualTo(1);
    assertThat(FrontFilterRuns.RUNS).as("request filter runs").hasValue(1);
  }

  @Test
  void aNonPublicEntryIsNeverServedByTheFront() {
    assertThat(body(given().get("/front/private"))).isEqualTo("private #1");
    for (int i = 0; i < 2; i++) {
      given()
          .get("/front/private")
          .then()
          .body(equalTo("private #1"))
          .header("Cache-Status", startsWith("restcache; hit"));
    }
    assertThat(counter.calls()).isEqualTo(1);
    assertThat(FrontFilterRuns.RUNS).as("request filter runs").hasValue(3);
  }

  @Test
  void aVariantIsServedByTheFrontOnlyToAMatchingRequest() {
    Response json = given().accept("application/json").get("/front/negotiated");
    assertThat(body(json)).isEqualTo("\"negotiated #1\"");
    assertThat(json.header("Content-Type")).startsWith("application/json");

    Response text = given().accept("text/plain").get("/front/negotiated");
    assertThat(body(text)).isEqualTo("\"negotiated #2\"");
    assertThat(text.header("Content-Type")).startsWith("text/plain");
    assertThat(FrontFilterRuns.RUNS).as("request filter runs").hasValue(2);

    Response jsonHit = given().accept("application/json").get("/front/negotiated");
    assertThat(body(jsonHit)).isEqualTo("\"negotiated #1\"");
    assertThat(jsonHit.header("Content-Type")).startsWith("application/json");
    assertThat(jsonHit.header("Cache-Status")).startsWith("restcache; hit");
    Response textHit = given().accept("text/plain").get("/front/negotiated");
    assertThat(body(textHit)).isEqualTo("\"negotiated #2\"");
    assertThat(textHit.header("Content-Type")).startsWith("text/plain");
    assertThat(counter.calls()).isEqualTo(2);
    assertThat(FrontFilterRuns.RUNS).as("request filter runs").hasValue(2);
  }

  @Test
  void aWriteEvictsWhatTheFrontServesBeforeItsResponse() {
    assertThat(body(given().get("/front/public"))).isEqualTo("public #1");
    given()
        .get("/front/public")
        .then()
        .body(equalTo("public #1"))
        .header("Cache-Status", startsWith("restcache; hit"));

    given().body("x").put("/front/public").then().statusCode(204);

    assertThat(body(given().get("/front/public"))).isEqualTo("public #2");
    assertThat(body(given().get("/front/public"))).isEqualTo("public #2");
    assertThat(counter.calls()).isEqualTo(2);
    // The first GET, the write, the GET after it; the hits in between came from the front.
    assertThat(FrontFilterRuns.RUNS).as("request filter runs").hasValue(3);
  }

  @Test
  void requestsWithCredentialsOrOriginGoThroughTheApplication() {
    assertThat(body(given().get("/front/public"))).isEqualTo("public #1");

    assertThat(body(given().header("Authorization", "Bearer x").get("/front/public")))
        .isEqualTo("public #1");
    assertThat(body(given().cookie("session", "s1").get("/front/public"))).isEqualTo("public #1");
    assertThat(body(given().header("Origin", "https://other.example").get("/front/public")))
        .isEqualTo("public #1");

    assertThat(counter.calls()).isEqualTo(1);
    assertThat(FrontFilterRuns.RUNS).as("request filter runs").hasValue(4);
  }

  @Test
  void theFrontKeysWhatTheApplicationKeys() {
    int port = RestAssured.port;
    String localhost = "http://localhost:" + port + "/front/links";
    String loopback = "http://127.0.0.1:" + port + "/front/links";

    assertThat(links("localhost:" + port, "")).isEqualTo(localhost + " #1");
    assertThat(links("localhost:" + port, "")).isEqualTo(localhost + " #1");
    // The same origin spelled otherwise (RFC 3986 §6.2.2) is the same entry, as in the lookup.
    assertThat(links("LOCALHOST:" + port, "")).isEqualTo(localhost + " #1");
    assertThat(links("127.0.0.1:" + port, "")).isEqualTo(loopback + " #2");
    assertThat(links("127.0.0.1:" + port, "")).isEqualTo(loopback + " #2");
    assertThat(links("127.0.0.1:" + port, "?page=2")).isEqualTo(loopback + "?page=2 #3");
    assertThat(links("127.0.0.1:" + port, "?page=2")).isEqualTo(loopback + "?page=2 #3");
    assertThat(links("localhost:" + port, "?page=2")).isEqualTo(localhost + "?page=2 #4");

    assertThat(counter.calls()).isEqualTo(4);
    assertThat(FrontFilterRuns.RUNS).as("request filter runs").hasValue(4);
  }

  private static String links(String host, String query) {
    return body(given().header("Host", host).get("/front/links" + query));
  }
}
