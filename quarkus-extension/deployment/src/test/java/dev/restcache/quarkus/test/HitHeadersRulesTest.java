package dev.restcache.quarkus.test;

import static dev.restcache.quarkus.test.SharedRules.assertHit;
import static dev.restcache.quarkus.test.SharedRules.assertStored;
import static dev.restcache.quarkus.test.SharedRules.lines;
import static dev.restcache.quarkus.test.SharedRules.members;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.Cached;
import dev.restcache.ResponseCache;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Family 9 on Quarkus REST, hits do not duplicate headers: the usual CORS filter (no priority,
 * {@code add} rather than {@code put}) produces each of its headers exactly once on a hit, as on
 * the miss, on a blocking and on a non-blocking endpoint.
 */
class HitHeadersRulesTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .overrideConfigKey("quarkus.http.test-port", "0")
          .withApplicationRoot(
              jar -> jar.addClasses(Counter.class, SharedRules.class, Cors.class, Pages.class));

  @Inject Counter counter;

  @Inject ResponseCache cache;

  @BeforeEach
  void reset() {
    counter.reset();
    cache.clear();
  }

  /** The CORS filter of countless tutorials: no priority, and add rather than put. */
  @Provider
  public static class Cors implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      response.getHeaders().add("Access-Control-Allow-Origin", "*");
      response.getHeaders().add("Vary", "Origin");
    }
  }

  @Path("/cors")
  public static class Pages {
    @Inject Counter counter;

    @GET
    @Path("page")
    @Cached
    public String page() {
      return "page " + counter.next();
    }

    @GET
    @Path("reactive")
    @Cached
    public Uni<String> reactive() {
      return Uni.createFrom().item("reactive " + counter.next());
    }
  }

  private static void assertOnce(Response response) {
    assertThat(lines(response, "Access-Control-Allow-Origin")).containsExactly("*");
    assertThat(members(response, "Vary")).filteredOn("Origin"::equalsIgnoreCase).hasSize(1);
    assertThat(lines(response, "Cache-Status")).hasSize(1);
    assertThat(lines(response, "ETag")).hasSize(1);
    assertThat(lines(response, "Content-Type")).hasSize(1);
  }

  @Test
  void aCorsFiltersHeadersAppearOnceOnAHitAsOnTheMiss() {
    headersAppearOnce("/cors/page", "page 1");
  }

  @Test
  void aCorsFiltersHeadersAppearOnceOnANonBlockingHit() {
    headersAppearOnce("/cors/reactive", "reactive 1");
  }

  private void headersAppearOnce(String path, String body) {
    Response miss = given().header("Origin", "https://a.example").get(path);
    assertThat(miss.statusCode()).isEqualTo(200);
    assertThat(miss.asString()).isEqualTo(body);
    assertStored(miss);
    assertOnce(miss);
    for (int i = 0; i < 2; i++) {
      Response hit = given().header("Origin", "https://a.example").get(path);
      assertThat(hit.statusCode()).isEqualTo(200);
      assertThat(hit.asString()).isEqualTo(body);
      assertHit(hit);
      assertOnce(hit);
    }
    assertThat(counter.calls()).isEqualTo(1);
  }
}
