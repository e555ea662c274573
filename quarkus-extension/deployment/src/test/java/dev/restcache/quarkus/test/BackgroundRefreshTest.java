package dev.restcache.quarkus.test;

import static io.restassured.RestAssured.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.CacheControl;
import dev.restcache.Cached;
import dev.restcache.ResponseCache;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * stale-while-revalidate on Quarkus REST: the request that finds the entry stale is answered from
 * it at once, on a blocking and on a {@code Uni} endpoint, while the refresh runs in the background
 * through the virtual HTTP channel.
 */
class BackgroundRefreshTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .overrideConfigKey("quarkus.http.test-port", "0")
          .withApplicationRoot(jar -> jar.addClasses(Refreshed.class));

  @Inject ResponseCache cache;

  @AfterAll
  static void release() {
    Refreshed.RELEASE_BLOCKING.countDown();
    Refreshed.RELEASE_UNI.complete(null);
  }

  private static void waitUntilStale() throws InterruptedException {
    // max-age=1: stale once its age passes a second.
    Thread.sleep(2_100);
  }

  // The refresh is stored after the client's response, on another request: wait for the
  // count, never for a time.
  private static void awaitStores(LongSupplier stores, long expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (stores.getAsLong() < expected) {
      assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  @Test
  void blockingEndpointAnswersTheStaleEntryAtOnceWhileItRefreshes() throws Exception {
    assertThat(get("/swr/blocking").asString()).isEqualTo("blocking 1");
    long stored = cache.stats().stores();
    waitUntilStale();

    Response stale = get("/swr/blocking");

    assertThat(stale.statusCode()).isEqualTo(200);
    assertThat(stale.asString()).isEqualTo("blocking 1");
    assertThat(stale.header("Cache-Status")).startsWith("restcache; hit; ttl=-");
    assertThat(Integer.parseInt(stale.header("Age"))).isGreaterThanOrEqualTo(2);
    assertThat(Refreshed.BLOCKING_SECOND_STARTED.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(Refreshed.RELEASE_BLOCKING.getCount()).isEqualTo(1);

    Refreshed.RELEASE_BLOCKING.countDown();
    awaitStores(() -> cache.stats().stores(), stored + 1);
    Response fresh = get("/swr/blocking");
    assertThat(fresh.asString()).isEqualTo("blocking 2");
    assertThat(fresh.header("Cache-Status")).startsWith("restcache; hit; ttl=");
    assertThat(Refreshed.BLOCKING_CALLS).hasValue(2);
  }

  @Test
  void uniEndpointAnswersTheStaleEntryAtOnceWhileItRefreshes() throws Exception {
    assertThat(get("/swr/uni").asString()).isEqualTo("uni 1");
    long stored = cache.stats().stores();
    waitUntilStale();

    Response stale = get("/swr/uni");

    assertThat(stale.statusCode()).isEqualTo(200);
    assertThat(stale.asString()).isEqualTo("uni 1");
    assertThat(stale.header("Cache-Status")).startsWith("restcache; hit; ttl=-");
    assertThat(Refreshed.UNI_SECOND_STARTED.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(Refreshed.RELEASE_UNI).isNotDone();

    Refreshed.RELEASE_UNI.complete(null);
    awaitStores(() -> cache.stats().stores(), stored + 1);
    Response fresh = get("/swr/uni");
    assertThat(fresh.asString()).isEqualTo("uni 2");
    assertThat(fresh.header("Cache-Status")).startsWith("restcache; hit; ttl=");
    assertThat(Refreshed.UNI_CALLS).hasValue(2);
  }

  @Path("/swr")
  public static class Refreshed {
    static final AtomicInteger BLOCKING_CALLS = new AtomicInteger();
    static final CountDownLatch BLOCKING_SECOND_STARTED = new CountDownLatch(1);
    static final CountDownLatch RELEASE_BLOCKING = new CountDownLatch(1);
    static final AtomicInteger UNI_CALLS = new AtomicInteger();
    static final CountDownLatch UNI_SECOND_STARTED = new CountDownLatch(1);
    static final CompletableFuture<Void> RELEASE_UNI = new CompletableFuture<>();

    @GET
    @Path("/blocking")
    @Cached
    @CacheControl(maxAge = 1, staleWhileRevalidate = 60)
    public String blocking() throws InterruptedException {
      int call = BLOCKING_CALLS.incrementAndGet();
      if (call == 2) {
        BLOCKING_SECOND_STARTED.countDown();
        RELEASE_BLOCKING.await(10, TimeUnit.SECONDS);
      }
      return "blocking " + call;
    }

    @GET
    @Path("/uni")
    @Cached
    @CacheControl(maxAge = 1, staleWhileRevalidate = 60)
    public Uni<String> uni() {
      int call = UNI_CALLS.incrementAndGet();
      if (call != 2) {
        return Uni.createFrom().item("uni " + call);
      }
      UNI_SECOND_STARTED.countDown();
      return Uni.createFrom().completionStage(RELEASE_UNI).map(done -> "uni " + call);
    }
  }
}
