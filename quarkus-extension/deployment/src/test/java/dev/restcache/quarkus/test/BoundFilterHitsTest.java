package dev.restcache.quarkus.test;

import static io.restassured.RestAssured.get;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.restcache.Cached;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A response filter of the application bound by name to one method still sees that method's hits:
 * with any response filter of its own in the application, hits go through the JAX-RS response as
 * misses do, rather than straight to the connection.
 */
class BoundFilterHitsTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .overrideConfigKey("quarkus.http.test-port", "0")
          .withApplicationRoot(
              jar -> jar.addClasses(StampedResource.class, Stamped.class, Stamp.class));

  @Test
  void theBoundFilterStampsHits() {
    get("/stamped").then().statusCode(200).header("X-Stamp", equalTo("stamped"));
    get("/stamped")
        .then()
        .statusCode(200)
        .header("X-Stamp", equalTo("stamped"))
        .header("Cache-Status", startsWith("restcache; hit"));
  }

  @Test
  void aMethodWithoutTheBindingIsNotStamped() {
    get("/stamped/not").then().statusCode(200).header("X-Stamp", nullValue());
    get("/stamped/not")
        .then()
        .statusCode(200)
        .header("X-Stamp", nullValue())
        .header("Cache-Status", startsWith("restcache; hit"));
  }

  @Path("/stamped")
  public static class StampedResource {
    @GET
    @Cached
    @Stamped
    public String get() {
      return "stamped";
    }

    @GET
    @Path("/not")
    @Cached
    public String notStamped() {
      return "not stamped";
    }
  }

  /** Binds {@link Stamp}. */
  @NameBinding
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.TYPE, ElementType.METHOD})
  public @interface Stamped {}

  /** Stamps each response of a {@link Stamped} method, as an application's filter would. */
  @Provider
  @Stamped
  public static class Stamp implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      response.getHeaders().putSingle("X-Stamp", "stamped");
    }
  }
}
