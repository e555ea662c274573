package dev.restcache.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.restcache.Cached;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.it.support.Apps;
import dev.restcache.it.support.MutableClock;
import dev.restcache.it.support.RunningServer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FreshnessTest {
  private final MutableClock clock = new MutableClock();
  private final Resource resource = new Resource(clock);
  @RegisterExtension final RunningServer server = new RunningServer();

  @Path("/")
  public static class Resource {
    final AtomicInteger calls = new AtomicInteger();
    private final Clock clock;

    Resource(Clock clock) {
      this.clock = clock;
    }

    @GET
    @Path("ttl")
    @Cached(ttl = 10)
    public String ttl() {
      return "ttl " + calls.incrementAndGet();
    }

    @GET
    @Path("max-age")
    @Cached(ttl = 10)
    public Response maxAge() {
      return Response.ok("max-age " + calls.incrementAndGet())
          .header("Cache-Control", "max-age=30")
          .build();
    }

    @GET
    @Path("expires")
    @Cached(ttl = 10)
    public Response expires() {
      return Response.ok("expires " + calls.incrementAndGet())
          .header("Date", httpDate(clock.instant()))
          .header("Expires", httpDate(clock.instant().plusSeconds(20)))
          .build();
    }

    @GET
    @Path("default")
    @Cached
    public String defaultTtl() {
      return "default " + calls.incrementAndGet();
    }
  }

  private void start(ResponseCacheFeature.Builder builder) {
    server.start(Apps.of(builder.clock(clock).build(), resource));
  }

  private String get(String path) {
    return server.request().get(path).asString();
  }

  @Test
  void cachedTtlIsHonouredToTheSecond() {
    start(ResponseCacheFeature.builder());
    get("/ttl");
    clock.advance(Duration.ofSeconds(9));
    server
        .request()
        .get("/ttl")
        .then()
        .body(equalTo("ttl 1"))
        .header("Cache-Status", "restcache; hit; ttl=1")
        .header("Age", "9");
    clock.advance(Duration.ofSeconds(2));
    // Its only validator is the generated ETag, which the resource cannot confirm: the entry
    // ends with its freshness.
    server
        .request()
        .get("/ttl")
        .then()
        .body(equalTo("ttl 2"))
        .header("Cache-Status", "restcache; fwd=uri-miss; stored");
  }

  @Test
  void maxAgeFromTheResponseBeatsTheTtl() {
    start(ResponseCacheFeature.builder());
    get("/max-age");
    clock.advance(Duration.ofSeconds(25));
    assertThat(get("/max-age")).isEqualTo("max-age 1");
    clock.advance(Duration.ofSeconds(6));
    assertThat(get("/max-age")).isEqualTo("max-age 2");
  }

  @Test
  void expiresMinusDateIsTheLifetime() {
    start(ResponseCacheFeature.builder());
    get("/expires");
    clock.advance(Duration.ofSeconds(19));
    assertThat(get("/expires")).isEqualTo("expires 1");
    clock.advance(Duration.ofSeconds(2));
    assertThat(get("/expires")).isEqualTo("expires 2");
  }

  @Test
  void defaultTtlAppliesWhenNeitherResponseNorAnnotationSetsOne() {
    start(ResponseCacheFeature.builder().defaultTtl(Duration.ofSeconds(50)));
    get("/default");
    clock.advance(Duration.ofSeconds(49));
    assertThat(get("/default")).isEqualTo("default 1");
    clock.advance(Duration.ofSeconds(1));
    assertThat(get("/default")).isEqualTo("default 2");
  }

  @Test
  void zeroDefaultTtlStoresOnlyDeclaredFreshness() {
    start(ResponseCacheFeature.builder().defaultTtl(Duration.ZERO));
    server
        .request()
        .get("/default")
        .then()
        .header("Cache-Status", "restcache; fwd=uri-miss; detail=\"no-freshness\"");
    assertThat(get("/default")).isEqualTo("default 2");
    get("/max-age");
    assertThat(get("/max-age")).isEqualTo("max-age 3");
  }

  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

  private static String httpDate(Instant instant) {
    return IMF_FIXDATE.format(instant.atOffset(ZoneOffset.UTC));
  }
}
