package dev.restcache.quarkus.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.Cached;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.annotation.Priority;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Requests collapsed onto the fill of a blocking endpoint (run on workers) are suspended, and
 * answered from the entry once it is stored. Quarkus REST resumes a suspended request when it is
 * answered with {@code abortWith}; restcache resuming it once more ran its handler chain twice, on
 * two workers at once, which sent some of them an empty body.
 */
class CollapsedBlockingHitsTest {
  private static final int CLIENTS = 20;
  // How long the resource waits for every client's request, and the test for completions.
  private static final Duration BOUND = Duration.ofSeconds(10);
  private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);

  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .overrideConfigKey("quarkus.http.test-port", "0")
          // Far beyond the wait for every client's arrival, on a machine however busy.
          .overrideConfigKey("quarkus.restcache.collapse-timeout", "60s")
          .withApplicationRoot(jar -> jar.addClasses(BlockingResource.class, Arrivals.class));

  @TestHTTPResource("/blocking/a")
  URI target;

  @Test
  void everyCollapsedRequestGetsTheWholeBodyAndCompletesOnce() throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      pending.add(
          http.sendAsync(
              HttpRequest.newBuilder(target).timeout(CLIENT_TIMEOUT).build(),
              HttpResponse.BodyHandlers.ofString()));
    }
    List<HttpResponse<String>> answers = pending.stream().map(CompletableFuture::join).toList();

    assertThat(answers)
        .allSatisfy(
            answer -> {
              assertThat(answer.statusCode()).isEqualTo(200);
              assertThat(answer.body()).isEqualTo("a #1");
            });
    assertThat(answers)
        .extracting(answer -> answer.headers().firstValue("Cache-Status").get())
        .anyMatch(status -> status.endsWith("; collapsed"));
    assertThat(BlockingResource.RUNS).hasValue(1);
    // Each request completes once; a request that completed twice would add to the count.
    assertThat(Arrivals.awaitCompletions(CLIENTS)).isEqualTo(CLIENTS);
  }

  @Path("/blocking")
  public static class BlockingResource {
    static final AtomicInteger RUNS = new AtomicInteger();

    /** Answers once every client's request has arrived, so that all find it running. */
    @GET
    @Path("/{id}")
    @Cached
    public String get(@PathParam("id") String id) throws InterruptedException {
      int run = RUNS.incrementAndGet();
      Arrivals.await(CLIENTS);
      return id + " #" + run;
    }
  }

  /** Counts the requests that arrive, before the cache's lookup, and those that complete. */
  @Provider
  @Priority(Priorities.USER)
  public static class Arrivals implements ContainerRequestFilter {
    private static final AtomicInteger ARRIVED = new AtomicInteger();
    private static final AtomicInteger COMPLETED = new AtomicInteger();

    @Override
    public void filter(ContainerRequestContext request) {
      ((ResteasyReactiveContainerRequestContext) request)
          .getServerRequestContext()
          .registerCompletionCallback(failure -> count(COMPLETED));
      count(ARRIVED);
    }

    private static void count(AtomicInteger counter) {
      synchronized (Arrivals.class) {
        counter.incrementAndGet();
        Arrivals.class.notifyAll();
      }
    }

    static void await(int arrivals) throws InterruptedException {
      awaitAtLeast(ARRIVED, arrivals);
    }

    static int awaitCompletions(int completions) throws InterruptedException {
      return awaitAtLeast(COMPLETED, completions);
    }

    private static int awaitAtLeast(AtomicInteger counter, int count) throws InterruptedException {
      long deadline = System.nanoTime() + BOUND.toNanos();
      synchronized (Arrivals.class) {
        long left = BOUND.toMillis();
        while (counter.get() < count && left > 0) {
          Arrivals.class.wait(left);
          left = (deadline - System.nanoTime()) / 1_000_000;
        }
        return counter.get();
      }
    }
  }
}
