package dev.restcache.quarkus.test;

import static io.restassured.RestAssured.get;
import static io.restassured.RestAssured.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.restcache.CacheControl;
import dev.restcache.Cached;
import dev.restcache.Invalidates;
import dev.restcache.NeverCache;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The filters of {@code @CacheControl}, {@code @NeverCache} and {@code @Invalidates} are bound by
 * name: they act on the methods and classes that declare their annotation, and on no other.
 */
class NameBoundFiltersTest {
  private static final String NEVER = "max-age=0, no-cache, no-store, must-revalidate, private";

  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .overrideConfigKey("quarkus.http.test-port", "0")
          .withApplicationRoot(
              jar -> jar.addClasses(Methods.class, ClassWide.class, Counter.class));

  @Inject Counter counter;

  @BeforeEach
  void reset() {
    counter.reset();
  }

  @Test
  void cacheControlIsAddedToTheMethodThatDeclaresItOnly() {
    get("/methods/controlled")
        .then()
        .statusCode(200)
        .header("Cache-Control", equalTo("max-age=30"));
    get("/methods/plain")
        .then()
        .statusCode(200)
        .header("Cache-Control", nullValue())
        .header("Expires", nullValue());
  }

  @Test
  void neverCacheMarksTheMethodThatDeclaresItOnly() {
    get("/methods/never")
        .then()
        .statusCode(200)
        .header("Cache-Control", equalTo(NEVER))
        .header("Expires", equalTo("Thu, 01 Jan 1970 00:00:00 GMT"));
    get("/methods/controlled")
        .then()
        .statusCode(200)
        .header("Cache-Control", equalTo("max-age=30"))
        .header("Expires", nullValue());
  }

  @Test
  void aClassAnnotationBindsEveryMethodOfTheClassAndAMethodAnnotationOverridesIt() {
    get("/class-wide/inherits")
        .then()
        .statusCode(200)
        .header("Cache-Control", equalTo("public, max-age=60"));
    get("/class-wide/overrides")
        .then()
        .statusCode(200)
        .header("Cache-Control", equalTo("max-age=5"));
    get("/class-wide/never").then().statusCode(200).header("Cache-Control", equalTo(NEVER));
  }

  @Test
  void invalidatesEvictsItsTagsOnlyFromTheMethodThatDeclaresIt() {
    get("/methods/items/a").then().statusCode(200);
    post("/methods/touch/a").then().statusCode(204);
    get("/methods/items/a")
        .then()
        .statusCode(200)
        .header("Cache-Status", containsString("restcache; hit"));
    post("/methods/import/a").then().statusCode(204);
    get("/methods/items/a")
        .then()
        .statusCode(200)
        .header("Cache-Status", containsString("fwd=uri-miss"));
    assertThat(counter.calls()).isEqualTo(4);
  }

  @Path("/methods")
  public static class Methods {
    @Inject Counter counter;

    @GET
    @Path("/controlled")
    @CacheControl(maxAge = 30)
    public String controlled() {
      return "controlled";
    }

    @GET
    @Path("/plain")
    public String plain() {
      return "plain";
    }

    @GET
    @Path("/never")
    @NeverCache
    public String never() {
      return "never";
    }

    @GET
    @Path("/items/{id}")
    @Cached(tags = "item:{id}")
    public String item(@PathParam("id") String id) {
      return id + " #" + counter.next();
    }

    @POST
    @Path("/import/{id}")
    @Invalidates(tags = "item:{id}")
    public void importItem(@PathParam("id") String id) {
      counter.next();
    }

    @POST
    @Path("/touch/{id}")
    public void touch(@PathParam("id") String id) {
      counter.next();
    }
  }

  @Path("/class-wide")
  @CacheControl(maxAge = 60, isPublic = true)
  public static class ClassWide {
    @GET
    @Path("/inherits")
    public String inherits() {
      return "inherits";
    }

    @GET
    @Path("/overrides")
    @CacheControl(maxAge = 5)
    public String overrides() {
      return "overrides";
    }

    @GET
    @Path("/never")
    @NeverCache
    public String never() {
      return "never";
    }
  }
}
