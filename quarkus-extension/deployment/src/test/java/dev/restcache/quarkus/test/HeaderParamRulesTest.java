package dev.restcache.quarkus.test;

import static dev.restcache.quarkus.test.SharedRules.assertHit;
import static dev.restcache.quarkus.test.SharedRules.assertNotAHit;
import static dev.restcache.quarkus.test.SharedRules.assertStored;
import static dev.restcache.quarkus.test.SharedRules.members;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.Cached;
import dev.restcache.ResponseCache;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Family 6 on Quarkus REST, the key holds what the method reads: {@code @HeaderParam("X-Tenant")}
 * keys the entry on {@code X-Tenant} and sends {@code Vary: x-tenant}, without any declaration.
 */
class HeaderParamRulesTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .overrideConfigKey("quarkus.http.test-port", "0")
          .withApplicationRoot(
              jar -> jar.addClasses(Counter.class, SharedRules.class, Catalogue.class));

  @Inject Counter counter;

  @Inject ResponseCache cache;

  @BeforeEach
  void reset() {
    counter.reset();
    cache.clear();
  }

  @Path("/catalogue")
  public static class Catalogue {
    @Inject Counter counter;

    @GET
    @Cached
    public String catalogue(@HeaderParam("X-Tenant") String tenant) {
      return "catalogue of " + tenant + " #" + counter.next();
    }
  }

  private static Response tenant(String tenant) {
    Response response =
        tenant == null
            ? given().get("/catalogue")
            : given().header("X-Tenant", tenant).get("/catalogue");
    assertThat(response.statusCode()).isEqualTo(200);
    return response;
  }

  @Test
  void eachTenantGetsItsOwnCatalogue() {
    Response acme = tenant("acme");
    assertThat(acme.asString()).isEqualTo("catalogue of acme #1");
    assertThat(members(acme, "Vary")).anyMatch("x-tenant"::equalsIgnoreCase);
    assertStored(acme);
    Response globex = tenant("globex");
    assertThat(globex.asString()).isEqualTo("catalogue of globex #2");
    assertNotAHit(globex);
    Response nobody = tenant(null);
    assertThat(nobody.asString()).isEqualTo("catalogue of null #3");
    assertNotAHit(nobody);
    Response acmeAgain = tenant("acme");
    assertThat(acmeAgain.asString()).isEqualTo("catalogue of acme #1");
    assertThat(members(acmeAgain, "Vary")).anyMatch("x-tenant"::equalsIgnoreCase);
    assertHit(acmeAgain);
    assertThat(tenant("globex").asString()).isEqualTo("catalogue of globex #2");
    assertThat(counter.calls()).isEqualTo(3);
  }
}
