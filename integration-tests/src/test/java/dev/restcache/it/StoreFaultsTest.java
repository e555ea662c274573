package dev.restcache.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.restcache.CacheStats;
import dev.restcache.Cached;
import dev.restcache.Invalidates;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.it.support.Apps;
import dev.restcache.it.support.FaultyStore;
import dev.restcache.it.support.FaultyStore.Fault;
import dev.restcache.it.support.RunningServer;
import io.restassured.response.Response;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Faults injected through the store SPI: whatever the store does, every request is answered by the
 * resource, none waits for the store much past the store timeout, none gets a 5xx from the cache,
 * and each fault is counted and logged.
 */
class StoreFaultsTest {
  private static final Duration TIMEOUT = Duration.ofMillis(300);
  // Room for a loaded 2-core machine; a request that waited twice would still be near 600 ms.
  private static final Duration SLACK = Duration.ofMillis(250);

  @RegisterExtension final RunningServer server = new RunningServer();
  private final Resource resource = new Resource();
  private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
  private final Logger log = Logger.getLogger("dev.restcache");
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            warnings.add(record);
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @Path("/")
  public static class Resource {
    final AtomicInteger calls = new AtomicInteger();

    @GET
    @Path("a")
    @Cached
    public String a() {
      return "a " + calls.incrementAndGet();
    }

    @PUT
    @Path("a")
    public String write(String body) {
      return "written";
    }

    @GET
    @Path("tagged")
    @Cached(tags = "t")
    public String tagged() {
      return "tagged " + calls.incrementAndGet();
    }

    @POST
    @Path("touch")
    @Invalidates(
        tags = "t",
        paths = {"/a", "/tagged"})
    public String touch() {
      return "touched";
    }
  }

  @BeforeEach
  void captureWarnings() {
    log.addHandler(capture);
  }

  @AfterEach
  void stopCapturing() {
    log.removeHandler(capture);
  }

  private ResponseCacheFeature start(FaultyStore store) {
    // Writes wait for their evictions as long as reads wait for the store, so that every
    // request of the workload is held to the same bound.
    ResponseCacheFeature feature =
        ResponseCacheFeature.builder()
            .store(store)
            .storeTimeout(TIMEOUT)
            .evictionTimeout(TIMEOUT)
            .build();
    server.start(Apps.of(feature, resource));
    return feature;
  }

  private static final List<Function<RunningServer, Response>> WORKLOAD =
      List.of(
          s -> s.request().get("/a"),
          s -> s.request().get("/a"),
          s -> s.request().get("/a?x=1"),
          s -> s.request().body("x").put("/a"),
          s -> s.request().get("/tagged"),
          s -> s.request().post("/touch"),
          s -> s.request().get("/tagged"),
          s -> s.request().head("/a"));

  @ParameterizedTest
  @EnumSource(
      value = Fault.class,
      names = {"THROWS", "FAILS", "HANGS", "SLOW"})
  void everyRequestIsAnsweredByTheResourceWithinTheTimeout(Fault fault) {
    FaultyStore store = new FaultyStore(fault, TIMEOUT.multipliedBy(3));
    ResponseCacheFeature feature = start(store);
    server.request().get("/a");
    int reads = 0;
    for (int i = 0; i < WORKLOAD.size(); i++) {
      Function<RunningServer, Response> request = WORKLOAD.get(i);
      long started = System.nanoTime();
      Response response = request.apply(server);
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertThat(response.statusCode()).as(fault + " " + response.asString()).isBetween(200, 299);
      assertThat(took).as(fault + " request " + i).isLessThan(TIMEOUT.plus(SLACK));
      String status = response.header("Cache-Status");
      if (status != null) {
        assertThat(status).as(fault.name()).doesNotContain("hit");
      }
      reads += response.asString().matches("(a|tagged) \\d+") ? 1 : 0;
    }
    // The first GET, every read above, and the HEAD, whose body the container drops.
    assertThat(resource.calls.get()).isEqualTo(1 + reads + 1);
    CacheStats stats = feature.cache().stats();
    assertThat(stats.hits()).isZero();
    assertThat(stats.storeErrors()).isPositive();
    assertThat(warnings).as("one warning per fault").hasSize((int) stats.storeErrors());
  }

  @Test
  void corruptEntriesAreCountedLoggedAndReplacedByTheResource() {
    FaultyStore store = new FaultyStore(Fault.CORRUPTS, Duration.ZERO);
    ResponseCacheFeature feature = start(store);
    for (int i = 1; i <= 4; i++) {
      server.request().get("/a").then().statusCode(200).body(equalTo("a " + i));
    }
    CacheStats stats = feature.cache().stats();
    assertThat(stats.hits()).isZero();
    assertThat(stats.storeErrors()).isEqualTo(store.faults()).isEqualTo(3);
    assertThat(warnings).hasSize(3).allSatisfy(r -> assertThat(r.getMessage()).contains("corrupt"));
  }

  @Test
  void aStoreSlowerThanUsualButWithinTheTimeoutStillCaches() {
    FaultyStore store = new FaultyStore(Fault.SLOW, TIMEOUT.dividedBy(6));
    ResponseCacheFeature feature = start(store);
    server.request().get("/a").then().statusCode(200);
    server
        .request()
        .get("/a")
        .then()
        .statusCode(200)
        .header("Cache-Status", startsWith("restcache; hit"));
    assertThat(feature.cache().stats().storeErrors()).isZero();
    assertThat(warnings).isEmpty();
  }
}
