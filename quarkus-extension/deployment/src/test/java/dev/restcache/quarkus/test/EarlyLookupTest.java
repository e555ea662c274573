package dev.restcache.quarkus.test;

import static io.restassured.RestAssured.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.restcache.Cached;
import io.quarkus.test.QuarkusUnitTest;
import io.vertx.core.Context;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * In an application without request filters of its own, the lookup runs before Quarkus REST moves a
 * blocking endpoint to a worker: a hit is sent from the event loop the request arrived on, while a
 * miss still runs the resource on a worker.
 */
class EarlyLookupTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .overrideConfigKey("quarkus.http.test-port", "0")
          .withApplicationRoot(
              jar -> jar.addClasses(Counter.class, BlockingResource.class, SendingThreads.class));

  @Inject Counter counter;

  @Test
  void aHitOnABlockingEndpointIsSentFromTheEventLoop() {
    get("/early/a").then().statusCode(200).body(equalTo("a #1"));
    assertThat(SendingThreads.LAST).last().isEqualTo("worker");

    get("/early/a")
        .then()
        .statusCode(200)
        .body(equalTo("a #1"))
        .header("Cache-Status", startsWith("restcache; hit"));
    assertThat(SendingThreads.LAST).last().isEqualTo("event-loop");
    assertThat(counter.calls()).isEqualTo(1);
  }

  @Path("/early")
  public static class BlockingResource {
    @Inject Counter counter;

    @GET
    @Path("/{id}")
    @Cached
    public String get(@PathParam("id") String id) {
      return id + " #" + counter.next();
    }
  }

  /** Records the kind of thread each response's headers were sent from, ahead of Quarkus REST. */
  @ApplicationScoped
  public static class SendingThreads {
    static final List<String> LAST = new CopyOnWriteArrayList<>();

    void watch(@Observes Router router) {
      router
          .route()
          .order(Integer.MIN_VALUE)
          .handler(
              context -> {
                context.addHeadersEndHandler(
                    sent -> LAST.add(Context.isOnEventLoopThread() ? "event-loop" : "worker"));
                context.next();
              });
    }
  }
}
