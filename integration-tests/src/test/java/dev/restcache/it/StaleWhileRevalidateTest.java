package dev.restcache.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.CacheControl;
import dev.restcache.Cached;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.it.support.Apps;
import dev.restcache.it.support.MutableClock;
import dev.restcache.it.support.RunningServer;
import io.restassured.response.Response;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StaleWhileRevalidateTest {
  private final MutableClock clock = new MutableClock();
  private final Resource resource = new Resource();
  @RegisterExtension
  final RunningServer server = new RunningServer();

  @Path("/")
  public static class Resource {
    final AtomicInteger calls = new AtomicInteger();
    volatile CountDownLatch refreshStarted = new CountDownLatch(1);
    volatile CountDownLatch releaseRefresh = new CountDownLatch(0);

    @GET
    @Path("news")
    @Cached
    @CacheControl(maxAge = 10, staleWhileRevalidate = 60)
    public String news() throws InterruptedException {
      int call = calls.incrementAndGet();
      refreshStarted.countDown();
      releaseRefresh.await(10, TimeUnit.SECONDS);
      return "news " + call;
    }

    @GET
    @Path("strict")
    @Cached
    @CacheControl(maxAge = 10, staleWhileRevalidate = 60, mustRevalidate = true)
    public String strict() {
      return "strict " + calls.incrementAndGet();
    }
  }

  @BeforeEach
  void start() {
    server.start(Apps.of(ResponseCacheFeature.builder().clock(clock).build(),
        resource));
  }

  @AfterEach
  void stop() {
    resource.releaseRefresh.countDown();
  }

  @Test
  void insideTheWindowEveryRequestGetsTheStaleBodyAtOnceWhileOneRefreshes() throws Exception {
    server.request().get("/news");
    clock.advance(Duration.ofSeconds(15));
    resource.refreshStarted = new CountDownLatch(1);
    resource.releaseRefresh = new CountDownLatch(1);

    CompletableFuture<Response> refresher =
        CompletableFuture.supplyAsync(() -> server.request().get("/news"));
    assertThat(resource.refreshStarted.await(10, TimeUnit.SECONDS)).isTrue();

    List<Response> others = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      others.add(server.request().get("/news"));
    }
    assertThat(others).allSatisfy(r -> {
      assertThat(r.asString()).isEqualTo("news 1");
      assertThat(r.header("Cache-Status")).isEqualTo("restcache; hit; ttl=-5");
      assertThat(r.header("Age")).isEqualTo("15");
    });

    resource.releaseRefresh.countDown();
    Response refreshed = refresher.get(10, TimeUnit.SECONDS);
    assertThat(refreshed.asString()).isEqualTo("news 2");
    assertThat(refreshed.header("Cache-Status")).isEqualTo("restcache; fwd=stale; stored");
    assertThat(resource.calls).hasValue(2);
    assertThat(server.request().get("/news").asString()).isEqualTo("news 2");
  }

  @Test
  void pastTheWindowTheRequestWaitsForTheResource() {
    server.request().get("/news");
    clock.advance(Duration.ofSeconds(71));
    assertThat(server.request().get("/news").asString()).isEqualTo("news 2");
  }

  @Test
  void mustRevalidateIsNeverServedStale() {
    server.request().get("/strict");
    clock.advance(Duration.ofSeconds(11));
    assertThat(server.request().get("/strict").asString()).isEqualTo("strict 2");
  }
}
