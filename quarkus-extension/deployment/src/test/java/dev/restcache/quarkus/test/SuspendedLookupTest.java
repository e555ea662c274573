package dev.restcache.quarkus.test;

import static io.restassured.RestAssured.get;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.restcache.Cached;
import dev.restcache.memory.InMemoryCacheStore;
import dev.restcache.spi.CacheEntry;
import dev.restcache.spi.CacheStore;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With a store that answers later (as a remote one does), a request on the event loop is suspended
 * while the store works, and the event loop goes on: the store below answers a call only once the
 * event loop it was called on is free again, which it never would be if the cache waited there. One
 * event loop, so nothing else could run it. And no store call moves to a worker thread to wait
 * there instead.
 */
class SuspendedLookupTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .overrideConfigKey("quarkus.http.test-port", "0")
          .withApplicationRoot(jar -> jar.addClasses(ReactiveResource.class, LaterStore.class))
          .overrideConfigKey("quarkus.vertx.event-loops-pool-size", "1");

  @Test
  void aHitFromAStoreThatAnswersLaterNeverBlocksTheEventLoop() {
    get("/later")
        .then()
        .statusCode(200)
        .body(equalTo("later #1"))
        .header("Cache-Status", equalTo("restcache; fwd=uri-miss; stored"));
    int readsOnTheLoop = LaterStore.READS_ON_EVENT_LOOP.get();

    get("/later")
        .then()
        .statusCode(200)
        .body(equalTo("later #1"))
        .header("Cache-Status", startsWith("restcache; hit"));

    assertThat(LaterStore.READS_ON_EVENT_LOOP.get()).isGreaterThan(readsOnTheLoop);
    assertThat(ReactiveResource.RUNS).hasValue(1);
    assertThat(LaterStore.CALLS_ELSEWHERE).as("store calls moved to a worker thread").hasValue(0);
  }

  @Test
  void aWriteIsAnsweredOnceTheStoreHasEvictedWithoutBlockingTheEventLoop() {
    get("/later/evicted").then().statusCode(200).body(equalTo("evicted #1"));
    get("/later/evicted").then().header("Cache-Status", startsWith("restcache; hit"));

    given().body("x").put("/later/evicted").then().statusCode(204);

    get("/later/evicted")
        .then()
        .statusCode(200)
        .body(equalTo("evicted #2"))
        .header("Cache-Status", startsWith("restcache; fwd=uri-miss"));
    assertThat(LaterStore.CALLS_ELSEWHERE).as("store calls moved to a worker thread").hasValue(0);
  }

  @Path("/later")
  public static class ReactiveResource {
    static final AtomicInteger RUNS = new AtomicInteger();
    private final AtomicInteger evictedRuns = new AtomicInteger();

    @GET
    @Cached
    public Uni<String> get() {
      return Uni.createFrom().item("later #" + RUNS.incrementAndGet());
    }

    @GET
    @Path("/evicted")
    @Cached
    public Uni<String> evicted() {
      return Uni.createFrom().item("evicted #" + evictedRuns.incrementAndGet());
    }

    @PUT
    @Path("/evicted")
    public Uni<Void> write(String body) {
      return Uni.createFrom().voidItem();
    }
  }

  /**
   * The in-memory store, answering every call made on an event loop only once that event loop has
   * finished what it was doing.
   */
  @Singleton
  public static class LaterStore implements CacheStore {
    static final AtomicInteger READS_ON_EVENT_LOOP = new AtomicInteger();
    static final AtomicInteger CALLS_ELSEWHERE = new AtomicInteger();
    private final CacheStore memory = new InMemoryCacheStore(1 << 20);

    private static <T> CompletionStage<T> later(CompletionStage<T> answer) {
      Context loop = Vertx.currentContext();
      if (loop == null || !Context.isOnEventLoopThread()) {
        CALLS_ELSEWHERE.incrementAndGet();
        return answer;
      }
      CompletableFuture<T> deferred = new CompletableFuture<>();
      answer.whenComplete(
          (value, e) ->
              loop.runOnContext(
                  done -> {
                    if (e != null) {
                      deferred.completeExceptionally(e);
                    } else {
                      deferred.complete(value);
                    }
                  }));
      return deferred;
    }

    @Override
    public CompletionStage<Optional<CacheEntry>> get(String key) {
      if (Context.isOnEventLoopThread()) {
        READS_ON_EVENT_LOOP.incrementAndGet();
      }
      return later(memory.get(key));
    }

    @Override
    public CompletionStage<Long> generation(String path) {
      return later(memory.generation(path));
    }

    @Override
    public CompletionStage<Boolean> put(String key, CacheEntry entry, long generation) {
      return later(memory.put(key, entry, generation));
    }

    @Override
    public CompletionStage<Void> invalidatePath(String path) {
      return later(memory.invalidatePath(path));
    }

    @Override
    public CompletionStage<Void> invalidateTags(Set<String> tags) {
      return later(memory.invalidateTags(tags));
    }

    @Override
    public CompletionStage<Void> clear() {
      return later(memory.clear());
    }
  }
}
