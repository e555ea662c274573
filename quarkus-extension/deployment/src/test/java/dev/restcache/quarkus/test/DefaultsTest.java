package dev.restcache.quarkus.test;

import static io.restassured.RestAssured.delete;
import static io.restassured.RestAssured.get;
import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.head;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import dev.restcache.ResponseCache;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Adding the extension alone caches {@code @Cached} methods in memory, and nothing else. */
class DefaultsTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .overrideConfigKey("quarkus.http.test-port", "0")
          .withApplicationRoot(jar -> jar.addClasses(ItemResource.class, Counter.class));

  @Inject Counter counter;

  @Inject ResponseCache cache;

  @BeforeEach
  void reset() {
    counter.reset();
    cache.clear();
  }

  @Test
  void cachedMethodIsAnsweredFromTheCacheAfterItsFirstRun() {
    long hitsBefore = cache.stats().hits();
    String first =
        get("/items/cached/a")
            .then()
            .statusCode(200)
            .header("Cache-Status", equalTo("restcache; fwd=uri-miss; stored"))
            .extract()
            .asString();
    get("/items/cached/a")
        .then()
        .statusCode(200)
        .body(equalTo(first))
        .header("Cache-Status", containsString("restcache; hit"))
        .header("Age", equalTo("0"))
        .header("ETag", containsString("\""));
    assertThat(counter.calls()).isEqualTo(1);
    assertThat(cache.stats().hits()).isEqualTo(hitsBefore + 1);
  }

  @Test
  void headIsAnsweredFromTheEntryOfTheGetButNeverFillsIt() {
    head("/items/cached/h")
        .then()
        .statusCode(200)
        .header("Cache-Status", containsString("fwd=uri-miss"));
    get("/items/cached/h")
        .then()
        .statusCode(200)
        .header("Cache-Status", equalTo("restcache; fwd=uri-miss; stored"));
    head("/items/cached/h")
        .then()
        .statusCode(200)
        .header("Cache-Status", containsString("restcache; hit"))
        .body(emptyString());
    assertThat(counter.calls()).isEqualTo(2);
  }

  @Test
  void requestsWithCredentialsNeverShareAPrivateAnswer() {
    given()
        .header("Authorization", "Bearer alice")
        .get("/items/cached/p")
        .then()
        .statusCode(200)
        .header("Cache-Status", containsString("detail=\"credentials\""));
    given()
        .header("Authorization", "Bearer bob")
        .get("/items/cached/p")
        .then()
        .statusCode(200)
        .body(equalTo("p #2"));
    get("/items/cached/p").then().statusCode(200).body(equalTo("p #3"));
    assertThat(counter.calls()).isEqualTo(3);
  }

  @Test
  void cacheControlIsMergedAndSetsTheFreshness() {
    get("/items/controlled/k")
        .then()
        .statusCode(200)
        .header("Cache-Control", equalTo("must-revalidate, max-age=30"));
    get("/items/controlled/k")
        .then()
        .statusCode(200)
        .header("Cache-Control", equalTo("must-revalidate, max-age=30"))
        .header("Cache-Status", matchesPattern("restcache; hit; ttl=(29|30)"));
    assertThat(counter.calls()).isEqualTo(1);
  }

  @Test
  void methodWithoutAnnotationIsNotCached() {
    get("/items/plain/b").then().statusCode(200).header("Cache-Status", nullValue());
    get("/items/plain/b").then().statusCode(200).header("Cache-Status", nullValue());
    assertThat(counter.calls()).isEqualTo(2);
  }

  @Test
  void neverCacheMarksTheResponseAndIsNeverStored() {
    get("/items/never/c")
        .then()
        .statusCode(200)
        .header("Cache-Control", equalTo("max-age=0, no-cache, no-store, must-revalidate, private"))
        .header("Expires", equalTo("Thu, 01 Jan 1970 00:00:00 GMT"));
    get("/items/never/c").then().statusCode(200);
    assertThat(counter.calls()).isEqualTo(2);
  }

  @Test
  void deleteEvictsThePath() {
    get("/items/cached/d").then().statusCode(200);
    delete("/items/cached/d").then().statusCode(204);
    get("/items/cached/d")
        .then()
        .statusCode(200)
        .header("Cache-Status", containsString("fwd=uri-miss"));
    assertThat(counter.calls()).isEqualTo(3);
  }

  @Test
  void injectedCacheEvictsByTag() {
    get("/items/cached/e").then().statusCode(200);
    cache.invalidateTags("item:e");
    get("/items/cached/e")
        .then()
        .statusCode(200)
        .header("Cache-Status", containsString("fwd=uri-miss"));
    assertThat(counter.calls()).isEqualTo(2);
  }
}
