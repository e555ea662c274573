package dev.restcache.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.restcache.CacheStats;
import dev.restcache.Cached;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.memory.InMemoryCacheStore;
import dev.restcache.spi.CacheEntry;
import dev.restcache.spi.CacheStore;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The meters after real requests to a Jersey application on Grizzly, read from a Prometheus
 * registry and from the {@code /metrics} endpoint the user guide shows.
 */
class ResponseCacheMetricsTest {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Books books = new Books();
  private LoopbackServer server;

  @Path("/")
  @Produces("text/plain")
  public static class Books {
    final AtomicInteger reads = new AtomicInteger();

    @GET
    @Path("books/{id}")
    @Cached
    public String book(@PathParam("id") int id) {
      reads.incrementAndGet();
      return "book " + id;
    }

    @PUT
    @Path("books/{id}")
    @Consumes("text/plain")
    public String update(@PathParam("id") int id, String title) {
      return "updated " + id;
    }

    @GET
    @Path("account")
    @Cached
    public Response account() {
      return Response.ok("your account").header("Cache-Control", "private").build();
    }
  }

  /** The scrape endpoint of the user guide. */
  @Path("/metrics")
  public static class Metrics {
    private final PrometheusMeterRegistry registry;

    public Metrics(PrometheusMeterRegistry registry) {
      this.registry = registry;
    }

    @GET
    @Produces("text/plain; version=0.0.4; charset=utf-8")
    public String scrape() {
      return registry.scrape();
    }
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** The set-up of the user guide, around {@code store}. */
  private ResponseCacheFeature start(CacheStore backing) {
    CacheStore store = new TimedCacheStore(backing, registry);
    ResponseCacheFeature feature = ResponseCacheFeature.builder().store(store).build();
    new ResponseCacheMetrics(feature.cache(), store).bindTo(registry);
    server =
        new LoopbackServer(
            new ResourceConfig().register(feature).register(books).register(new Metrics(registry)));
    return feature;
  }

  @Test
  void countsHitsMissesStoresRefusalsAndEvictionsOfRealRequests() {
    ResponseCacheFeature feature = start(new InMemoryCacheStore());

    server.request().get("/books/1").then().statusCode(200).body(equalTo("book 1"));
    server
        .request()
        .get("/books/1")
        .then()
        .statusCode(200)
        .header("Cache-Status", startsWith("restcache; hit;"));
    server.request().get("/account").then().statusCode(200);
    server.request().get("/account").then().statusCode(200);
    server
        .request()
        .contentType("text/plain")
        .body("New title")
        .put("/books/1")
        .then()
        .statusCode(200);
    server
        .request()
        .get("/books/1")
        .then()
        .statusCode(200)
        .header("Cache-Status", "restcache; fwd=uri-miss; stored");

    assertThat(books.reads).hasValue(2);
    assertThat(counter("restcache.hits")).isEqualTo(1);
    assertThat(counter("restcache.misses")).isEqualTo(4);
    assertThat(counter("restcache.stores")).isEqualTo(2);
    assertThat(
            registry.get("restcache.not.stored").tag("reason", "private").functionCounter().count())
        .isEqualTo(2);
    assertThat(
            registry
                .get("restcache.not.stored")
                .tag("reason", "set-cookie")
                .functionCounter()
                .count())
        .isZero();
    CacheStats stats = feature.cache().stats();
    assertThat(stats.invalidations()).isPositive();
    assertThat(counter("restcache.invalidations")).isEqualTo((double) stats.invalidations());
    assertThat(counter("restcache.store.errors")).isZero();
    assertThat(registry.get("restcache.entries").gauge().value()).isEqualTo(1);
    assertThat(registry.get("restcache.size").gauge().value()).isPositive();
    assertThat(counter("restcache.evictions")).isZero();
  }

  @Test
  void timesEveryStoreCallByOperationAndOutcome() {
    start(new InMemoryCacheStore());

    server.request().get("/books/1").then().statusCode(200);
    server.request().get("/books/1").then().statusCode(200);
    server
        .request()
        .contentType("text/plain")
        .body("New title")
        .put("/books/1")
        .then()
        .statusCode(200);

    assertThat(storeCalls("put", "success")).isEqualTo(1);
    assertThat(storeCalls("get", "success")).isGreaterThanOrEqualTo(2);
    assertThat(storeCalls("invalidate-path", "success")).isGreaterThanOrEqualTo(1);
    assertThat(storeCalls("get", "error")).isZero();
  }

  @Test
  void aFailingStoreIsCountedAndTimedAsErrorsWhileRequestsAreServed() {
    start(new FailingStore());

    server.request().get("/books/1").then().statusCode(200).body(equalTo("book 1"));
    server.request().get("/books/1").then().statusCode(200).body(equalTo("book 1"));

    assertThat(books.reads).hasValue(2);
    assertThat(counter("restcache.hits")).isZero();
    assertThat(counter("restcache.store.errors")).isPositive();
    assertThat(storeCalls("get", "error")).isPositive();
    assertThat(storeCalls("get", "success")).isZero();
    assertThat(registry.find("restcache.size").gauge()).isNull();
  }

  @Test
  void theScrapeEndpointServesTheMetersInPrometheusTextFormat() {
    start(new InMemoryCacheStore());
    server.request().get("/books/1").then().statusCode(200);
    server.request().get("/books/1").then().statusCode(200);
    server.request().get("/account").then().statusCode(200);

    String scrape = server.request().get("/metrics").then().statusCode(200).extract().asString();

    assertThat(scrape)
        .containsPattern("(?m)^restcache_hits_total 1\\.0$")
        .containsPattern("(?m)^restcache_misses_total 2\\.0$")
        .containsPattern("(?m)^restcache_stores_total 1\\.0$")
        .containsPattern("(?m)^restcache_not_stored_total\\{reason=\"private\"} 1\\.0$")
        .containsPattern("(?m)^restcache_entries 1\\.0$")
        .containsPattern(
            "(?m)^restcache_store_calls_seconds_count\\{operation=\"put\",outcome=\"success\"} 1$");
  }

  private double counter(String name) {
    return registry.get(name).functionCounter().count();
  }

  private long storeCalls(String operation, String outcome) {
    return registry
        .get(TimedCacheStore.METER_NAME)
        .tag("operation", operation)
        .tag("outcome", outcome)
        .timer()
        .count();
  }

  /** A store whose every call fails, as an unreachable remote store's would. */
  private static final class FailingStore implements CacheStore {
    @Override
    public CompletionStage<Optional<CacheEntry>> get(String key) {
      return CompletableFuture.failedFuture(new IllegalStateException("store down"));
    }

    @Override
    public CompletionStage<Long> generation(String path) {
      return CompletableFuture.failedFuture(new IllegalStateException("store down"));
    }

    @Override
    public CompletionStage<Boolean> put(String key, CacheEntry entry, long generation) {
      return CompletableFuture.failedFuture(new IllegalStateException("store down"));
    }

    @Override
    public CompletionStage<Void> invalidatePath(String path) {
      return CompletableFuture.failedFuture(new IllegalStateException("store down"));
    }

    @Override
    public CompletionStage<Void> invalidateTags(Set<String> tags) {
      return CompletableFuture.failedFuture(new IllegalStateException("store down"));
    }

    @Override
    public CompletionStage<Void> clear() {
      return CompletableFuture.failedFuture(new IllegalStateException("store down"));
    }
  }
}
