package dev.restcache.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.restcache.Cached;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.it.support.Apps;
import dev.restcache.it.support.FaultyStore;
import dev.restcache.it.support.FaultyStore.Fault;
import dev.restcache.it.support.RunningServer;
import dev.restcache.memory.InMemoryCacheStore;
import dev.restcache.spi.CacheStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultTest {
  private final Resource resource = new Resource();
  @RegisterExtension final RunningServer server = new RunningServer();

  @Path("/")
  public static class Resource {
    final AtomicInteger calls = new AtomicInteger();

    @GET
    @Path("value")
    @Cached
    public String value() {
      return "value " + calls.incrementAndGet();
    }

    @PUT
    @Path("value")
    public String put() {
      return "put";
    }

    @GET
    @Path("malformed")
    @Cached
    public Response malformed() {
      return Response.ok("malformed " + calls.incrementAndGet())
          .header("Cache-Control", "max-age=abc, \"unterminated")
          .header("Expires", "not a date")
          .header("Vary", ",,,")
          .build();
    }
  }

  private ResponseCacheFeature start(CacheStore store) {
    ResponseCacheFeature feature =
        ResponseCacheFeature.builder().store(store).storeTimeout(Duration.ofMillis(200)).build();
    server.start(Apps.of(feature, resource));
    return feature;
  }

  @Test
  void failingStoreIsBypassedAndEveryRequestIsServed() {
    ResponseCacheFeature feature = start(new FaultyStore(Fault.FAILS, Duration.ZERO));
    for (int i = 1; i <= 3; i++) {
      server
          .request()
          .get("/value")
          .then()
          .statusCode(200)
          .body(equalTo("value " + i))
          .header("Cache-Status", "restcache; fwd=bypass; detail=\"store-error\"");
    }
    server.request().put("/value").then().statusCode(200);
    feature.cache().clear();
    feature.cache().invalidateTags("x");
    assertThat(feature.cache().stats().storeErrors()).isGreaterThanOrEqualTo(6);
  }

  @Test
  void hangingStoreDelaysARequestByAboutTheTimeoutOnly() {
    start(new FaultyStore(Fault.HANGS, Duration.ZERO));
    long started = System.nanoTime();
    server
        .request()
        .get("/value")
        .then()
        .statusCode(200)
        .body(equalTo("value 1"))
        .header("Cache-Status", "restcache; fwd=bypass; detail=\"store-error\"");
    long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
    // One get times out (200 ms); the bound only guards against waiting forever.
    assertThat(elapsedMillis).isLessThan(5_000);
  }

  @Test
  void malformedCachingHeadersFromTheResourceAreServedNotErrors() {
    start(new InMemoryCacheStore());
    server
        .request()
        .get("/malformed")
        .then()
        .statusCode(200)
        .body(equalTo("malformed 1"))
        .header("Cache-Status", "restcache; fwd=uri-miss; detail=\"stale\"");
    server.request().get("/malformed").then().statusCode(200).body(equalTo("malformed 2"));
  }

  @Test
  void malformedRequestHeadersAreServed() {
    start(new InMemoryCacheStore());
    server.request().get("/value");
    // A malformed Accept is Jersey's to reject (400) before any filter runs, so it is not here.
    server
        .request()
        .header("Cache-Control", "max-age=\"")
        .header("If-None-Match", "W/")
        .header("If-Modified-Since", "yesterday")
        .header("Accept-Encoding", ",,;;")
        .get("/value")
        .then()
        .statusCode(200)
        .body(equalTo("value 1"));
  }
}
