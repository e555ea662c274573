package dev.restcache.quarkus.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.restcache.CacheControl;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The front with a store that answers later, as a remote one does: it answers every call made on
 * the event loop only once that event loop is free again, which it never would be if the front
 * waited there (one event loop, so nothing else could free it). The front's hit is sent once the
 * store answers; a store that fails sends the request on to the application, never a 500.
 */
class FrontStoreTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .overrideConfigKey("quarkus.http.test-port", "0")
          .overrideConfigKey("quarkus.restcache.front.enabled", "true")
          .overrideConfigKey("quarkus.vertx.event-loops-pool-size", "1")
          .withApplicationRoot(
              jar -> jar.addClasses(FrontFilterRuns.class, PublicPage.class, LaterStore.class));

  @BeforeEach
  void reset() {
    LaterStore.FAILING.set(false);
    FrontFilterRuns.RUNS.set(0);
  }

  @Path("/later")
  public static class PublicPage {
    static final AtomicInteger RUNS = new AtomicInteger();

    @GET
    @Path("/{name}")
    @Cached
    @CacheControl(isPublic = true, maxAge = 60)
    public Uni<String> page(@PathParam("name") String name) {
      return Uni.createFrom().item(name + " #" + RUNS.incrementAndGet());
    }
  }

  @Test
  void theFrontAnswersOnceAStoreThatAnswersLaterHasAnswered() {
    given().get("/later/a").then().statusCode(200).body(equalTo("a #1"));
    int readsOnTheLoop = LaterStore.READS_ON_EVENT_LOOP.get();

    given()
        .get("/later/a")
        .then()
        .statusCode(200)
        .body(equalTo("a #1"))
        .header("Cache-Status", startsWith("restcache; hit"));

    assertThat(LaterStore.READS_ON_EVENT_LOOP.get()).isGreaterThan(readsOnTheLoop);
    assertThat(PublicPage.RUNS).hasValue(1);
    assertThat(FrontFilterRuns.RUNS).as("request filter runs").hasValue(1);
  }

  @Test
  void aFailingStoreSendsTheRequestOnToTheApplication() {
    given().get("/later/b").then().statusCode(200);
    int runs = PublicPage.RUNS.get();
    LaterStore.FAILING.set(true);

    given().get("/later/b").then().statusCode(200).body(equalTo("b #" + (runs + 1)));

    assertThat(FrontFilterRuns.RUNS).as("request filter runs").hasValue(2);
  }

  /**
   * The in-memory store, answering every call made on an event loop only once that event loop has
   * finished what it was doing, and failing every call while {@link #FAILING}.
   */
  @Singleton
  public static class LaterStore implements CacheStore {
    static final AtomicInteger READS_ON_EVENT_LOOP = new AtomicInteger();
    static final AtomicBoolean FAILING = new AtomicBoolean();
    private final CacheStore memory = new InMemoryCacheStore(1 << 20);

    private static <T> CompletionStage<T> later(CompletionStage<T> answer) {
      if (FAILING.get()) {
        return CompletableFuture.failedFuture(new IllegalStateException("store down"));
      }
      Context loop = Vertx.currentContext();
      if (loop == null || !Context.isOnEventLoopThread()) {
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
