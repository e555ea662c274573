package dev.restcache.quarkus.test;

import static io.restassured.RestAssured.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;

import dev.restcache.ResponseCache;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code quarkus.restcache.enabled=false} sends every request to its resource. */
class DisabledTest {
  @RegisterExtension
  static final QuarkusUnitTest APP = new QuarkusUnitTest()
      .withApplicationRoot(jar -> jar.addClasses(ItemResource.class, Counter.class))
      .overrideConfigKey("quarkus.restcache.enabled", "false");

  @Inject
  Counter counter;

  @Inject
  ResponseCache cache;

  @Test
  void cachedMethodRunsForEveryRequest() {
    get("/items/cached/a").then().statusCode(200).header("Cache-Status", nullValue());
    get("/items/cached/a").then().statusCode(200).header("Cache-Status", nullValue());
    assertThat(counter.calls()).isEqualTo(2);
  }

  @Test
  void injectedCacheStillAnswers() {
    cache.invalidateTags("item:a");
    assertThat(cache.stats().hits()).isZero();
  }
}
