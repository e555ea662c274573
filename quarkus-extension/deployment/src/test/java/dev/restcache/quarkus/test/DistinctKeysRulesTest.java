package dev.restcache.quarkus.test;

import static dev.restcache.quarkus.test.SharedRules.assertHit;
import static dev.restcache.quarkus.test.SharedRules.assertNotAHit;
import static dev.restcache.quarkus.test.SharedRules.members;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.Cached;
import dev.restcache.ResponseCache;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Family 8 on Quarkus REST, distinct inputs never share an entry: a declared {@code Vary} value is
 * compared as sent but for the whitespace around list members ({@code acme,} is not {@code acme}),
 * and query parameters are sorted by their decoded names, keeping the order of values of one name.
 */
class DistinctKeysRulesTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .overrideConfigKey("quarkus.http.test-port", "0")
          .withApplicationRoot(
              jar -> jar.addClasses(Counter.class, SharedRules.class, Teams.class));

  @Inject Counter counter;

  @Inject ResponseCache cache;

  @BeforeEach
  void reset() {
    counter.reset();
    cache.clear();
  }

  @Path("/")
  public static class Teams {
    @Inject Counter counter;

    // Reads X-Team through HttpHeaders, and declares it.
    @GET
    @Path("team")
    @Cached(vary = "X-Team")
    public String team(@Context HttpHeaders headers) {
      return "team [" + headers.getHeaderString("X-Team") + "] #" + counter.next();
    }

    @GET
    @Path("list")
    @Cached
    public String list(@QueryParam("a") List<String> a) {
      return "a=" + a + " #" + counter.next();
    }
  }

  private static Response team(String value) {
    Response response = given().header("X-Team", value).get("/team");
    assertThat(response.statusCode()).isEqualTo(200);
    return response;
  }

  private static Response raw(String target) {
    Response response = given().urlEncodingEnabled(false).get(target);
    assertThat(response.statusCode()).as(target).isEqualTo(200);
    return response;
  }

  @Test
  void aTrailingCommaMakesAnotherVariant() {
    Response withComma = team("acme,");
    assertThat(withComma.asString()).isEqualTo("team [acme,] #1");
    assertThat(members(withComma, "Vary")).anyMatch("X-Team"::equalsIgnoreCase);
    Response plain = team("acme");
    assertThat(plain.asString()).isEqualTo("team [acme] #2");
    assertNotAHit(plain);
    Response withCommaAgain = team("acme,");
    assertThat(withCommaAgain.asString()).isEqualTo("team [acme,] #1");
    assertHit(withCommaAgain);
    Response plainAgain = team("acme");
    assertThat(plainAgain.asString()).isEqualTo("team [acme] #2");
    assertHit(plainAgain);
    assertThat(counter.calls()).isEqualTo(2);
  }

  @Test
  void anEncodedNameSortsWithItsDecodedNameAndKeepsTheOrderOfItsValues() {
    Response first = raw("/list?a=1&%61=2");
    assertThat(first.asString()).isEqualTo("a=[1, 2] #1");
    Response second = raw("/list?%61=2&a=1");
    assertThat(second.asString()).isEqualTo("a=[2, 1] #2");
    assertNotAHit(second);
    Response firstAgain = raw("/list?a=1&%61=2");
    assertThat(firstAgain.asString()).isEqualTo("a=[1, 2] #1");
    assertHit(firstAgain);
    Response secondAgain = raw("/list?%61=2&a=1");
    assertThat(secondAgain.asString()).isEqualTo("a=[2, 1] #2");
    assertHit(secondAgain);
    assertThat(counter.calls()).isEqualTo(2);
  }
}
