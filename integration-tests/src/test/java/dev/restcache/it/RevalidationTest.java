package dev.restcache.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;

import dev.restcache.Cached;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.it.support.Apps;
import dev.restcache.it.support.MutableClock;
import dev.restcache.it.support.RunningServer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RevalidationTest {
  // Request.evaluatePreconditions and ResponseBuilder.lastModified take a java.util.Date.
  @SuppressWarnings("JavaUtilDate")
  private static final Date MODIFIED = new Date(1_700_000_000_000L);

  private final MutableClock clock = new MutableClock();
  private final Resource resource = new Resource();
  @RegisterExtension final RunningServer server = new RunningServer();

  /** Answers preconditions itself, as a resource with cheap validators should. */
  @Path("/")
  public static class Resource {
    final AtomicInteger invocations = new AtomicInteger();
    final AtomicInteger bodies = new AtomicInteger();
    volatile int version = 1;

    @Context Request request;

    private Response answer(String cacheControl) {
      invocations.incrementAndGet();
      EntityTag tag = new EntityTag("v" + version);
      Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
      if (notModified != null) {
        return notModified.header("Cache-Control", cacheControl).build();
      }
      bodies.incrementAndGet();
      return Response.ok("version " + version, "text/plain")
          .tag(tag)
          .header("Cache-Control", cacheControl)
          .build();
    }

    @GET
    @Path("etag")
    @Cached
    public Response etag() {
      return answer("max-age=10");
    }

    @GET
    @Path("no-cache")
    @Cached
    public Response noCache() {
      return answer("no-cache");
    }

    @GET
    @Path("max-age-0")
    @Cached
    public Response neverFresh() {
      return answer("max-age=0");
    }

    @GET
    @Path("modified")
    @Cached
    public Response modified() {
      invocations.incrementAndGet();
      Response.ResponseBuilder notModified = request.evaluatePreconditions(MODIFIED);
      if (notModified != null) {
        return notModified.build();
      }
      bodies.incrementAndGet();
      return Response.ok("modified", "text/plain")
          .lastModified(MODIFIED)
          .header("Cache-Control", "max-age=10")
          .build();
    }
  }

  @BeforeEach
  void start() {
    server.start(Apps.of(ResponseCacheFeature.builder().clock(clock).build(), resource));
  }

  // RFC 9111 §4.3: never fresh, but worth keeping: the resource confirms it with a 304
  // instead of producing the body on every request.
  @Test
  void aResponseThatIsNeverFreshButHasAValidatorIsRevalidatedNotProducedAgain() {
    server
        .request()
        .get("/max-age-0")
        .then()
        .body(equalTo("version 1"))
        .header("Cache-Status", "restcache; fwd=uri-miss; stored");
    server
        .request()
        .get("/max-age-0")
        .then()
        .statusCode(200)
        .body(equalTo("version 1"))
        .header("Cache-Status", "restcache; fwd=stale; fwd-status=304; stored");
    assertThat(resource.bodies).hasValue(1);
    assertThat(resource.invocations).hasValue(2);
  }

  @Test
  void anEntryWithItsOwnValidatorIsKeptForTheRetentionOnceStaleThenDropped() {
    server.request().get("/etag");
    clock.advance(Duration.ofHours(23));
    server
        .request()
        .get("/etag")
        .then()
        .body(equalTo("version 1"))
        .header("Cache-Status", "restcache; fwd=stale; fwd-status=304; stored");
    clock.advance(Duration.ofHours(25));
    server
        .request()
        .get("/etag")
        .then()
        .body(equalTo("version 1"))
        .header("Cache-Status", "restcache; fwd=uri-miss; stored");
    assertThat(resource.bodies).hasValue(2);
  }

  @Test
  void staleEntryIsRevalidatedThroughTheResourceAndA304RefreshesIt() {
    server.request().get("/etag");
    clock.advance(Duration.ofSeconds(15));
    server
        .request()
        .get("/etag")
        .then()
        .statusCode(200)
        .body(equalTo("version 1"))
        .header("ETag", "\"v1\"")
        .header("Cache-Control", "max-age=10")
        .header("Age", "0")
        .header("Cache-Status", "restcache; fwd=stale; fwd-status=304; stored");
    clock.advance(Duration.ofSeconds(5));
    server
        .request()
        .get("/etag")
        .then()
        .body(equalTo("version 1"))
        .header("Cache-Status", "restcache; hit; ttl=5");
    assertThat(resource.invocations).hasValue(2);
    assertThat(resource.bodies).hasValue(1);
  }

  @Test
  void aChangedResourceAnswersInFullAndReplacesTheEntry() {
    server.request().get("/etag");
    clock.advance(Duration.ofSeconds(15));
    resource.version = 2;
    server
        .request()
        .get("/etag")
        .then()
        .body(equalTo("version 2"))
        .header("Cache-Status", "restcache; fwd=stale; stored");
    server
        .request()
        .get("/etag")
        .then()
        .body(equalTo("version 2"))
        .header("Cache-Status", "restcache; hit; ttl=10");
  }

  @Test
  void conditionalClientGetsA304AfterTheCacheRevalidatedTheEntry() {
    server.request().get("/etag");
    clock.advance(Duration.ofSeconds(15));
    server
        .request()
        .header("If-None-Match", "\"v1\"")
        .get("/etag")
        .then()
        .statusCode(304)
        .body(emptyString())
        .header("ETag", "\"v1\"")
        .header("Cache-Status", "restcache; fwd=stale; fwd-status=304; stored");
    server
        .request()
        .get("/etag")
        .then()
        .statusCode(200)
        .body(equalTo("version 1"))
        .header("Cache-Status", "restcache; hit; ttl=10");
    assertThat(resource.bodies).hasValue(1);
  }

  @Test
  void clientWithAnOlderTagGetsTheWholeRevalidatedResponse() {
    server.request().get("/etag");
    clock.advance(Duration.ofSeconds(15));
    server
        .request()
        .header("If-None-Match", "\"v0\"")
        .get("/etag")
        .then()
        .statusCode(200)
        .body(equalTo("version 1"))
        .header("Cache-Status", "restcache; fwd=stale; fwd-status=304; stored");
    assertThat(resource.bodies).hasValue(1);
  }

  @Test
  void noCacheResponseIsStoredAndRevalidatedOnEveryUse() {
    server
        .request()
        .get("/no-cache")
        .then()
        .header("Cache-Status", "restcache; fwd=uri-miss; stored");
    for (int i = 0; i < 3; i++) {
      server
          .request()
          .get("/no-cache")
          .then()
          .statusCode(200)
          .body(equalTo("version 1"))
          .header("Cache-Status", "restcache; fwd=stale; fwd-status=304; stored");
    }
    assertThat(resource.invocations).hasValue(4);
    assertThat(resource.bodies).hasValue(1);
  }

  @Test
  void lastModifiedAloneRevalidatesWithIfModifiedSince() {
    server.request().get("/modified");
    clock.advance(Duration.ofSeconds(15));
    server
        .request()
        .get("/modified")
        .then()
        .statusCode(200)
        .body(equalTo("modified"))
        .header("Cache-Status", "restcache; fwd=stale; fwd-status=304; stored");
    assertThat(resource.bodies).hasValue(1);
  }

  @Test
  void headOnAStaleEntryIsRevalidatedWithoutStoring() {
    server.request().get("/etag");
    clock.advance(Duration.ofSeconds(15));
    server
        .request()
        .head("/etag")
        .then()
        .statusCode(200)
        .header("Cache-Status", "restcache; fwd=stale; fwd-status=304; detail=\"method\"");
    assertThat(resource.bodies).hasValue(1);
  }
}
