package dev.restcache.quarkus.test;

import static io.restassured.RestAssured.get;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code quarkus.restcache.*} properties change what the cache does. */
class ConfigOverridesTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .overrideConfigKey("quarkus.http.test-port", "0")
          .withApplicationRoot(jar -> jar.addClasses(ItemResource.class, Counter.class))
          .overrideConfigKey("quarkus.restcache.cache-all", "true")
          .overrideConfigKey("quarkus.restcache.cache-status-name", "edge")
          .overrideConfigKey("quarkus.restcache.generate-etags", "false")
          .overrideConfigKey("quarkus.restcache.request-directives", "honor")
          .overrideConfigKey("quarkus.restcache.default-ttl", "1h")
          .overrideConfigKey("quarkus.restcache.max-entry-size", "4");

  @Inject Counter counter;

  @BeforeEach
  void reset() {
    counter.reset();
  }

  @Test
  void cacheAllCachesMethodsWithoutAnnotationUnderTheConfiguredName() {
    get("/items/plain/a")
        .then()
        .statusCode(200)
        .header("Cache-Status", equalTo("edge; fwd=uri-miss; stored"))
        .header("ETag", nullValue());
    get("/items/plain/a")
        .then()
        .statusCode(200)
        .header("Cache-Status", matchesPattern("edge; hit; ttl=(3599|3600)"));
    assertThat(counter.calls()).isEqualTo(1);
  }

  @Test
  void honouredRequestDirectivesLetAClientSkipTheStoredResponse() {
    get("/items/plain/b").then().statusCode(200);
    given()
        .header("Cache-Control", "no-cache")
        .get("/items/plain/b")
        .then()
        .statusCode(200)
        .header("Cache-Status", startsWith("edge; fwd=request"));
    assertThat(counter.calls()).isEqualTo(2);
  }

  @Test
  void bodiesOverTheEntrySizeAreServedUncached() {
    get("/items/plain/long-id")
        .then()
        .statusCode(200)
        .header("Cache-Status", equalTo("edge; fwd=uri-miss; detail=\"too-large\""));
    get("/items/plain/long-id").then().statusCode(200);
    assertThat(counter.calls()).isEqualTo(2);
  }

  @Test
  void neverCacheStillWinsOverCacheAll() {
    get("/items/never/c").then().statusCode(200).header("Cache-Status", nullValue());
    get("/items/never/c").then().statusCode(200);
    assertThat(counter.calls()).isEqualTo(2);
  }
}
