package dev.restcache.quarkus.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.restcache.Cached;
import dev.restcache.ResponseCache;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * On Quarkus the lookup reads the request's target off the connection rather than asking for its
 * absolute URI. A resource that reflects the absolute URI (links, redirects) shows that no two
 * origins, and no two queries, ever share an entry that way, on a blocking and on a {@code Uni}
 * endpoint, and that a {@code Host} the fast way does not read still keys apart.
 */
class RequestTargetKeyTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .overrideConfigKey("quarkus.http.test-port", "0")
          .withApplicationRoot(jar -> jar.addClasses(Counter.class, Links.class));

  @Inject Counter counter;

  @Inject ResponseCache cache;

  @BeforeEach
  void reset() {
    counter.reset();
    cache.clear();
  }

  @Path("/links")
  public static class Links {
    @Inject Counter counter;

    @GET
    @Cached(ttl = 60)
    public String blocking(@Context UriInfo uri) {
      return uri.getRequestUri() + " #" + counter.next();
    }

    @GET
    @Path("uni")
    @Cached(ttl = 60)
    public Uni<String> reactive(@Context UriInfo uri) {
      return Uni.createFrom().item(uri.getRequestUri() + " #" + counter.next());
    }
  }

  private static String get(String host, String path) {
    return given().header("Host", host).get(path).then().statusCode(200).extract().asString();
  }

  @Test
  void eachHostHasItsOwnEntry() {
    for (String path : new String[] {"/links", "/links/uni"}) {
      counter.reset();
      assertThat(get("a.example", path)).isEqualTo("http://a.example" + path + " #1");
      assertThat(get("b.example", path)).isEqualTo("http://b.example" + path + " #2");
      // The same origin spelled otherwise (RFC 3986 §6.2.2, §6.2.3) shares the entry.
      assertThat(get("a.example:80", path)).isEqualTo("http://a.example" + path + " #1");
      assertThat(get("A.EXAMPLE", path)).isEqualTo("http://a.example" + path + " #1");
      assertThat(get("b.example:8080", path)).isEqualTo("http://b.example:8080" + path + " #3");
      given()
          .header("Host", "b.example")
          .get(path)
          .then()
          .body(equalTo("http://b.example" + path + " #2"))
          .header("Cache-Status", startsWith("restcache; hit"));
    }
  }

  @Test
  void eachQueryHasItsOwnEntry() {
    assertThat(get("a.example", "/links/uni?page=1")).endsWith("?page=1 #1");
    assertThat(get("a.example", "/links/uni?page=2")).endsWith("?page=2 #2");
    assertThat(get("a.example", "/links/uni?page=1")).endsWith("?page=1 #1");
    assertThat(get("a.example", "/links/uni")).endsWith("/links/uni #3");
  }

  @Test
  void hostsTheFastWayDoesNotReadStillKeyApart() {
    // Registry names: the target is then read from the request's URI, as on other runtimes.
    assertThat(get("a_b.example", "/links")).isEqualTo("http://a_b.example/links #1");
    assertThat(get("c_d.example", "/links")).isEqualTo("http://c_d.example/links #2");
    assertThat(get("a_b.example", "/links")).isEqualTo("http://a_b.example/links #1");
    assertThat(counter.calls()).isEqualTo(2);
  }
}
