package dev.restcache.quarkus.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.restcache.CacheControl;
import dev.restcache.Cached;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Without {@code quarkus.restcache.front.enabled}, the default, every hit of a public entry comes
 * from the JAX-RS lookup, after the application's request filters.
 */
class FrontOffTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .overrideConfigKey("quarkus.http.test-port", "0")
          .withApplicationRoot(
              jar -> jar.addClasses(Counter.class, FrontFilterRuns.class, PublicPage.class));

  @Inject Counter counter;

  @Path("/page")
  public static class PublicPage {
    @Inject Counter counter;

    @GET
    @Cached
    @CacheControl(isPublic = true, maxAge = 60)
    public String page() {
      return "page #" + counter.next();
    }
  }

  @Test
  void everyHitRunsTheApplicationsRequestFilters() {
    given().get("/page").then().statusCode(200).body(equalTo("page #1"));
    for (int i = 0; i < 2; i++) {
      given()
          .get("/page")
          .then()
          .statusCode(200)
          .body(equalTo("page #1"))
          .header("Cache-Status", startsWith("restcache; hit"));
    }
    assertThat(counter.calls()).isEqualTo(1);
    assertThat(FrontFilterRuns.RUNS).as("request filter runs").hasValue(3);
  }
}
