package dev.restcache.quarkus.test;

import static io.restassured.RestAssured.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.restcache.Cached;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A hit on a {@code Uni} endpoint from the in-memory store is answered on the event loop the
 * request arrived on: the lookup neither moves it to a worker thread nor suspends it.
 */
class EventLoopHitTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .overrideConfigKey("quarkus.http.test-port", "0")
          .withApplicationRoot(
              jar -> jar.addClasses(Counter.class, ReactiveResource.class, ThreadRecorder.class));

  @Test
  void aHitIsAnsweredOnTheEventLoopWithoutAWorkerHop() {
    get("/loop").then().statusCode(200).body(equalTo("loop #1"));
    ThreadRecorder.THREADS.clear();

    get("/loop")
        .then()
        .statusCode(200)
        .body(equalTo("loop #1"))
        .header("Cache-Status", startsWith("restcache; hit"));

    assertThat(ThreadRecorder.THREADS)
        .singleElement()
        .satisfies(thread -> assertThat(thread).startsWith("event-loop:"));
  }

  @Path("/loop")
  public static class ReactiveResource {
    private int runs;

    @GET
    @Cached
    public Uni<String> get() {
      return Uni.createFrom().item("loop #" + ++runs);
    }
  }

  /** The application's own response filter, which runs on every hit. */
  @Provider
  public static class ThreadRecorder implements ContainerResponseFilter {
    static final List<String> THREADS = new CopyOnWriteArrayList<>();

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      THREADS.add(
          (Context.isOnEventLoopThread() ? "event-loop:" : "worker:")
              + Thread.currentThread().getName());
    }
  }
}
