package dev.restcache.quarkus.test;

import static io.restassured.RestAssured.get;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.restcache.Cached;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Endpoints returning {@code Uni} run on the event loop, and are cached all the same with the
 * in-memory store, whose lookups run on the event loop unless they wait for another request.
 */
class NonBlockingEndpointTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .overrideConfigKey("quarkus.http.test-port", "0")
          .withApplicationRoot(jar -> jar.addClasses(Counter.class, ReactiveResource.class));

  @Inject Counter counter;

  @Test
  void uniEndpointIsCachedAndEvictedByAWrite() {
    get("/reactive/a")
        .then()
        .statusCode(200)
        .body(equalTo("a #1"))
        .header("Cache-Status", equalTo("restcache; fwd=uri-miss; stored"));
    assertThat(ReactiveResource.ON_EVENT_LOOP).isTrue();
    get("/reactive/a")
        .then()
        .statusCode(200)
        .body(equalTo("a #1"))
        .header("Cache-Status", startsWith("restcache; hit"));
    given().body("new").put("/reactive/a").then().statusCode(200);
    get("/reactive/a").then().statusCode(200).body(equalTo("a #2"));
  }

  @Test
  void concurrentMissesOnTheEventLoopCollapseOntoOneRun() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(6);
    try {
      List<Future<String>> statuses = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        statuses.add(
            clients.submit(
                () ->
                    get("/reactive/slow/c")
                        .then()
                        .statusCode(200)
                        .body(equalTo("c #1"))
                        .extract()
                        .header("Cache-Status")));
      }
      List<String> answers = new ArrayList<>();
      for (Future<String> status : statuses) {
        answers.add(status.get(10, TimeUnit.SECONDS));
      }
      assertThat(ReactiveResource.SLOW_RUNS).hasValue(1);
      assertThat(answers).filteredOn(status -> status.contains("collapsed")).isNotEmpty();
    } finally {
      clients.shutdownNow();
    }
  }

  @Path("/reactive")
  public static class ReactiveResource {
    static final AtomicBoolean ON_EVENT_LOOP = new AtomicBoolean();
    static final AtomicInteger SLOW_RUNS = new AtomicInteger();

    @Inject Counter counter;

    @GET
    @Path("/{id}")
    @Cached
    public Uni<String> get(@PathParam("id") String id) {
      ON_EVENT_LOOP.set(Context.isOnEventLoopThread());
      return Uni.createFrom().item(id + " #" + counter.next());
    }

    /** Answers after 300 ms without holding a thread, as a call to another service would. */
    @GET
    @Path("/slow/{id}")
    @Cached
    public Uni<String> slow(@PathParam("id") String id) {
      return Uni.createFrom()
          .item(id + " #" + SLOW_RUNS.incrementAndGet())
          .onItem()
          .delayIt()
          .by(Duration.ofMillis(300));
    }

    @PUT
    @Path("/{id}")
    public Uni<String> put(@PathParam("id") String id, String body) {
      return Uni.createFrom().item(body);
    }
  }
}
