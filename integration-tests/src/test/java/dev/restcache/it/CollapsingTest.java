package dev.restcache.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.Cached;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.it.support.Apps;
import dev.restcache.it.support.RunningServer;
import io.restassured.response.Response;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CollapsingTest {
  private static final int CLIENTS = 50;
  private final Resource resource = new Resource();
  @RegisterExtension final RunningServer server = new RunningServer();
  private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);

  @Path("/")
  public static class Resource {
    final AtomicInteger calls = new AtomicInteger();

    @GET
    @Path("slow")
    @Cached
    public String slow() throws InterruptedException {
      calls.incrementAndGet();
      Thread.sleep(300);
      return "slow";
    }

    @GET
    @Path("throws")
    @Cached
    public String throwsUnmapped() {
      calls.incrementAndGet();
      throw new IllegalStateException("no mapper handles this");
    }

    @GET
    @Path("private")
    @Cached
    public jakarta.ws.rs.core.Response uncacheable() throws InterruptedException {
      calls.incrementAndGet();
      Thread.sleep(100);
      return jakarta.ws.rs.core.Response.ok("mine").header("Cache-Control", "private").build();
    }
  }

  private void start(ResponseCacheFeature.Builder builder) {
    server.start(
        Apps.of(builder.build(), resource),
        ThreadPoolConfig.defaultConfig().setCorePoolSize(CLIENTS).setMaxPoolSize(CLIENTS));
  }

  @AfterEach
  void stop() {
    clients.shutdownNow();
  }

  private List<Response> concurrently(String path) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Response>> futures = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      futures.add(
          clients.submit(
              () -> {
                start.await();
                return server.request().get(path);
              }));
    }
    start.countDown();
    List<Response> responses = new ArrayList<>();
    for (Future<Response> future : futures) {
      responses.add(future.get(30, TimeUnit.SECONDS));
    }
    return responses;
  }

  @Test
  void fiftyConcurrentFirstRequestsRunTheResourceOnce() throws Exception {
    start(ResponseCacheFeature.builder());
    List<Response> responses = concurrently("/slow");
    assertThat(responses)
        .allSatisfy(
            r -> {
              assertThat(r.statusCode()).isEqualTo(200);
              assertThat(r.asString()).isEqualTo("slow");
            });
    assertThat(resource.calls).hasValue(1);
    assertThat(responses)
        .extracting(r -> r.header("Cache-Status"))
        .contains("restcache; fwd=uri-miss; stored")
        .anyMatch(status -> status.matches("restcache; hit; ttl=\\d+; collapsed"));
  }

  @Test
  void waitersGoToTheResourceThemselvesWhenTheLeadersResponseIsNotStorable() throws Exception {
    start(ResponseCacheFeature.builder());
    List<Response> responses = concurrently("/private");
    assertThat(responses).allSatisfy(r -> assertThat(r.asString()).isEqualTo("mine"));
    assertThat(resource.calls).hasValue(CLIENTS);
  }

  @Test
  void aLeaderWhoseResourceThrowsUnmappedDoesNotHoldUpTheNextRequest() throws Exception {
    start(ResponseCacheFeature.builder().collapseTimeout(Duration.ofSeconds(60)));
    server.request().get("/throws").then().statusCode(500);
    // Were the first request's fill left behind, this one would wait the whole minute.
    Response next =
        CompletableFuture.supplyAsync(() -> server.request().get("/throws"))
            .get(20, TimeUnit.SECONDS);
    assertThat(next.statusCode()).isEqualTo(500);
    assertThat(resource.calls).hasValue(2);
  }

  @Test
  void withCollapsingOffEveryConcurrentMissRunsTheResource() throws Exception {
    start(ResponseCacheFeature.builder().collapseTimeout(Duration.ZERO));
    concurrently("/slow");
    assertThat(resource.calls.get()).isGreaterThan(1);
  }
}
