package dev.restcache.quarkus.test;

import static io.restassured.RestAssured.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.restcache.CacheControl;
import dev.restcache.Cached;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the cache does with a stale entry on Quarkus REST, where it rewrites the resource's response
 * in a response filter: a 304 to its own conditions refreshes the entry, and a 503 inside the
 * stale-if-error window is replaced by the stale entry.
 */
class StalenessTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .overrideConfigKey("quarkus.http.test-port", "0")
          .withApplicationRoot(jar -> jar.addClasses(Revalidated.class, Failing.class));

  private static void waitUntilStale() throws InterruptedException {
    // max-age=2: stale once its age passes two seconds; an entry with a validator is kept as
    // long again for revalidation, so it is still there until four.
    Thread.sleep(2_600);
  }

  @Test
  void notModifiedFromTheResourceRefreshesTheEntry() throws InterruptedException {
    get("/revalidated")
        .then()
        .statusCode(200)
        .body(equalTo("version 1"))
        .header("ETag", equalTo("\"v1\""));
    waitUntilStale();
    get("/revalidated")
        .then()
        .statusCode(200)
        .body(equalTo("version 1"))
        .header("Cache-Status", equalTo("restcache; fwd=stale; fwd-status=304; stored"));
    get("/revalidated")
        .then()
        .statusCode(200)
        .body(equalTo("version 1"))
        .header("Cache-Status", startsWith("restcache; hit"));
    assertThat(Revalidated.FULL_ANSWERS).hasValue(1);
    assertThat(Revalidated.NOT_MODIFIED_ANSWERS).hasValue(1);
  }

  @Test
  void serverErrorIsReplacedByTheStaleEntry() throws InterruptedException {
    get("/failing").then().statusCode(200).body(equalTo("good"));
    Failing.BROKEN.set(true);
    waitUntilStale();
    get("/failing")
        .then()
        .statusCode(200)
        .body(equalTo("good"))
        .header("Cache-Status", startsWith("restcache; hit"))
        .header("Cache-Status", containsString("detail=\"stale-if-error\""));
  }

  @Test
  void thrownServerErrorIsReplacedByTheStaleEntry() throws InterruptedException {
    get("/failing/thrown").then().statusCode(200).body(equalTo("good"));
    Failing.THROWING.set(true);
    waitUntilStale();
    get("/failing/thrown")
        .then()
        .statusCode(200)
        .body(equalTo("good"))
        .header("Cache-Status", containsString("detail=\"stale-if-error\""));
  }

  @Path("/revalidated")
  public static class Revalidated {
    static final AtomicInteger FULL_ANSWERS = new AtomicInteger();
    static final AtomicInteger NOT_MODIFIED_ANSWERS = new AtomicInteger();

    @GET
    @Cached
    @CacheControl(maxAge = 2)
    public Response get(@Context Request request) {
      EntityTag tag = new EntityTag("v1");
      Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
      if (notModified != null) {
        NOT_MODIFIED_ANSWERS.incrementAndGet();
        return notModified.build();
      }
      FULL_ANSWERS.incrementAndGet();
      return Response.ok("version 1").tag(tag).build();
    }
  }

  @Path("/failing")
  public static class Failing {
    static final AtomicBoolean BROKEN = new AtomicBoolean();
    static final AtomicBoolean THROWING = new AtomicBoolean();

    @GET
    @Path("/thrown")
    @Cached
    @CacheControl(maxAge = 2, staleIfError = 60)
    public String thrown() {
      if (THROWING.get()) {
        throw new ServiceUnavailableException("down");
      }
      return "good";
    }

    @GET
    @Cached
    @CacheControl(maxAge = 2, staleIfError = 60)
    public Response get() {
      return BROKEN.get()
          ? Response.status(503).entity("down").build()
          : Response.ok("good").build();
    }
  }
}
