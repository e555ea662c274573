package dev.restcache.quarkus.app;

import static io.restassured.RestAssured.get;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.restcache.ResponseCache;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The application as its users see it, with the default in-memory store. */
@QuarkusTest
class BookstoreTest {
  @Inject Calls calls;

  @Inject ResponseCache cache;

  @BeforeEach
  void reset() {
    calls.reset();
    cache.clear();
  }

  @Test
  void secondReadIsAHit() {
    get("/books/1")
        .then()
        .statusCode(200)
        .body(equalTo("untitled 1"))
        .header("Cache-Status", equalTo("restcache; fwd=uri-miss; stored"));
    get("/books/1")
        .then()
        .statusCode(200)
        .body(equalTo("untitled 1"))
        .header("Cache-Status", startsWith("restcache; hit"))
        .header("Age", equalTo("0"));
    assertThat(calls.count("get 1")).isEqualTo(1);
  }

  @Test
  void putEvictsWhatWasCachedForThePath() {
    get("/books/2").then().body(equalTo("untitled 2"));
    given().body("Dune").put("/books/2").then().statusCode(200);
    get("/books/2")
        .then()
        .body(equalTo("Dune"))
        .header("Cache-Status", startsWith("restcache; fwd=uri-miss"));
    assertThat(calls.count("get 2")).isEqualTo(2);
  }

  @Test
  void invalidatesEvictsByTagFromAnotherPath() {
    get("/books/3").then().body(equalTo("untitled 3"));
    given().body("Emma").post("/books/renames/3").then().statusCode(200);
    get("/books/3").then().body(equalTo("Emma"));
    assertThat(calls.count("get 3")).isEqualTo(2);
  }

  @Test
  void neverCacheIsNeitherStoredNorCacheableDownstream() {
    get("/books/4/loans")
        .then()
        .statusCode(200)
        .header("Cache-Control", containsString("no-store"))
        .header("Cache-Status", nullValue());
    get("/books/4/loans").then().statusCode(200);
    assertThat(calls.count("loans 4")).isEqualTo(2);
  }

  @Test
  void injectedCacheEvictsAndCounts() {
    get("/books/5").then().statusCode(200);
    get("/books/5").then().statusCode(200);
    assertThat(cache.stats().hits()).isPositive();
    given().post("/books/evictions/5").then().statusCode(200).body(equalTo("evicted 5"));
    get("/books/5").then().header("Cache-Status", startsWith("restcache; fwd=uri-miss"));
    assertThat(calls.count("get 5")).isEqualTo(2);
  }

  @Test
  void uniEndpointRunsOnTheEventLoopAndIsCached() {
    get("/reactive/6")
        .then()
        .statusCode(200)
        .header("Cache-Status", equalTo("restcache; fwd=uri-miss; stored"));
    get("/reactive/6").then().statusCode(200).header("Cache-Status", startsWith("restcache; hit"));
    assertThat(calls.count("reactive 6")).isEqualTo(1);
    assertThat(calls.ranOnEventLoop("reactive 6")).isTrue();
  }

  @Test
  void metricsCountHitsAndMisses() {
    get("/books/7").then().statusCode(200);
    get("/books/7").then().statusCode(200);
    String metrics = get("/q/metrics").then().statusCode(200).extract().asString();
    assertThat(metrics)
        .containsPattern("restcache_hits_total(\\{[^}]*\\})? [1-9]")
        .contains(
            "restcache_misses_total",
            "restcache_stores_total",
            "restcache_invalidations_total",
            "restcache_evictions_total",
            "restcache_size_bytes")
        .containsPattern("restcache_not_stored_total\\{[^}]*reason=\"private\"[^}]*\\} ");
  }

  @Test
  void healthReportsTheStore() {
    get("/q/health/ready")
        .then()
        .statusCode(200)
        .body(containsString("restcache store"))
        .body(containsString("InMemoryCacheStore"));
  }
}
