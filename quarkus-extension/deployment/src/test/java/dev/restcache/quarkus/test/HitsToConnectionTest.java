package dev.restcache.quarkus.test;

import static io.restassured.RestAssured.get;
import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.head;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import dev.restcache.CacheControl;
import dev.restcache.Cached;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * In an application without response filters, writer interceptors or features of its own, a hit is
 * sent straight to the connection, skipping the JAX-RS response: what the client gets is what the
 * JAX-RS response carried, for GET, HEAD and a conditional request, and restcache's own
 * {@code @CacheControl} still merges into it.
 */
class HitsToConnectionTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .overrideConfigKey("quarkus.http.test-port", "0")
          .withApplicationRoot(jar -> jar.addClasses(Counter.class, PlainResource.class));

  @Inject Counter counter;

  @BeforeEach
  void reset() {
    counter.reset();
  }

  @Test
  void aHitIsTheStoredResponseWithItsAgeAndCacheStatus() {
    Response miss = get("/direct/blocking/a");
    miss.then().statusCode(200).body(equalTo("a #1"));

    get("/direct/blocking/a")
        .then()
        .statusCode(200)
        .body(equalTo("a #1"))
        .header("Content-Type", equalTo(miss.header("Content-Type")))
        .header("ETag", equalTo(miss.header("ETag")))
        .header("Date", equalTo(miss.header("Date")))
        .header("Content-Length", equalTo("4"))
        .header("Age", matchesPattern("\\d+"))
        .header("Cache-Status", matchesPattern("restcache; hit; ttl=\\d+"));
    assertThat(counter.calls()).isEqualTo(1);
  }

  @Test
  void aHitOnAUniEndpointIsTheStoredResponse() {
    get("/direct/reactive/u").then().statusCode(200).body(equalTo("u #1"));
    get("/direct/reactive/u")
        .then()
        .statusCode(200)
        .body(equalTo("u #1"))
        .header("Content-Length", equalTo("4"))
        .header("Cache-Status", matchesPattern("restcache; hit; ttl=\\d+"));
    assertThat(counter.calls()).isEqualTo(1);
  }

  @Test
  void aHeadHitHasTheGetsLengthAndNoBody() {
    get("/direct/blocking/h").then().statusCode(200).body(equalTo("h #1"));
    head("/direct/blocking/h")
        .then()
        .statusCode(200)
        .header("Content-Length", equalTo("4"))
        .header("Cache-Status", matchesPattern("restcache; hit; ttl=\\d+"))
        .body(emptyString());
    assertThat(counter.calls()).isEqualTo(1);
  }

  @Test
  void aConditionalHitIsA304WithoutBody() {
    String etag = get("/direct/blocking/c").header("ETag");
    given()
        .header("If-None-Match", etag)
        .get("/direct/blocking/c")
        .then()
        .statusCode(304)
        .header("ETag", equalTo(etag))
        .header("Content-Type", nullValue())
        .header("Cache-Status", matchesPattern("restcache; hit; ttl=\\d+"))
        .body(emptyString());
    assertThat(counter.calls()).isEqualTo(1);
  }

  @Test
  void cacheControlIsMergedIntoHitsToo() {
    get("/direct/controlled")
        .then()
        .statusCode(200)
        .header("Cache-Control", equalTo("must-revalidate, max-age=30"));
    get("/direct/controlled")
        .then()
        .statusCode(200)
        .header("Cache-Control", equalTo("must-revalidate, max-age=30"))
        .header("Cache-Status", matchesPattern("restcache; hit; ttl=(29|30)"));
    assertThat(counter.calls()).isEqualTo(1);
  }

  @Path("/direct")
  @Produces(MediaType.TEXT_PLAIN)
  public static class PlainResource {
    @Inject Counter counter;

    @GET
    @Path("/blocking/{id}")
    @Cached
    public String blocking(@PathParam("id") String id) {
      return id + " #" + counter.next();
    }

    @GET
    @Path("/reactive/{id}")
    @Cached
    public Uni<String> reactive(@PathParam("id") String id) {
      return Uni.createFrom().item(id + " #" + counter.next());
    }

    @GET
    @Path("/controlled")
    @Cached
    @CacheControl(maxAge = 30, mustRevalidate = true)
    public String controlled() {
      return "c #" + counter.next();
    }
  }
}
