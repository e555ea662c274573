package dev.restcache.grizzly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.restcache.ResponseCacheFeature;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The front over a store that answers later, as Hazelcast does, or not at all. */
class FrontStoreTest {
  private final FrontApp.Resource resource = new FrontApp.Resource();
  private final FrontApp.CountingFilter filter = new FrontApp.CountingFilter();
  private FrontServer server;

  // A store that never answers fails only after its timeout; a short one keeps the test short.
  private ReadFaultStore start(ReadFaultStore.Read read) {
    ReadFaultStore store = new ReadFaultStore(read);
    server = FrontServer.start(feature(store), resource, filter);
    return store;
  }

  private static ResponseCacheFeature feature(ReadFaultStore store) {
    return ResponseCacheFeature.builder()
        .store(store.store())
        .storeTimeout(Duration.ofMillis(store.read() == ReadFaultStore.Read.HANGS ? 100 : 5000))
        .front(true)
        .build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aStoreAnsweringOnAnotherThreadServesHitsFromTheFront() {
    start(ReadFaultStore.Read.ELSEWHERE);
    server
        .request()
        .get("/public")
        .then()
        .header("Cache-Status", "restcache; fwd=uri-miss; stored");
    for (int i = 0; i < 3; i++) {
      server
          .request()
          .get("/public")
          .then()
          .body(equalTo("public #1"))
          .header("Cache-Status", startsWith("restcache; hit"));
    }
    server.request().head("/public").then().statusCode(200).body(emptyString());
    assertThat(filter.runs).hasValue(1);
    assertThat(resource.calls).hasValue(1);
  }

  @Test
  void aStoreAnsweringOnAnotherThreadPassesMissesAndWritesOnToTheApplication() {
    start(ReadFaultStore.Read.ELSEWHERE);
    server.request().get("/unmarked").then().body(equalTo("unmarked #1"));
    server.request().get("/unmarked").then().body(equalTo("unmarked #1"));
    server.request().get("/document").then().body(equalTo("first"));
    server
        .request()
        .contentType("text/plain")
        .body("second")
        .put("/document")
        .then()
        .statusCode(204);
    server.request().get("/document").then().body(equalTo("second"));
    assertThat(filter.runs).hasValue(5);
  }

  @Test
  void anAsynchronousResourceAnswersARequestTheFrontPassedOnAfterWaitingForTheStore() {
    start(ReadFaultStore.Read.ELSEWHERE);
    server.request().get("/later").then().statusCode(200).body(equalTo("later #1"));
    server.request().get("/later").then().statusCode(200).body(equalTo("later #1"));
  }

  @Test
  void onASelectorThreadTheFrontNeverWaitsForTheStoreAndPassesTheRequestOn() {
    server =
        FrontServer.startOnSelectorThreads(
            feature(new ReadFaultStore(ReadFaultStore.Read.ELSEWHERE)), resource, filter);
    server.request().get("/public").then().body(equalTo("public #1"));
    server
        .request()
        .get("/public")
        .then()
        .body(equalTo("public #1"))
        .header("Cache-Status", startsWith("restcache; hit"));
    assertThat(filter.runs).hasValue(2);
  }

  @ParameterizedTest
  @EnumSource(
      value = ReadFaultStore.Read.class,
      names = {"FAILS", "THROWS", "HANGS"})
  void aFailingStoreLetsTheApplicationAnswer(ReadFaultStore.Read read) {
    ReadFaultStore store = start(read);
    for (int i = 1; i <= 2; i++) {
      server.request().get("/public").then().statusCode(200).body(equalTo("public #" + i));
    }
    assertThat(filter.runs).hasValue(2);
    assertThat(store.reads()).isGreaterThanOrEqualTo(4);
  }
}
