package dev.restcache.quarkus.app;

import static io.restassured.RestAssured.get;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.restcache.ResponseCache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A {@code Uni} endpoint, which Quarkus REST runs on a Vert.x event loop, cached in Hazelcast:
 * hits, misses, stores and evictions all work, and the cache never waits for Hazelcast on an
 * event-loop thread: it suspends the request instead ({@link ThreadWatchingStore} answers a call
 * from an event loop only once the loop is free).
 */
@QuarkusTest
@TestProfile(EventLoopTest.WatchedStore.class)
class EventLoopTest {
  /**
   * Uses the application's {@link WatchedHazelcastStore}, with a store timeout long enough that
   * only a call waiting for a blocked event loop, which never answers, is given up on; a busy
   * machine's slow answer is not.
   */
  public static class WatchedStore implements QuarkusTestProfile {
    @Override
    public Set<Class<?>> getEnabledAlternatives() {
      return Set.of(WatchedHazelcastStore.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("quarkus.restcache.store-timeout", "5s");
    }
  }

  @Inject Calls calls;

  @Inject ResponseCache cache;

  @Test
  void nonBlockingEndpointIsCachedWithoutBlockingTheEventLoop() {
    int before = ThreadWatchingStore.CALLS.get();
    int onEventLoopBefore = ThreadWatchingStore.CALLS_ON_EVENT_LOOP.get();
    long storeErrors = cache.stats().storeErrors();
    get("/reactive/1")
        .then()
        .statusCode(200)
        .body(equalTo("reactive 1"))
        .header("Cache-Status", equalTo("restcache; fwd=uri-miss; stored"));
    assertThat(calls.ranOnEventLoop("reactive 1")).isTrue();
    // The first response may go out while its entry is still being written.
    await(() -> get("/reactive/1").header("Cache-Status").startsWith("restcache; hit"));
    given().body("x").put("/reactive/1").then().statusCode(200);
    get("/reactive/1")
        .then()
        .statusCode(200)
        .header("Cache-Status", startsWith("restcache; fwd=uri-miss"));
    assertThat(calls.count("reactive 1")).isEqualTo(2);

    assertThat(ThreadWatchingStore.CALLS.get() - before)
        .as("lookups, stores, leases and the eviction all reached Hazelcast")
        .isGreaterThanOrEqualTo(8);
    assertThat(ThreadWatchingStore.CALLS_ON_EVENT_LOOP.get() - onEventLoopBefore)
        .as("store calls started on the event loop, answered once it was free")
        .isPositive();
    assertThat(cache.stats().storeErrors()).as("store calls given up on").isEqualTo(storeErrors);
  }

  @Test
  void blockingEndpointIsCachedTheSameWay() {
    get("/books/1")
        .then()
        .statusCode(200)
        .header("Cache-Status", equalTo("restcache; fwd=uri-miss; stored"));
    get("/books/1").then().statusCode(200).header("Cache-Status", startsWith("restcache; hit"));
    assertThat(calls.count("get 1")).isEqualTo(1);
  }

  private static void await(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 5 s").isLessThan(deadline);
      Thread.onSpinWait();
    }
  }
}
