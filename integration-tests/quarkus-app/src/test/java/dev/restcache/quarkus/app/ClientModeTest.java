package dev.restcache.quarkus.app;

import static io.restassured.RestAssured.get;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The Hazelcast store as a client of an existing cluster, configured by properties only. */
@QuarkusTest
@WithTestResource(ClusterMemberResource.class)
class ClientModeTest {
  @Inject Calls calls;

  @Test
  void cachesAndEvictsThroughTheCluster() {
    get("/books/1")
        .then()
        .statusCode(200)
        .header("Cache-Status", equalTo("restcache; fwd=uri-miss; stored"));
    get("/books/1").then().statusCode(200).header("Cache-Status", startsWith("restcache; hit"));
    given().body("Middlemarch").put("/books/1").then().statusCode(200);
    get("/books/1").then().body(equalTo("Middlemarch"));
    assertThat(calls.count("get 1")).isEqualTo(2);
  }

  @Test
  void healthReportsTheStoreUp() {
    get("/q/health/ready")
        .then()
        .statusCode(200)
        .body(containsString("HazelcastCacheStore"))
        .body(containsString("\"status\": \"UP\""));
  }
}
