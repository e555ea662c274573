package dev.restcache.quarkus.app;

import static io.restassured.RestAssured.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The application with its cache configured otherwise through {@code quarkus.restcache.*}. */
@QuarkusTest
@TestProfile(ConfiguredCacheTest.Configured.class)
class ConfiguredCacheTest {
  /** Every GET cached, under another name, without generated ETags. */
  public static class Configured implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.restcache.cache-all", "true",
          "quarkus.restcache.cache-status-name", "bookstore",
          "quarkus.restcache.generate-etags", "false",
          "quarkus.restcache.ignore-query-parameters", "utm_*");
    }
  }

  @Inject Calls calls;

  @Test
  void everyReadIsCachedUnderTheConfiguredName() {
    get("/books/plain/1")
        .then()
        .statusCode(200)
        .header("Cache-Status", equalTo("bookstore; fwd=uri-miss; stored"))
        .header("ETag", nullValue());
    get("/books/plain/1?utm_source=mail")
        .then()
        .statusCode(200)
        .header("Cache-Status", startsWith("bookstore; hit"));
    assertThat(calls.count("plain 1")).isEqualTo(1);
  }

  @Test
  void neverCacheStillWins() {
    get("/books/2/loans").then().statusCode(200);
    get("/books/2/loans").then().statusCode(200);
    assertThat(calls.count("loans 2")).isEqualTo(2);
  }
}
