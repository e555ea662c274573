package dev.restcache.quarkus.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.Cached;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With proxy address forwarding on, Quarkus takes the request's host from a proxy header, here one
 * of the application's own naming that the key does not list. Two forwarded hosts behind one {@code
 * Host} never share an entry: the lookup keys what Quarkus made the request's URI of, not what the
 * connection carried.
 */
class ForwardedOriginKeyTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .overrideConfigKey("quarkus.http.test-port", "0")
          .overrideConfigKey("quarkus.http.proxy.proxy-address-forwarding", "true")
          .overrideConfigKey("quarkus.http.proxy.enable-forwarded-host", "true")
          .overrideConfigKey("quarkus.http.proxy.forwarded-host-header", "X-Shop-Host")
          .withApplicationRoot(jar -> jar.addClasses(Counter.class, Links.class));

  @Inject Counter counter;

  @Path("/links")
  public static class Links {
    @Inject Counter counter;

    @GET
    @Cached(ttl = 60)
    public String links(@Context UriInfo uri) {
      return uri.getRequestUri() + " #" + counter.next();
    }
  }

  private static String get(String forwardedHost) {
    return given()
        .header("Host", "proxy.internal")
        .header("X-Shop-Host", forwardedHost)
        .get("/links")
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  @Test
  void eachForwardedHostHasItsOwnEntry() {
    assertThat(get("a.example")).isEqualTo("http://a.example/links #1");
    assertThat(get("b.example")).isEqualTo("http://b.example/links #2");
    assertThat(get("a.example")).isEqualTo("http://a.example/links #1");
    assertThat(counter.calls()).isEqualTo(2);
  }
}
