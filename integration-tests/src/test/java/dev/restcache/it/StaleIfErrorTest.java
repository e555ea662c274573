package dev.restcache.it;

import static org.hamcrest.Matchers.equalTo;

import dev.restcache.CacheControl;
import dev.restcache.Cached;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.it.support.Apps;
import dev.restcache.it.support.MutableClock;
import dev.restcache.it.support.RunningServer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.InternalServerErrorException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StaleIfErrorTest {
  private final MutableClock clock = new MutableClock();
  private final Resource resource = new Resource();
  @RegisterExtension final RunningServer server = new RunningServer();

  /** Succeeds once, then fails the way {@link #failure} says. */
  @Path("/")
  public static class Resource {
    final AtomicInteger calls = new AtomicInteger();
    volatile String failure = "none";

    private Response answer(String body) {
      int call = calls.incrementAndGet();
      return switch (failure) {
        case "none" -> Response.ok(body + " " + call, "text/plain").build();
        case "throw" -> throw new InternalServerErrorException("backend down");
        case "mapped" -> throw new BackendDown();
        case "unmapped" -> throw new IllegalStateException("nobody maps this");
        default -> Response.status(Integer.parseInt(failure)).entity("error").build();
      };
    }

    @GET
    @Path("tolerant")
    @Cached
    @CacheControl(maxAge = 10, staleIfError = 60)
    public Response tolerant() {
      return answer("tolerant");
    }

    @GET
    @Path("strict")
    @Cached
    @CacheControl(maxAge = 10, staleIfError = 60, mustRevalidate = true)
    public Response strict() {
      return answer("strict");
    }
  }

  /** An application's own failure, mapped to 503 by its own mapper. */
  static final class BackendDown extends RuntimeException {}

  /** The application's mapper for {@link BackendDown}. */
  public static final class BackendDownMapper implements ExceptionMapper<BackendDown> {
    @Override
    public Response toResponse(BackendDown exception) {
      return Response.status(503).entity("mapped").build();
    }
  }

  @BeforeEach
  void start() {
    server.start(
        Apps.of(
            ResponseCacheFeature.builder().clock(clock).build(),
            resource,
            new BackendDownMapper()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"500", "502", "503", "504", "throw", "mapped"})
  void insideTheWindowAStaleEntryStandsInForAnError(String failure) {
    server.request().get("/tolerant");
    clock.advance(Duration.ofSeconds(15));
    resource.failure = failure;
    server
        .request()
        .get("/tolerant")
        .then()
        .statusCode(200)
        .body(equalTo("tolerant 1"))
        .header("Content-Type", "text/plain")
        .header("Age", "15")
        .header("Cache-Status", "restcache; hit; ttl=-5; detail=\"stale-if-error\"");
  }

  // Jersey runs the response filters for an exception no mapper handles, but then hands the
  // exception to the container, which answers 500 itself: the documented limitation.
  @Test
  void anExceptionNoMapperHandlesIsNotReplaced() {
    server.request().get("/tolerant");
    clock.advance(Duration.ofSeconds(15));
    resource.failure = "unmapped";
    server.request().get("/tolerant").then().statusCode(500);
  }

  @Test
  void outsideTheWindowTheErrorPassesThrough() {
    server.request().get("/tolerant");
    clock.advance(Duration.ofSeconds(71));
    resource.failure = "503";
    server.request().get("/tolerant").then().statusCode(503).body(equalTo("error"));
  }

  @Test
  void otherStatusesAreNotReplaced() {
    server.request().get("/tolerant");
    clock.advance(Duration.ofSeconds(15));
    resource.failure = "404";
    server.request().get("/tolerant").then().statusCode(404);
  }

  @Test
  void mustRevalidateLetsTheErrorThrough() {
    server.request().get("/strict");
    clock.advance(Duration.ofSeconds(15));
    resource.failure = "503";
    server.request().get("/strict").then().statusCode(503);
  }

  @Test
  void aSuccessfulRefreshReplacesTheEntry() {
    server.request().get("/tolerant");
    clock.advance(Duration.ofSeconds(15));
    server
        .request()
        .get("/tolerant")
        .then()
        .body(equalTo("tolerant 2"))
        .header("Cache-Status", "restcache; fwd=stale; stored");
  }
}
