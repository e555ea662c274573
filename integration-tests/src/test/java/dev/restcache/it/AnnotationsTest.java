package dev.restcache.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.restcache.CacheControl;
import dev.restcache.Cached;
import dev.restcache.NeverCache;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.it.support.Apps;
import dev.restcache.it.support.MutableClock;
import dev.restcache.it.support.RunningServer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AnnotationsTest {
  private final Resource resource = new Resource();
  @RegisterExtension final RunningServer server = new RunningServer();

  @Path("/")
  @Cached
  public static class Resource {
    final AtomicInteger calls = new AtomicInteger();

    @GET
    @Path("never")
    @NeverCache
    public Response never() {
      return Response.ok("never " + calls.incrementAndGet())
          .header("Cache-Control", "public, max-age=600")
          .build();
    }

    @GET
    @Path("control")
    @CacheControl(maxAge = 30, mustRevalidate = true)
    public String control() {
      return "control " + calls.incrementAndGet();
    }

    @GET
    @Path("merged")
    @CacheControl(maxAge = 30, mustRevalidate = true)
    public Response merged() {
      return Response.ok("merged " + calls.incrementAndGet())
          .header("Cache-Control", "max-age=60, no-transform")
          .build();
    }

    @GET
    @Path("smaller")
    @CacheControl(maxAge = 30)
    public Response smaller() {
      return Response.ok("smaller").header("Cache-Control", "max-age=10").build();
    }

    @GET
    @Path("inherited")
    public String inherited() {
      return "inherited " + calls.incrementAndGet();
    }
  }

  @Path("/")
  public static class PrivateAndPublic {
    @GET
    @CacheControl(isPrivate = true, isPublic = true)
    public String both() {
      return "both";
    }
  }

  @Path("/")
  public static class CachedAndNever {
    @GET
    @Cached
    @NeverCache
    public String both() {
      return "both";
    }
  }

  @Path("/")
  public static class ControlOnly {
    final AtomicInteger calls = new AtomicInteger();

    @GET
    @CacheControl(maxAge = 60, isPublic = true)
    public String get() {
      return "control only " + calls.incrementAndGet();
    }
  }

  private void start(ResponseCacheFeature.Builder builder, Object... resources) {
    server.start(Apps.of(builder.clock(new MutableClock()).build(), resources));
  }

  @Test
  void neverCacheSetsExactHeadersAndIsNeverStored() {
    start(ResponseCacheFeature.builder(), resource);
    server
        .request()
        .get("/never")
        .then()
        .header("Cache-Control", "max-age=0, no-cache, no-store, must-revalidate, private")
        .header("Expires", "Thu, 01 Jan 1970 00:00:00 GMT")
        .header("Cache-Status", nullValue());
    server.request().get("/never").then().body(equalTo("never 2"));
  }

  @Test
  void neverCacheWinsOverApplicationWideCaching() {
    start(ResponseCacheFeature.builder().cacheAll(true), resource);
    server.request().get("/never");
    server.request().get("/never").then().body(equalTo("never 2"));
  }

  @Test
  void cacheControlHeaderIsExact() {
    start(ResponseCacheFeature.builder(), resource);
    server.request().get("/control").then().header("Cache-Control", "must-revalidate, max-age=30");
    server
        .request()
        .get("/control")
        .then()
        .header("Cache-Control", "must-revalidate, max-age=30")
        .header("Cache-Status", "restcache; hit; ttl=30");
    assertThat(resource.calls).hasValue(1);
  }

  @Test
  void cacheControlMergesWithTheResponsesOwnAndTheSmallerMaxAgeWins() {
    start(ResponseCacheFeature.builder(), resource);
    server
        .request()
        .get("/merged")
        .then()
        .header("Cache-Control", "no-transform, must-revalidate, max-age=30");
    server.request().get("/smaller").then().header("Cache-Control", "max-age=10");
  }

  @Test
  void cacheControlAloneStoresNothing() {
    ControlOnly controlOnly = new ControlOnly();
    start(ResponseCacheFeature.builder(), controlOnly);
    server
        .request()
        .get("/")
        .then()
        .header("Cache-Control", "public, max-age=60")
        .header("Cache-Status", nullValue());
    server.request().get("/").then().body(equalTo("control only 2"));
  }

  @Test
  void classLevelCachedAppliesToEveryGetMethod() {
    start(ResponseCacheFeature.builder(), resource);
    server.request().get("/inherited");
    server.request().get("/inherited").then().body(equalTo("inherited 1"));
  }

  @Test
  void privateWithPublicFailsTheDeploymentNamingTheMethod() {
    assertThatThrownBy(() -> start(ResponseCacheFeature.builder(), PrivateAndPublic.class))
        .hasStackTraceContaining("isPrivate and isPublic")
        .hasStackTraceContaining("PrivateAndPublic.both");
  }

  @Test
  void cachedWithNeverCacheFailsTheDeploymentNamingTheMethod() {
    assertThatThrownBy(() -> start(ResponseCacheFeature.builder(), CachedAndNever.class))
        .hasStackTraceContaining("@Cached and @NeverCache")
        .hasStackTraceContaining("CachedAndNever.both");
  }
}
