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
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Endpoints returning {@code Uni} run on the event loop, and are cached all the same. */
class NonBlockingEndpointTest {
  @RegisterExtension
  static final QuarkusUnitTest APP = new QuarkusUnitTest()
      .withApplicationRoot(jar -> jar.addClasses(Counter.class, ReactiveResource.class));

  @Inject
  Counter counter;

  @Test
  void uniEndpointIsCachedAndEvictedByAWrite() {
    get("/reactive/a").then().statusCode(200).body(equalTo("a #1"))
        .header("Cache-Status", equalTo("restcache; fwd=uri-miss; stored"));
    assertThat(ReactiveResource.ON_EVENT_LOOP).isTrue();
    get("/reactive/a").then().statusCode(200).body(equalTo("a #1"))
        .header("Cache-Status", startsWith("restcache; hit"));
    given().body("new").put("/reactive/a").then().statusCode(200);
    get("/reactive/a").then().statusCode(200).body(equalTo("a #2"));
  }

  @Path("/reactive")
  public static class ReactiveResource {
    static final AtomicBoolean ON_EVENT_LOOP = new AtomicBoolean();

    @Inject
    Counter counter;

    @GET
    @Path("/{id}")
    @Cached
    public Uni<String> get(@PathParam("id") String id) {
      ON_EVENT_LOOP.set(Context.isOnEventLoopThread());
      return Uni.createFrom().item(id + " #" + counter.next());
    }

    @PUT
    @Path("/{id}")
    public Uni<String> put(@PathParam("id") String id, String body) {
      return Uni.createFrom().item(body);
    }
  }
}
