package dev.restcache.grizzly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesRegex;
import static org.hamcrest.Matchers.startsWith;

import dev.restcache.ResponseCacheFeature;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GrizzlyFrontTest {
  private final FrontApp.Resource resource = new FrontApp.Resource();
  private final FrontApp.CountingFilter filter = new FrontApp.CountingFilter();
  private FrontServer server;

  private void start(boolean front) {
    server =
        FrontServer.start(ResponseCacheFeature.builder().front(front).build(), resource, filter);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @ParameterizedTest
  @CsvSource({
    "/public, public #1, public",
    "/shared, shared #1, s-maxage=60",
  })
  void aPublicOrSharedEntryIsServedByTheFrontWithoutRunningTheApplication(
      String path, String body, String cacheControl) {
    start(true);
    server
        .request()
        .get(path)
        .then()
        .statusCode(200)
        .header("Cache-Control", cacheControl)
        .header("Cache-Status", "restcache; fwd=uri-miss; stored");
    Response hit = server.request().get(path);
    // @CacheControl's directives, which a response filter adds, are sent by the front too.
    hit.then()
        .statusCode(200)
        .header("Cache-Control", cacheControl)
        .body(equalTo(body))
        .header("Content-Type", startsWith("text/plain"))
        .header("Content-Length", String.valueOf(body.length()))
        .header("Age", matchesRegex("[0-9]+"))
        .header("Cache-Status", startsWith("restcache; hit; ttl="));
    assertThat(hit.headers().getValues("Date")).hasSize(1);
    assertThat(resource.calls).hasValue(1);
    assertThat(filter.runs).hasValue(1);
  }

  @Test
  void headIsAnsweredByTheFrontFromTheGetEntry() {
    start(true);
    server.request().get("/public");
    server
        .request()
        .head("/public")
        .then()
        .statusCode(200)
        .header("Content-Length", String.valueOf("public #1".length()))
        .header("Cache-Status", startsWith("restcache; hit"))
        .body(emptyString());
    assertThat(resource.calls).hasValue(1);
    assertThat(filter.runs).hasValue(1);
  }

  @Test
  void aConditionalRequestGetsA304FromTheFront() {
    start(true);
    String etag = server.request().get("/public").header("ETag");
    server
        .request()
        .header("If-None-Match", etag)
        .get("/public")
        .then()
        .statusCode(304)
        .header("ETag", etag)
        .body(emptyString());
    assertThat(filter.runs).hasValue(1);
  }

  @Test
  void aNonPublicEntryIsNeverServedByTheFront() {
    start(true);
    for (int i = 0; i < 3; i++) {
      server.request().get("/unmarked").then().body(equalTo("unmarked #1"));
    }
    server.request().get("/unmarked").then().header("Cache-Status", startsWith("restcache; hit"));
    assertThat(resource.calls).hasValue(1);
    assertThat(filter.runs).hasValue(4);
  }

  @Test
  void aVariedEntryIsServedByTheFrontOnlyToAMatchingRequest() {
    start(true);
    String plain = accepting("text/plain");
    assertThat(plain).isEqualTo("for text/plain #1");
    assertThat(filter.runs).hasValue(1);

    assertThat(accepting("text/plain")).isEqualTo(plain);
    assertThat(filter.runs).hasValue(1);

    assertThat(accepting("text/*")).isEqualTo("for text/* #2");
    assertThat(filter.runs).hasValue(2);

    assertThat(accepting("text/*")).isEqualTo("for text/* #2");
    assertThat(accepting("text/plain")).isEqualTo(plain);
    assertThat(filter.runs).hasValue(2);
    assertThat(resource.calls).hasValue(2);
  }

  private String accepting(String accept) {
    return server.request().header("Accept", accept).get("/negotiated").asString();
  }

  @Test
  void aWriteThroughTheApplicationEvictsAFrontServedEntryBeforeItsResponse() {
    start(true);
    server.request().get("/document").then().body(equalTo("first"));
    server.request().get("/document").then().header("Cache-Status", startsWith("restcache; hit"));
    assertThat(filter.runs).hasValue(1);

    server
        .request()
        .contentType("text/plain")
        .body("second")
        .put("/document")
        .then()
        .statusCode(204);

    server
        .request()
        .get("/document")
        .then()
        .body(equalTo("second"))
        .header("Cache-Status", "restcache; fwd=uri-miss; stored");
    assertThat(filter.runs).hasValue(3);
    assertThat(resource.calls).hasValue(2);
  }

  @ParameterizedTest
  @CsvSource({"Authorization, Bearer alice", "Cookie, session=alice", "Origin, https://a.example"})
  void requestsWithCredentialsOrOriginGoThroughTheApplication(String name, String value) {
    start(true);
    server.request().get("/public");
    server
        .request()
        .header(name, value)
        .get("/public")
        .then()
        .statusCode(200)
        .body(equalTo("public #1"))
        .header("Cache-Status", startsWith("restcache; hit"));
    assertThat(filter.runs).hasValue(2);
    assertThat(resource.calls).hasValue(1);
  }

  @Test
  void withoutFrontTheApplicationAnswersEveryRequest() {
    start(false);
    assertThat(server.server().getServerConfiguration().getHttpHandlersWithMapping().keySet())
        .noneMatch(GrizzlyFront.class::isInstance);
    server.request().get("/public");
    server.request().get("/public").then().header("Cache-Status", startsWith("restcache; hit"));
    assertThat(filter.runs).hasValue(2);
    assertThat(resource.calls).hasValue(1);
  }

  @Test
  void installingTwiceFrontsEachHandlerOnce() {
    ResponseCacheFeature feature = ResponseCacheFeature.builder().front(true).build();
    server = FrontServer.start(feature, resource, filter);
    GrizzlyFront.install(server.server(), feature);
    assertThat(server.server().getServerConfiguration().getHttpHandlersWithMapping().keySet())
        .singleElement()
        .isInstanceOf(GrizzlyFront.class);
    server.request().get("/public");
    server.request().get("/public").then().body(equalTo("public #1"));
    assertThat(filter.runs).hasValue(1);
  }
}
