package dev.restcache.quarkus.test;

import static dev.restcache.quarkus.test.SharedRules.assertHit;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Family 5 on Quarkus REST, negotiation is keyed: a method with several {@code @Produces} types is
 * keyed on {@code Accept} and says {@code Vary: Accept}, so a client never gets another client's
 * media type.
 */
class NegotiationRulesTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .overrideConfigKey("quarkus.http.test-port", "0")
          .withApplicationRoot(
              jar -> jar.addClasses(Counter.class, SharedRules.class, Documents.class));

  @Inject Counter counter;

  @Inject ResponseCache cache;

  @BeforeEach
  void reset() {
    counter.reset();
    cache.clear();
  }

  @Path("/doc")
  public static class Documents {
    @Inject Counter counter;

    @GET
    @Cached
    @Produces({"application/json", "text/plain"})
    public String doc() {
      return "\"doc " + counter.next() + "\"";
    }
  }

  private static Response accepting(String accept) {
    Response response = given().accept(accept).get("/doc");
    assertThat(response.statusCode()).as(accept).isEqualTo(200);
    return response;
  }

  @Test
  void eachMediaTypeIsItsOwnVariant() {
    Response json = accepting("application/json");
    assertThat(json.contentType()).startsWith("application/json");
    assertThat(json.asString()).isEqualTo("\"doc 1\"");
    assertThat(members(json, "Vary")).anyMatch("Accept"::equalsIgnoreCase);
    assertStored(json);
    Response text = accepting("text/plain");
    assertThat(text.contentType()).startsWith("text/plain");
    assertThat(text.asString()).isEqualTo("\"doc 2\"");
    assertThat(members(text, "Vary")).anyMatch("Accept"::equalsIgnoreCase);
    assertStored(text);
    Response jsonHit = accepting("application/json");
    assertThat(jsonHit.contentType()).startsWith("application/json");
    assertThat(jsonHit.asString()).isEqualTo("\"doc 1\"");
    assertThat(members(jsonHit, "Vary")).anyMatch("Accept"::equalsIgnoreCase);
    assertHit(jsonHit);
    Response textHit = accepting("text/plain");
    assertThat(textHit.contentType()).startsWith("text/plain");
    assertThat(textHit.asString()).isEqualTo("\"doc 2\"");
    assertHit(textHit);
    assertThat(counter.calls()).isEqualTo(2);
  }

  // The parameters of Accept are part of the key too.
  @Test
  void acceptParametersMakeAnotherVariant() {
    assertThat(accepting("text/plain;charset=UTF-8").asString()).isEqualTo("\"doc 1\"");
    Response latin = accepting("text/plain;charset=ISO-8859-1");
    assertThat(latin.asString()).isEqualTo("\"doc 2\"");
    assertThat(latin.contentType()).containsIgnoringCase("ISO-8859-1");
    assertHit(accepting("text/plain;charset=UTF-8"));
    assertThat(counter.calls()).isEqualTo(2);
  }
}
