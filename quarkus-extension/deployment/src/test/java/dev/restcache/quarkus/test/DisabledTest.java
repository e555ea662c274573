package dev.restcache.quarkus.test;

import static io.restassured.RestAssured.delete;
import static io.restassured.RestAssured.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;

import dev.restcache.ResponseCache;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code quarkus.restcache.enabled=false} sends every request to its resource and leaves every
 * response as the resource made it; {@code ResponseCache} still injects, and evicts nothing.
 */
class DisabledTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .overrideConfigKey("quarkus.http.test-port", "0")
          .withApplicationRoot(jar -> jar.addClasses(ItemResource.class, Counter.class))
          .overrideConfigKey("quarkus.restcache.enabled", "false");

  @Inject Counter counter;

  @Inject ResponseCache cache;

  @Test
  void cachedMethodRunsForEveryRequest() {
    int before = counter.calls();
    get("/items/cached/a").then().statusCode(200).header("Cache-Status", nullValue());
    get("/items/cached/a").then().statusCode(200).header("Cache-Status", nullValue());
    assertThat(counter.calls()).isEqualTo(before + 2);
  }

  @Test
  void responsesAreLeftAsTheResourceMadeThem() {
    get("/items/controlled/b")
        .then()
        .statusCode(200)
        .header("Cache-Control", nullValue())
        .header("ETag", nullValue())
        .header("Cache-Status", nullValue());
    get("/items/never/b")
        .then()
        .statusCode(200)
        .header("Cache-Control", nullValue())
        .header("Expires", nullValue());
  }

  @Test
  void writesEvictNothing() {
    delete("/items/cached/c").then().statusCode(204);
    assertThat(cache.stats().invalidations()).isZero();
  }

  @Test
  void injectedCacheStillAnswers() {
    cache.invalidateTags("item:a");
    assertThat(cache.stats().hits()).isZero();
  }
}
