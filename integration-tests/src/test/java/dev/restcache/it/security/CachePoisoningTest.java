package dev.restcache.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.restcache.Cached;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.it.support.Apps;
import dev.restcache.it.support.RunningServer;
import io.restassured.http.Header;
import io.restassured.http.Headers;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.jersey.server.filter.HttpMethodOverrideFilter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Unkeyed inputs: request headers and content that change what the application answers. Each must
 * either be part of the key or keep the request away from the cache, so that no client can store a
 * response that others are then served.
 */
class CachePoisoningTest {
  private static final String MISS = "restcache; fwd=uri-miss; stored";
  private static final String HIT_PREFIX = "restcache; hit";

  private final Resource resource = new Resource();
  @RegisterExtension final RunningServer server = new RunningServer();

  /** Builds links from the headers a framework or a reverse proxy would use. */
  @Path("/")
  public static class Resource {
    final AtomicInteger calls = new AtomicInteger();

    @GET
    @Path("page")
    @Cached
    public String page(@Context UriInfo uri, @Context HttpHeaders headers) {
      calls.incrementAndGet();
      String host = headers.getHeaderString("X-Forwarded-Host");
      String proto = headers.getHeaderString("X-Forwarded-Proto");
      String scheme = headers.getHeaderString("X-Forwarded-Scheme");
      String original = headers.getHeaderString("X-Original-URL");
      return "link "
          + (proto != null ? proto : scheme != null ? scheme : uri.getBaseUri().getScheme())
          + "://"
          + (host != null ? host : uri.getBaseUri().getAuthority())
          + (original != null ? original : "/page");
    }

    /** Rejects what it considers a malformed header, as containers and frameworks do. */
    @GET
    @Path("strict")
    @Cached
    public Response strict(@HeaderParam("X-Meta") String meta) {
      calls.incrementAndGet();
      return meta != null && meta.contains("\\")
          ? Response.status(400).entity("bad header").build()
          : Response.ok("strict").build();
    }

    @GET
    @Path("search")
    @Cached
    public String search(String query) {
      calls.incrementAndGet();
      return "results for " + query;
    }

    @DELETE
    @Path("page")
    public String delete() {
      return "deleted";
    }
  }

  @BeforeEach
  void start() {
    server.start(
        Apps.of(ResponseCacheFeature.withDefaults(), resource)
            .register(HttpMethodOverrideFilter.class));
  }

  private String page(Header... headers) {
    return server
        .request()
        .headers(new Headers(headers))
        .get("/page")
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  @Test
  void forwardedHostAndSchemeAreKeyedSoAForgedOneOnlyReachesItsSender() {
    assertThat(page(new Header("X-Forwarded-Host", "evil.example"))).contains("evil.example");
    assertThat(page(new Header("X-Forwarded-Proto", "gopher"))).startsWith("link gopher://");
    assertThat(page(new Header("X-Forwarded-Scheme", "ftp"))).startsWith("link ftp://");
    assertThat(page()).matches("link http://127\\.0\\.0\\.1:\\d+/page");
    assertThat(resource.calls).hasValue(4);
    server
        .request()
        .header("X-Forwarded-Host", "evil.example")
        .get("/page")
        .then()
        .header("Cache-Status", startsWith(HIT_PREFIX))
        .body(containsString("evil.example"));
    server
        .request()
        .get("/page")
        .then()
        .header("Cache-Status", startsWith(HIT_PREFIX))
        .body(not(containsString("evil")));
    assertThat(resource.calls).hasValue(4);
  }

  @Test
  void aProxyThatAlwaysForwardsStillGetsHits() {
    Header host = new Header("X-Forwarded-Host", "shop.example");
    Header proto = new Header("X-Forwarded-Proto", "https");
    page(host, proto);
    page(host, proto);
    assertThat(resource.calls).hasValue(1);
  }

  @Test
  void duplicateForwardingHeadersAreKeyedOnAllTheirValues() {
    assertThat(
            page(
                new Header("X-Forwarded-Host", "a.example"),
                new Header("X-Forwarded-Host", "evil.example")))
        .contains("evil.example");
    assertThat(page(new Header("X-Forwarded-Host", "a.example"))).doesNotContain("evil");
    assertThat(resource.calls).hasValue(2);
  }

  @Test
  void urlRewritingHeadersKeepTheRequestAwayFromTheCache() {
    page();
    for (String name : new String[] {"X-Original-URL", "X-Rewrite-URL"}) {
      server
          .request()
          .header(name, "/admin")
          .get("/page")
          .then()
          .statusCode(200)
          .header("Cache-Status", "restcache; fwd=bypass; detail=\"unkeyed-header\"");
    }
    assertThat(page()).endsWith("/page");
    assertThat(resource.calls).hasValue(3);
  }

  @Test
  void methodOverrideIsServedUncachedAndAnOverriddenWriteStillEvicts() {
    page();
    // Jersey's filter turns this POST into a GET; it must neither read nor fill the cache.
    server
        .request()
        .header("X-HTTP-Method-Override", "GET")
        .post("/page")
        .then()
        .statusCode(200)
        .header("Cache-Status", "restcache; fwd=bypass; detail=\"unkeyed-header\"");
    server
        .request()
        .header("X-HTTP-Method-Override", "DELETE")
        .get("/page")
        .then()
        .statusCode(200)
        .header("Cache-Status", "restcache; fwd=bypass; detail=\"unkeyed-header\"");
    assertThat(resource.calls).hasValue(3);
    server
        .request()
        .header("X-HTTP-Method-Override", "DELETE")
        .post("/page")
        .then()
        .statusCode(200)
        .body(equalTo("deleted"));
    server.request().get("/page").then().header("Cache-Status", MISS);
    assertThat(resource.calls).hasValue(4);
  }

  // Cache-poisoned denial of service (Nguyen et al., CCS 2019): an error caused by a header
  // must not be stored for everyone. The header is keyed now (the method reads it), and the
  // default TTL never makes an error fresh anyway.
  @Test
  void anErrorCausedByAnUnkeyedHeaderIsNotStored() {
    server
        .request()
        .header("X-Meta", "a\\b")
        .get("/strict")
        .then()
        .statusCode(400)
        .header("Cache-Status", "restcache; fwd=uri-miss; detail=\"error-status\"");
    server
        .request()
        .get("/strict")
        .then()
        .statusCode(200)
        .body(equalTo("strict"))
        .header("Cache-Status", MISS);
    assertThat(resource.calls).hasValue(2);
  }

  @Test
  void aGetWithContentIsAnsweredByTheResourceEveryTime() {
    server
        .request()
        .body("cats")
        .get("/search")
        .then()
        .statusCode(200)
        .body(equalTo("results for cats"))
        .header("Cache-Status", "restcache; fwd=bypass; detail=\"request-body\"");
    server
        .request()
        .body("dogs")
        .get("/search")
        .then()
        .statusCode(200)
        .body(equalTo("results for dogs"));
    server
        .request()
        .get("/search")
        .then()
        .statusCode(200)
        .body(equalTo("results for "))
        .header("Cache-Status", MISS);
    server.request().get("/search").then().body(equalTo("results for "));
    assertThat(resource.calls).hasValue(3);
  }

  @Test
  void hostIsKeyedIgnoringCaseAndTheDefaultPortButNotOtherPorts() {
    String lower = server.request().header("Host", "shop.example").get("/page").asString();
    server
        .request()
        .header("Host", "SHOP.Example")
        .get("/page")
        .then()
        .header("Cache-Status", startsWith(HIT_PREFIX))
        .body(equalTo(lower));
    server
        .request()
        .header("Host", "shop.example:80")
        .get("/page")
        .then()
        .header("Cache-Status", startsWith(HIT_PREFIX));
    server
        .request()
        .header("Host", "shop.example:8081")
        .get("/page")
        .then()
        .header("Cache-Status", MISS)
        .body(containsString(":8081"));
    server
        .request()
        .header("Host", "evil.example")
        .get("/page")
        .then()
        .header("Cache-Status", MISS)
        .body(containsString("evil"));
    assertThat(resource.calls).hasValue(3);
  }

  @Test
  void oddHostsAreServedOrRefusedButNeverFailInTheCache() {
    // Hosts that are not URI authorities ("a b", "[::1") are not here: Jersey's Grizzly
    // container answers them 500 before any filter runs (GrizzlyHttpContainer.getBaseUri).
    for (String host :
        new String[] {
          "shop.example:abc",
          "shop.example:99999",
          "shop.example.",
          "127.0.0.1:0",
          "xn--shp-sna.example",
          "shop.example:0080"
        }) {
      io.restassured.response.Response r = server.request().header("Host", host).get("/page");
      assertThat(r.statusCode()).as(host + " " + r.headers() + r.asString()).isLessThan(500);
    }
    server.request().get("/page").then().header("Cache-Status", MISS);
  }
}
