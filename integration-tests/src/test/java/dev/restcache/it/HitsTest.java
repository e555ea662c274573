package dev.restcache.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.restcache.Cached;
import dev.restcache.ResponseCache;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.it.support.Apps;
import dev.restcache.it.support.MutableClock;
import dev.restcache.it.support.RunningServer;
import io.restassured.response.Response;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HitsTest {
  private final MutableClock clock = new MutableClock();
  private final Resource resource = new Resource();
  @RegisterExtension final RunningServer server = new RunningServer();

  @Path("/")
  @Produces("text/plain")
  public static class Resource {
    final AtomicInteger greetings = new AtomicInteger();
    final AtomicInteger plain = new AtomicInteger();

    @Context ResponseCache cache;

    @GET
    @Path("greeting")
    @Cached
    public String greeting() {
      return "hello " + greetings.incrementAndGet();
    }

    @GET
    @Path("plain")
    public String plain() {
      return "plain " + plain.incrementAndGet();
    }

    @GET
    @Path("hits")
    public String hits() {
      return Long.toString(cache.stats().hits());
    }
  }

  private void start(ResponseCacheFeature.Builder builder) {
    server.start(Apps.of(builder.clock(clock).build(), resource));
  }

  @Test
  void secondGetIsAHitAndTheResourceRanOnce() {
    start(ResponseCacheFeature.builder());
    server
        .request()
        .get("/greeting")
        .then()
        .statusCode(200)
        .body(equalTo("hello 1"))
        .header("Cache-Status", "restcache; fwd=uri-miss; stored")
        .header("Age", nullValue());
    server
        .request()
        .get("/greeting")
        .then()
        .statusCode(200)
        .body(equalTo("hello 1"))
        .header("Cache-Status", "restcache; hit; ttl=120")
        .header("Age", "0")
        .header("Content-Type", "text/plain");
    assertThat(resource.greetings).hasValue(1);
  }

  @Test
  void queryStringsAreSeparateEntries() {
    start(ResponseCacheFeature.builder());
    server.request().get("/greeting?a=1").then().body(equalTo("hello 1"));
    server.request().get("/greeting?a=2").then().body(equalTo("hello 2"));
    server.request().get("/greeting?a=1").then().body(equalTo("hello 1"));
    assertThat(resource.greetings).hasValue(2);
  }

  @Test
  void ageGrowsWithTheClockAndTtlShrinks() {
    start(ResponseCacheFeature.builder());
    server.request().get("/greeting");
    clock.advance(Duration.ofSeconds(5));
    server
        .request()
        .get("/greeting")
        .then()
        .header("Age", "5")
        .header("Cache-Status", "restcache; hit; ttl=115");
    clock.advance(Duration.ofSeconds(60));
    server.request().get("/greeting").then().header("Age", "65");
  }

  @Test
  void theStoredDateIsKeptOnHits() {
    start(ResponseCacheFeature.builder());
    String date = server.request().get("/greeting").header("Date");
    clock.advance(Duration.ofSeconds(3));
    server.request().get("/greeting").then().header("Date", date);
  }

  @Test
  void headIsAnsweredFromTheGetEntryWithoutBody() {
    start(ResponseCacheFeature.builder());
    server.request().get("/greeting");
    server
        .request()
        .head("/greeting")
        .then()
        .statusCode(200)
        .header("Cache-Status", "restcache; hit; ttl=120")
        .body(emptyString());
    assertThat(resource.greetings).hasValue(1);
  }

  @Test
  void headMissDoesNotFillTheCache() {
    start(ResponseCacheFeature.builder());
    server
        .request()
        .head("/greeting")
        .then()
        .statusCode(200)
        .header("Cache-Status", "restcache; fwd=uri-miss; detail=\"method\"");
    server
        .request()
        .get("/greeting")
        .then()
        .header("Cache-Status", "restcache; fwd=uri-miss; stored");
    assertThat(resource.greetings).hasValue(2);
  }

  @Test
  void generatedETagIsStrongAndTheSameOnMissAndHit() {
    start(ResponseCacheFeature.builder());
    String onMiss = server.request().get("/greeting").header("ETag");
    assertThat(onMiss).matches("\"[A-Za-z0-9_-]{22}\"");
    server.request().get("/greeting").then().header("ETag", onMiss);
  }

  @Test
  void noETagIsGeneratedWhenTurnedOff() {
    start(ResponseCacheFeature.builder().generateETags(false));
    server.request().get("/greeting").then().header("ETag", nullValue());
    server
        .request()
        .get("/greeting")
        .then()
        .header("ETag", nullValue())
        .header("Cache-Status", "restcache; hit; ttl=120");
  }

  @Test
  void unannotatedGetIsNotCachedByDefault() {
    start(ResponseCacheFeature.builder());
    server
        .request()
        .get("/plain")
        .then()
        .body(equalTo("plain 1"))
        .header("Cache-Status", nullValue());
    server.request().get("/plain").then().body(equalTo("plain 2"));
  }

  @Test
  void cacheAllCachesUnannotatedGets() {
    start(ResponseCacheFeature.builder().cacheAll(true));
    server.request().get("/plain").then().body(equalTo("plain 1"));
    server
        .request()
        .get("/plain")
        .then()
        .body(equalTo("plain 1"))
        .header("Cache-Status", "restcache; hit; ttl=120");
    assertThat(resource.plain).hasValue(1);
  }

  @Test
  void responseCacheIsInjectableAndCountsHits() {
    start(ResponseCacheFeature.builder());
    server.request().get("/greeting");
    server.request().get("/greeting");
    Response hits = server.request().get("/hits");
    assertThat(hits.asString()).isEqualTo("1");
  }

  @Test
  void statsCountMissesHitsAndStores() {
    ResponseCacheFeature feature = ResponseCacheFeature.builder().clock(clock).build();
    server.start(Apps.of(feature, resource));
    server.request().get("/greeting");
    server.request().get("/greeting");
    server.request().get("/greeting");
    assertThat(feature.cache().stats().hits()).isEqualTo(2);
    assertThat(feature.cache().stats().misses()).isEqualTo(1);
    assertThat(feature.cache().stats().stores()).isEqualTo(1);
    assertThat(feature.cache().stats().hitRatio()).isEqualTo(2 / 3.0);
  }
}
