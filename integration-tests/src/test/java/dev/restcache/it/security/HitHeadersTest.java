package dev.restcache.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.CacheControl;
import dev.restcache.Cached;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.it.support.Apps;
import dev.restcache.it.support.RunningServer;
import jakarta.annotation.Priority;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Family 9: hits do not duplicate headers. The cache stores what the resource produced and every
 * response filter (and writer interceptor) of the application runs again on every hit, so a header
 * an application filter adds must appear on a hit exactly as often as on the miss, with the value
 * that filter gives for this request: a CORS filter's {@code Access-Control-Allow-Origin} and
 * {@code Vary: Origin} once each, a reflected {@code Origin} that of the client asking, and
 * {@code @CacheControl} headers identical on miss and hit. Occurrences are counted on the wire.
 */
class HitHeadersTest {
  private static final String HIT = "restcache; hit";
  private static final String SHOP = "https://shop.example";
  private static final String EVIL = "https://evil.example";

  private final Resource resource = new Resource();
  @RegisterExtension final RunningServer server = new RunningServer();

  @Path("/")
  @Produces(MediaType.TEXT_PLAIN)
  public static class Resource {
    final AtomicInteger calls = new AtomicInteger();

    @GET
    @Path("page")
    @Cached
    public String page() {
      return "page " + calls.incrementAndGet();
    }

    @GET
    @Path("annotated")
    @Cached
    @CacheControl(maxAge = 60, isPublic = true, mustRevalidate = true, noTransform = true)
    public String annotated() {
      return "annotated " + calls.incrementAndGet();
    }

    @GET
    @Path("teams")
    @Cached(vary = "X-Team")
    public String teams() {
      return "teams " + calls.incrementAndGet();
    }
  }

  /** The CORS filter of countless tutorials: no priority, and add rather than put. */
  public static class Cors implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      response.getHeaders().add("Access-Control-Allow-Origin", "*");
      response.getHeaders().add("Vary", "Origin");
    }
  }

  /** Allows any origin by reflecting it, and says so in Vary. */
  public static class ReflectingCors implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      String origin = request.getHeaderString("Origin");
      if (origin != null) {
        response.getHeaders().add("Access-Control-Allow-Origin", origin);
        response.getHeaders().add("Access-Control-Allow-Credentials", "true");
        response.getHeaders().add("Vary", "Origin");
      }
    }
  }

  /** Reflects the origin and forgets Vary, as many do: each client must still get its own. */
  public static class ReflectingCorsWithoutVary implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      String origin = request.getHeaderString("Origin");
      if (origin != null) {
        response.getHeaders().add("Access-Control-Allow-Origin", origin);
      }
    }
  }

  /** Security headers added after the cache's response filters. */
  @Priority(50)
  public static class SecurityHeaders implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      response.getHeaders().add("X-Content-Type-Options", "nosniff");
      response.getHeaders().add("Strict-Transport-Security", "max-age=31536000");
    }
  }

  /** Echoes the caller's request id, or numbers the request. */
  public static class RequestId implements ContainerResponseFilter {
    final AtomicInteger requests = new AtomicInteger();

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      String id = request.getHeaderString("X-Request-Id");
      response
          .getHeaders()
          .add("X-Request-Id", id != null ? id : "generated-" + requests.incrementAndGet());
    }
  }

  /** Stamps every body it writes. */
  public static class PoweredBy implements WriterInterceptor {
    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
      context.getHeaders().add("X-Powered-By", "bookshop");
      context.proceed();
    }
  }

  /** Masks the body in place, for a client that asks for it: the hit's entity array itself. */
  public static class InPlaceMask implements WriterInterceptor {
    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
      if (context.getEntity() instanceof byte[] body
          && "yes".equals(context.getHeaders().getFirst("X-Masked"))) {
        java.util.Arrays.fill(body, (byte) '*');
      }
      context.proceed();
    }
  }

  /** Marks the response of a client asking for masking, before the writer runs. */
  public static class MaskRequested implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      if (request.getHeaderString("X-Mask") != null) {
        response.getHeaders().putSingle("X-Masked", "yes");
      }
    }
  }

  private ResourceConfig app() {
    return Apps.of(ResponseCacheFeature.withDefaults(), resource);
  }

  private static List<String> values(io.restassured.response.Response response, String name) {
    return response.headers().getList(name).stream().map(h -> h.getValue()).toList();
  }

  /** The members of every line of a list header, lower-cased, in order. */
  private static List<String> members(io.restassured.response.Response response, String name) {
    List<String> members = new ArrayList<>();
    for (String line : values(response, name)) {
      for (String member : line.split(",")) {
        if (!member.isBlank()) {
          members.add(member.trim().toLowerCase(Locale.ROOT));
        }
      }
    }
    return members;
  }

  private static void assertHit(io.restassured.response.Response response) {
    assertThat(values(response, "Cache-Status")).hasSize(1);
    assertThat(response.header("Cache-Status")).startsWith(HIT);
  }

  private io.restassured.response.Response get(String path, String origin) {
    return origin == null
        ? server.request().get(path)
        : server.request().header("Origin", origin).get(path);
  }

  @Test
  void aCorsFiltersHeadersAppearOnceOnAHitWithTheMissValues() {
    server.start(app().register(Cors.class));
    io.restassured.response.Response miss = get("/page", SHOP);
    io.restassured.response.Response hit = get("/page", SHOP);
    assertHit(hit);
    assertThat(hit.asString()).isEqualTo("page 1");
    for (io.restassured.response.Response response : List.of(miss, hit)) {
      assertThat(values(response, "Access-Control-Allow-Origin")).containsExactly("*");
      assertThat(members(response, "Vary")).containsOnlyOnce("origin");
      assertThat(members(response, "Vary")).doesNotHaveDuplicates();
    }
    assertThat(values(hit, "Vary")).isEqualTo(values(miss, "Vary"));
    assertThat(resource.calls).hasValue(1);
  }

  @Test
  void aCorsFiltersHeadersStayOnceOverManyHits() {
    server.start(app().register(Cors.class));
    for (int i = 0; i < 4; i++) {
      io.restassured.response.Response response = get("/page", null);
      assertThat(values(response, "Access-Control-Allow-Origin"))
          .as("request " + i)
          .containsExactly("*");
      assertThat(members(response, "Vary")).as("request " + i).doesNotHaveDuplicates();
    }
    assertThat(resource.calls).hasValue(1);
  }

  @Test
  void aReflectedOriginIsEachClientsOwnOnAHit() {
    server.start(app().register(ReflectingCors.class));
    io.restassured.response.Response shopMiss = get("/page", SHOP);
    io.restassured.response.Response shopHit = get("/page", SHOP);
    assertHit(shopHit);
    io.restassured.response.Response evil = get("/page", EVIL);
    io.restassured.response.Response evilAgain = get("/page", EVIL);
    io.restassured.response.Response noOrigin = get("/page", null);
    assertThat(values(shopMiss, "Access-Control-Allow-Origin")).containsExactly(SHOP);
    assertThat(values(shopHit, "Access-Control-Allow-Origin")).containsExactly(SHOP);
    assertThat(values(shopHit, "Access-Control-Allow-Credentials")).containsExactly("true");
    assertThat(members(shopHit, "Vary")).containsOnlyOnce("origin");
    assertThat(values(evil, "Access-Control-Allow-Origin")).containsExactly(EVIL);
    assertThat(values(evilAgain, "Access-Control-Allow-Origin")).containsExactly(EVIL);
    assertThat(values(noOrigin, "Access-Control-Allow-Origin")).isEmpty();
    assertThat(values(noOrigin, "Access-Control-Allow-Credentials")).isEmpty();
  }

  @Test
  void aReflectedOriginWithoutVaryIsStillEachClientsOwnOnAHit() {
    server.start(app().register(ReflectingCorsWithoutVary.class));
    assertThat(values(get("/page", SHOP), "Access-Control-Allow-Origin")).containsExactly(SHOP);
    io.restassured.response.Response evil = get("/page", EVIL);
    assertThat(values(evil, "Access-Control-Allow-Origin")).containsExactly(EVIL);
    io.restassured.response.Response noOrigin = get("/page", null);
    assertThat(values(noOrigin, "Access-Control-Allow-Origin")).isEmpty();
    io.restassured.response.Response shop = get("/page", SHOP);
    assertThat(values(shop, "Access-Control-Allow-Origin")).containsExactly(SHOP);
  }

  @Test
  void cacheControlFromTheAnnotationIsIdenticalOnMissAndHit() {
    server.start(app().register(Cors.class));
    io.restassured.response.Response miss = get("/annotated", null);
    io.restassured.response.Response hit = get("/annotated", null);
    assertHit(hit);
    assertThat(values(miss, "Cache-Control")).hasSize(1);
    assertThat(values(hit, "Cache-Control")).isEqualTo(values(miss, "Cache-Control"));
    assertThat(members(hit, "Cache-Control"))
        .contains("public", "must-revalidate", "no-transform", "max-age=60")
        .doesNotHaveDuplicates();
    assertThat(hit.asString()).isEqualTo("annotated 1");
  }

  // Own attack: headers added after the cache's filters (priority 50), on miss and hit.
  @Test
  void headersFromAResponseFilterAtPriority50AppearOnceOnAHit() {
    server.start(app().register(SecurityHeaders.class));
    io.restassured.response.Response miss = get("/page", null);
    io.restassured.response.Response hit = get("/page", null);
    assertHit(hit);
    for (io.restassured.response.Response response : List.of(miss, hit)) {
      assertThat(values(response, "X-Content-Type-Options")).containsExactly("nosniff");
      assertThat(values(response, "Strict-Transport-Security")).containsExactly("max-age=31536000");
    }
  }

  // Own attack: a per-request header must be this request's, not the stored request's too.
  @Test
  void aPerRequestHeaderOnAHitIsThatRequestsOnly() {
    server.start(app().register(new RequestId()));
    io.restassured.response.Response miss =
        server.request().header("X-Request-Id", "alice-1").get("/page");
    assertThat(values(miss, "X-Request-Id")).containsExactly("alice-1");
    io.restassured.response.Response hit =
        server.request().header("X-Request-Id", "bob-7").get("/page");
    assertHit(hit);
    assertThat(values(hit, "X-Request-Id")).containsExactly("bob-7");
    io.restassured.response.Response anonymous = server.request().get("/page");
    assertThat(values(anonymous, "X-Request-Id")).containsExactly("generated-1");
  }

  // Own attack: a WriterInterceptor runs again when the hit's body is written.
  @Test
  void aHeaderFromAWriterInterceptorAppearsOnceOnAHit() {
    server.start(app().register(PoweredBy.class));
    io.restassured.response.Response miss = get("/page", null);
    io.restassured.response.Response hit = get("/page", null);
    assertHit(hit);
    assertThat(values(miss, "X-Powered-By")).containsExactly("bookshop");
    assertThat(values(hit, "X-Powered-By")).containsExactly("bookshop");
  }

  // Own attack: hits on a hot key replay one decoded body; an interceptor that changes the entity
  // array in place for one client must not change what the next client is sent.
  @Test
  void aWriterInterceptorThatChangesTheBodyInPlaceChangesOnlyItsOwnResponse() {
    server.start(app().register(InPlaceMask.class).register(MaskRequested.class));
    assertThat(get("/page", null).asString()).isEqualTo("page 1");
    io.restassured.response.Response masked = server.request().header("X-Mask", "1").get("/page");
    assertHit(masked);
    assertThat(masked.asString()).isEqualTo("******");
    io.restassured.response.Response hit = get("/page", null);
    assertHit(hit);
    assertThat(hit.asString()).isEqualTo("page 1");
    assertThat(resource.calls).hasValue(1);
  }

  // Own attack: the cache's own fields and the application's together, on a full hit, a HEAD
  // hit and a 304 from the cache.
  @Test
  void noFieldIsRepeatedOnAFullHitAHeadHitOrANotModified() {
    server.start(app().register(Cors.class));
    io.restassured.response.Response miss = get("/page", SHOP);
    String etag = miss.header("ETag");
    assertThat(etag).isNotNull();
    io.restassured.response.Response hit = get("/page", SHOP);
    io.restassured.response.Response head = server.request().header("Origin", SHOP).head("/page");
    io.restassured.response.Response notModified =
        server.request().header("Origin", SHOP).header("If-None-Match", etag).get("/page");
    assertThat(notModified.statusCode()).isEqualTo(304);
    for (io.restassured.response.Response response : List.of(hit, head, notModified)) {
      for (String name :
          List.of("ETag", "Date", "Age", "Cache-Status", "Access-Control-Allow-Origin")) {
        assertThat(values(response, name)).as(name + " in " + response.headers()).hasSize(1);
      }
      assertThat(response.header("ETag")).isEqualTo(etag);
      assertThat(members(response, "Vary")).doesNotHaveDuplicates();
    }
    for (io.restassured.response.Response response : List.of(hit, head)) {
      assertThat(values(response, "Content-Type")).hasSize(1);
    }
    assertThat(resource.calls).hasValue(1);
  }

  // Own attack: Vary from @Cached(vary) merged with the CORS filter's Vary, on the hit.
  @Test
  void varyFromTheAnnotationAndFromAFilterNamesEachHeaderOnceOnAHit() {
    server.start(app().register(Cors.class));
    io.restassured.response.Response miss = server.request().header("X-Team", "acme").get("/teams");
    io.restassured.response.Response hit = server.request().header("X-Team", "acme").get("/teams");
    assertHit(hit);
    for (io.restassured.response.Response response : List.of(miss, hit)) {
      assertThat(members(response, "Vary"))
          .containsOnlyOnce("origin", "x-team")
          .doesNotHaveDuplicates();
      assertThat(values(response, "Access-Control-Allow-Origin")).containsExactly("*");
    }
    assertThat(resource.calls).hasValue(1);
  }
}
