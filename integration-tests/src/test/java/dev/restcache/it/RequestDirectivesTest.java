package dev.restcache.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.restcache.Cached;
import dev.restcache.RequestDirectives;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.it.support.Apps;
import dev.restcache.it.support.MutableClock;
import dev.restcache.it.support.RunningServer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RequestDirectivesTest {
  private final MutableClock clock = new MutableClock();
  private final Resource resource = new Resource();
  @RegisterExtension final RunningServer server = new RunningServer();

  @Path("/")
  public static class Resource {
    final AtomicInteger calls = new AtomicInteger();

    @GET
    @Path("value")
    @Cached(ttl = 60)
    public String value() {
      return "value " + calls.incrementAndGet();
    }
  }

  private void start(RequestDirectives directives) {
    server.start(
        Apps.of(
            ResponseCacheFeature.builder().clock(clock).requestDirectives(directives).build(),
            resource));
  }

  private String get(String header, String value) {
    return server.request().header(header, value).get("/value").asString();
  }

  @Test
  void byDefaultRequestDirectivesAreIgnored() {
    start(RequestDirectives.IGNORE);
    server.request().get("/value");
    assertThat(get("Cache-Control", "no-cache")).isEqualTo("value 1");
    assertThat(get("Cache-Control", "max-age=0")).isEqualTo("value 1");
    assertThat(get("Pragma", "no-cache")).isEqualTo("value 1");
    assertThat(get("Cache-Control", "no-store")).isEqualTo("value 1");
    assertThat(resource.calls).hasValue(1);
  }

  @Test
  void honouredNoCacheAndPragmaGoToTheResourceAndStoreTheAnswer() {
    start(RequestDirectives.HONOR);
    server.request().get("/value");
    assertThat(get("Cache-Control", "no-cache")).isEqualTo("value 2");
    assertThat(get("Pragma", "no-cache")).isEqualTo("value 3");
    assertThat(server.request().get("/value").asString()).isEqualTo("value 3");
  }

  @Test
  void honouredMaxAgeLimitsTheAgeAccepted() {
    start(RequestDirectives.HONOR);
    server.request().get("/value");
    clock.advance(Duration.ofSeconds(20));
    assertThat(get("Cache-Control", "max-age=30")).isEqualTo("value 1");
    assertThat(get("Cache-Control", "max-age=10")).isEqualTo("value 2");
  }

  // RFC 9211 §2.2: fwd=request when the request's directives, not staleness, sent it on.
  @Test
  void aFreshEntryTheRequestRulesOutIsForwardedForTheRequest() {
    start(RequestDirectives.HONOR);
    server.request().get("/value");
    server
        .request()
        .header("Cache-Control", "no-cache")
        .get("/value")
        .then()
        .body(equalTo("value 2"))
        .header("Cache-Status", startsWith("restcache; fwd=request"));
  }

  @Test
  void honouredMinFreshAsksForRemainingFreshness() {
    start(RequestDirectives.HONOR);
    server.request().get("/value");
    clock.advance(Duration.ofSeconds(50));
    assertThat(get("Cache-Control", "min-fresh=5")).isEqualTo("value 1");
    assertThat(get("Cache-Control", "min-fresh=20")).isEqualTo("value 2");
  }

  @Test
  void honouredMaxStaleAcceptsAStaleEntryStillHeld() {
    ResponseCacheFeature feature =
        ResponseCacheFeature.builder()
            .clock(clock)
            .requestDirectives(RequestDirectives.HONOR)
            .build();
    server.start(Apps.of(feature, new StaleKept()));
    server.request().get("/kept");
    clock.advance(Duration.ofSeconds(15));
    server
        .request()
        .header("Cache-Control", "max-stale=10")
        .get("/kept")
        .then()
        .body(equalTo("kept 1"));
  }

  @Test
  void honouredNoStoreIsServedButNotStored() {
    start(RequestDirectives.HONOR);
    server
        .request()
        .header("Cache-Control", "no-store")
        .get("/value")
        .then()
        .header("Cache-Status", "restcache; fwd=uri-miss; detail=\"request-no-store\"");
    assertThat(server.request().get("/value").asString()).isEqualTo("value 2");
  }

  @Test
  void honouredOnlyIfCachedAnswers504WhenNothingIsStored() {
    start(RequestDirectives.HONOR);
    server
        .request()
        .header("Cache-Control", "only-if-cached")
        .get("/value")
        .then()
        .statusCode(504)
        .header("Cache-Status", "restcache; fwd=request; detail=\"only-if-cached\"");
    assertThat(resource.calls).hasValue(0);
    server.request().get("/value");
    server
        .request()
        .header("Cache-Control", "only-if-cached")
        .get("/value")
        .then()
        .statusCode(200)
        .body(equalTo("value 1"));
  }

  @Test
  void aReloadDoesNotReachTheResourceForAFreshImmutableResponse() {
    ResponseCacheFeature feature =
        ResponseCacheFeature.builder()
            .clock(clock)
            .requestDirectives(RequestDirectives.HONOR)
            .build();
    Immutable immutable = new Immutable();
    server.start(Apps.of(feature, immutable));
    server.request().get("/immutable");
    server
        .request()
        .header("Cache-Control", "no-cache")
        .get("/immutable")
        .then()
        .body(equalTo("asset 1"));
    assertThat(immutable.calls).hasValue(1);
  }

  /** A fingerprinted asset: never changes while fresh. */
  @Path("/immutable")
  public static class Immutable {
    final AtomicInteger calls = new AtomicInteger();

    @GET
    @Cached
    @dev.restcache.CacheControl(maxAge = 3600, immutable = true)
    public String asset() {
      return "asset " + calls.incrementAndGet();
    }
  }

  /** Fresh 10 s, kept 60 s more for stale-while-revalidate, so max-stale has something to use. */
  @Path("/kept")
  public static class StaleKept {
    final AtomicInteger calls = new AtomicInteger();

    @GET
    @Cached
    @dev.restcache.CacheControl(maxAge = 10, staleWhileRevalidate = 60)
    public String kept() {
      return "kept " + calls.incrementAndGet();
    }
  }
}
