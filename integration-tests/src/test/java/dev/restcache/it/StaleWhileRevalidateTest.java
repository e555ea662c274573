package dev.restcache.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.CacheControl;
import dev.restcache.Cached;
import dev.restcache.ResponseCache;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.it.support.Apps;
import dev.restcache.it.support.MutableClock;
import dev.restcache.it.support.RunningServer;
import io.restassured.response.Response;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * RFC 5861 stale-while-revalidate on Jersey: a request inside the window is answered from the stale
 * entry at once, the one that finds it stale included, while one refresh runs in the background
 * through the application.
 */
class StaleWhileRevalidateTest {
  private final MutableClock clock = new MutableClock();
  private final Resource resource = new Resource();
  private final AuthorizationLog authorizations = new AuthorizationLog();
  private ResponseCache cache;
  @RegisterExtension final RunningServer server = new RunningServer();

  @Path("/")
  public static class Resource {
    final AtomicInteger calls = new AtomicInteger();
    final CountDownLatch secondCallStarted = new CountDownLatch(1);
    final CountDownLatch releaseSecondCall = new CountDownLatch(1);
    volatile boolean failing;

    @GET
    @Path("news")
    @Cached
    @CacheControl(maxAge = 1, staleWhileRevalidate = 60)
    public String news() throws InterruptedException {
      int call = calls.incrementAndGet();
      if (call == 2) {
        secondCallStarted.countDown();
        releaseSecondCall.await(10, TimeUnit.SECONDS);
      }
      return "news " + call;
    }

    @GET
    @Path("shared")
    @Cached
    @CacheControl(maxAge = 1, staleWhileRevalidate = 60, isPublic = true)
    public String shared() {
      return "shared " + calls.incrementAndGet();
    }

    @GET
    @Path("flaky")
    @Cached
    @CacheControl(maxAge = 1, staleWhileRevalidate = 60)
    public String flaky() {
      int call = calls.incrementAndGet();
      if (failing) {
        failing = false;
        throw new IllegalStateException("refresh " + call + " fails");
      }
      return "flaky " + call;
    }

    @GET
    @Path("strict")
    @Cached
    @CacheControl(maxAge = 10, staleWhileRevalidate = 60, mustRevalidate = true)
    public String strict() {
      return "strict " + calls.incrementAndGet();
    }
  }

  /** An application filter that sees every request, as an authentication filter would. */
  public static class AuthorizationLog implements ContainerRequestFilter {
    final List<String> seen = new CopyOnWriteArrayList<>();

    @Override
    public void filter(ContainerRequestContext request) {
      if (request.getUriInfo().getPath().equals("shared")) {
        seen.add(String.valueOf(request.getHeaderString(HttpHeaders.AUTHORIZATION)));
      }
    }
  }

  @BeforeEach
  void start() {
    ResponseCacheFeature feature = ResponseCacheFeature.builder().clock(clock).build();
    cache = feature.cache();
    server.start(
        Apps.of(feature, resource, authorizations),
        ThreadPoolConfig.defaultConfig().setCorePoolSize(16).setMaxPoolSize(16));
  }

  @AfterEach
  void release() {
    resource.releaseSecondCall.countDown();
  }

  // The refresh's store happens after the client's response, on another thread: wait for the
  // count, never for a time.
  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  @Test
  void theRequestThatFindsTheEntryStaleGetsItAtOnceWhileTheResourceRefreshesIt() throws Exception {
    server.request().get("/news").then().body(org.hamcrest.Matchers.equalTo("news 1"));
    clock.advance(Duration.ofSeconds(15));

    Response stale = server.request().get("/news");

    assertThat(stale.statusCode()).isEqualTo(200);
    assertThat(stale.asString()).isEqualTo("news 1");
    assertThat(stale.header("Cache-Status")).isEqualTo("restcache; hit; ttl=-14");
    assertThat(stale.header("Age")).isEqualTo("15");
    assertThat(resource.secondCallStarted.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(resource.releaseSecondCall.getCount()).isEqualTo(1);

    resource.releaseSecondCall.countDown();
    await(() -> cache.stats().stores() == 2);
    Response fresh = server.request().get("/news");
    assertThat(fresh.asString()).isEqualTo("news 2");
    assertThat(fresh.header("Cache-Status")).startsWith("restcache; hit; ttl=");
    assertThat(fresh.header("Age")).isEqualTo("0");
    assertThat(resource.calls).hasValue(2);
  }

  @Test
  void theRequestThatFindsTheEntryStaleGetsA304WhenItsOwnConditionsHold() throws Exception {
    String etag = server.request().get("/news").header("ETag");
    clock.advance(Duration.ofSeconds(15));

    Response stale = server.request().header("If-None-Match", etag).get("/news");

    assertThat(stale.statusCode()).isEqualTo(304);
    assertThat(stale.header("Cache-Status")).isEqualTo("restcache; hit; ttl=-14");
    assertThat(resource.secondCallStarted.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void concurrentRequestsInsideTheWindowMakeOneRefresh() throws Exception {
    server.request().get("/news");
    clock.advance(Duration.ofSeconds(15));
    ExecutorService clients = Executors.newFixedThreadPool(8);
    try {
      List<Future<Response>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(clients.submit(() -> server.request().get("/news")));
      }
      for (Future<Response> answer : answers) {
        Response response = answer.get(10, TimeUnit.SECONDS);
        assertThat(response.asString()).isEqualTo("news 1");
        assertThat(response.header("Cache-Status")).isEqualTo("restcache; hit; ttl=-14");
      }
    } finally {
      clients.shutdownNow();
    }
    assertThat(resource.secondCallStarted.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(resource.calls).hasValue(2);

    resource.releaseSecondCall.countDown();
    await(() -> cache.stats().stores() == 2);
    assertThat(server.request().get("/news").asString()).isEqualTo("news 2");
    assertThat(resource.calls).hasValue(2);
  }

  @Test
  void theRefreshReachesTheResourceWithTheClientsAuthorization() throws Exception {
    server.request().header("Authorization", "Bearer alice").get("/shared");
    clock.advance(Duration.ofSeconds(15));

    Response stale = server.request().header("Authorization", "Bearer bob").get("/shared");

    assertThat(stale.asString()).isEqualTo("shared 1");
    await(() -> cache.stats().stores() == 2);
    assertThat(resource.calls).hasValue(2);
    // The client's request passes the filter, then its refresh does, with the same header.
    assertThat(authorizations.seen).containsExactly("Bearer alice", "Bearer bob", "Bearer bob");
    assertThat(server.request().get("/shared").asString()).isEqualTo("shared 2");
  }

  @Test
  void aRefreshThatFailsLeavesTheStaleEntryServingAndALaterRequestRefreshesAgain()
      throws Exception {
    server.request().get("/flaky");
    clock.advance(Duration.ofSeconds(15));
    resource.failing = true;

    // The first refresh fails; until another one has stored, every answer is the stale entry
    // (the last may already be the refreshed one, stored before its request came).
    List<Response> answers = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (resource.calls.get() < 3) {
      assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
      answers.add(server.request().get("/flaky"));
    }
    assertThat(answers.get(0).asString()).isEqualTo("flaky 1");
    assertThat(answers)
        .allSatisfy(
            answer -> {
              assertThat(answer.statusCode()).isEqualTo(200);
              assertThat(answer.asString()).isIn("flaky 1", "flaky 3");
            });

    await(() -> cache.stats().stores() == 2);
    assertThat(server.request().get("/flaky").asString()).isEqualTo("flaky 3");
    assertThat(resource.calls).hasValue(3);
  }

  @Test
  void pastTheWindowTheRequestWaitsForTheResource() {
    server.request().get("/news");
    resource.releaseSecondCall.countDown();
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
