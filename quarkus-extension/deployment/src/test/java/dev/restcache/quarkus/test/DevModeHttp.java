package dev.restcache.quarkus.test;

import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * Requests to a dev-mode application: it listens on a free port ({@code quarkus.http.port=0}),
 * which Quarkus publishes as a system property once the server is up.
 */
final class DevModeHttp {
  /** The dev-mode test application's settings: a free port on 127.0.0.1. */
  static final String PROPERTIES = "quarkus.http.port=0\nquarkus.http.host=127.0.0.1\n";

  private DevModeHttp() {}

  static Response get(String path) {
    return RestAssured.given()
        .baseUri("http://127.0.0.1")
        .port(Integer.getInteger("quarkus.http.port"))
        .get(path);
  }
}
