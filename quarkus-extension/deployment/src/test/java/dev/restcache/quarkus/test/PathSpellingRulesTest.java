package dev.restcache.quarkus.test;

import static dev.restcache.quarkus.test.SharedRules.assertHit;
import static dev.restcache.quarkus.test.SharedRules.assertNotAHit;
import static dev.restcache.quarkus.test.SharedRules.assertStored;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.Cached;
import dev.restcache.ResponseCache;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Family 10 on Quarkus REST, a write evicts every spelling the resource treats as the same: with
 * {@code @PathParam("id") long id}, {@code /items/1}, {@code /items/01} and {@code /items/+1} are
 * one item.
 */
class PathSpellingRulesTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .overrideConfigKey("quarkus.http.test-port", "0")
          .withApplicationRoot(
              jar -> jar.addClasses(Counter.class, SharedRules.class, Items.class));

  @Inject Counter counter;

  @Inject ResponseCache cache;

  @BeforeEach
  void reset() {
    counter.reset();
    cache.clear();
    Items.COLOURS.clear();
  }

  @Path("/items")
  public static class Items {
    static final Map<Long, String> COLOURS = new ConcurrentHashMap<>();

    @Inject Counter counter;

    @GET
    @Path("{id}")
    @Cached
    public String get(@PathParam("id") long id) {
      counter.next();
      return "item " + id + " is " + COLOURS.getOrDefault(id, "black");
    }

    @PUT
    @Path("{id}")
    public void put(@PathParam("id") long id, String colour) {
      COLOURS.put(id, colour);
    }
  }

  private static Response get(String target) {
    Response response = given().urlEncodingEnabled(false).get(target);
    assertThat(response.statusCode()).as(target).isEqualTo(200);
    return response;
  }

  @Test
  void aWriteToAnySpellingEvictsEverySpelling() {
    Response one = get("/items/1");
    assertThat(one.asString()).isEqualTo("item 1 is black");
    assertStored(one);
    Response zeroOne = get("/items/01");
    assertThat(zeroOne.asString()).isEqualTo("item 1 is black");
    assertStored(zeroOne);
    assertHit(get("/items/1"));
    assertHit(get("/items/01"));
    assertThat(counter.calls()).isEqualTo(2);

    given().urlEncodingEnabled(false).body("white").put("/items/+1").then().statusCode(204);

    Response oneAfter = get("/items/1");
    assertThat(oneAfter.asString()).isEqualTo("item 1 is white");
    assertNotAHit(oneAfter);
    Response zeroOneAfter = get("/items/01");
    assertThat(zeroOneAfter.asString()).isEqualTo("item 1 is white");
    assertNotAHit(zeroOneAfter);
    assertThat(counter.calls()).isEqualTo(4);
  }

  // Another item is left alone.
  @Test
  void aWriteEvictsOnlyItsOwnItem() {
    get("/items/1");
    get("/items/2");
    given().urlEncodingEnabled(false).body("red").put("/items/01").then().statusCode(204);
    assertThat(get("/items/1").asString()).isEqualTo("item 1 is red");
    Response two = get("/items/2");
    assertThat(two.asString()).isEqualTo("item 2 is black");
    assertHit(two);
    assertThat(counter.calls()).isEqualTo(3);
  }
}
