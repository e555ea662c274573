package dev.restcache.quarkus.test;

import static io.restassured.RestAssured.get;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.restcache.CacheControl;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * restcache's annotations on a class implementing a resource interface apply, as on Jersey, though
 * Quarkus REST's name binding reads a method's annotations where its Jakarta REST ones are: the
 * filter of an annotation it cannot reach is registered for every method instead.
 */
class ImplementedInterfaceTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .overrideConfigKey("quarkus.http.test-port", "0")
          .withApplicationRoot(
              jar ->
                  jar.addClasses(
                      Contract.class,
                      Implementation.class,
                      ClassContract.class,
                      ClassImplementation.class));

  @Test
  void anAnnotationOnTheImplementingMethodIsApplied() {
    get("/contract/implemented")
        .then()
        .statusCode(200)
        .header("Cache-Control", equalTo("max-age=7"));
    get("/contract/plain").then().statusCode(200).header("Cache-Control", nullValue());
  }

  @Test
  void anAnnotationOnTheImplementingClassIsApplied() {
    get("/class-contract").then().statusCode(200).header("Cache-Control", equalTo("max-age=9"));
  }

  @Path("/contract")
  public interface Contract {
    @GET
    @Path("/implemented")
    String implemented();

    @GET
    @Path("/plain")
    String plain();
  }

  public static class Implementation implements Contract {
    @Override
    @CacheControl(maxAge = 7)
    public String implemented() {
      return "implemented";
    }

    @Override
    public String plain() {
      return "plain";
    }
  }

  @Path("/class-contract")
  public interface ClassContract {
    @GET
    String get();
  }

  @CacheControl(maxAge = 9)
  public static class ClassImplementation implements ClassContract {
    @Override
    public String get() {
      return "implemented";
    }
  }
}
