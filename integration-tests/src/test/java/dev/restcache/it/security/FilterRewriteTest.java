package dev.restcache.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.restcache.CacheControl;
import dev.restcache.Cached;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.it.support.Apps;
import dev.restcache.it.support.RunningServer;
import io.restassured.response.Response;
import jakarta.annotation.Priority;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Families 4 and 6, found while writing the threat model: a response filter that rewrites what the
 * resource produced, and a method that reads a session cookie through {@code HttpHeaders}. A hit
 * replays the resource's response and runs the filters again, so a rewritten response is never
 * stored; and a cookie read through {@code HttpHeaders} is keyed like one read through
 * {@code @CookieParam}.
 */
class FilterRewriteTest {
  @RegisterExtension final RunningServer server = new RunningServer();
  private final Pages pages = new Pages();

  /** Pages the resource makes fresh itself, so only the filters' changes are at stake. */
  @Path("/")
  @Produces(MediaType.TEXT_PLAIN)
  public static class Pages {
    final AtomicInteger calls = new AtomicInteger();

    @GET
    @Path("page")
    @Cached
    @CacheControl(maxAge = 60)
    public String page() {
      return "page " + calls.incrementAndGet();
    }

    @GET
    @Path("welcome")
    @Cached
    @CacheControl(isPublic = true, maxAge = 60)
    public String welcome(@Context HttpHeaders headers) {
      calls.incrementAndGet();
      Cookie session = headers.getCookies().get("session");
      return "welcome " + (session == null ? "guest" : session.getValue());
    }
  }

  /** A web application firewall in a filter: blocks a request by rewriting its answer. */
  @Priority(50)
  public static class Firewall implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      if (request.getHeaderString("X-Suspicious") != null) {
        response.setStatus(403);
        response.setEntity("blocked");
      }
    }
  }

  /** Wraps every answer in an envelope, as some API gateways' filters do. */
  public static class Envelope implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      if (response.getEntity() instanceof String text) {
        response.setEntity("{" + text + "}");
      }
    }
  }

  @Test
  void aBlockedAnswerAFilterWroteOverAFreshPageIsNeverServedToOthers() {
    server.start(Apps.of(ResponseCacheFeature.withDefaults(), pages, Firewall.class));
    server
        .request()
        .header("X-Suspicious", "1")
        .get("/page")
        .then()
        .statusCode(403)
        .body(equalTo("blocked"));
    Response next = server.request().get("/page");
    assertThat(next.statusCode()).isEqualTo(200);
    assertThat(next.asString()).isEqualTo("page 2");
    assertThat(next.header("Cache-Status")).startsWith("restcache; fwd=uri-miss");
  }

  @Test
  void anEnvelopeAFilterAddsIsNotStoredSoItIsNeverWrappedTwice() {
    server.start(Apps.of(ResponseCacheFeature.withDefaults(), pages, Envelope.class));
    server
        .request()
        .get("/page")
        .then()
        .body(equalTo("{page 1}"))
        .header("Cache-Status", "restcache; fwd=uri-miss; detail=\"rewritten\"");
    server.request().get("/page").then().body(equalTo("{page 2}"));
    assertThat(pages.calls).hasValue(2);
  }

  @Test
  void aPublicPageReadingTheSessionCookieThroughHttpHeadersNeverGreetsBobAsAlice() {
    server.start(Apps.of(ResponseCacheFeature.withDefaults(), pages));
    server
        .request()
        .cookie("session", "alice")
        .get("/welcome")
        .then()
        .body(equalTo("welcome alice"));
    server.request().cookie("session", "bob").get("/welcome").then().body(equalTo("welcome bob"));
    server.request().get("/welcome").then().body(equalTo("welcome guest"));
    server
        .request()
        .get("/welcome")
        .then()
        .body(equalTo("welcome guest"))
        .header("Cache-Status", startsWith("restcache; hit"));
    server
        .request()
        .cookie("session", "alice")
        .get("/welcome")
        .then()
        .body(equalTo("welcome alice"))
        .header("Cache-Status", startsWith("restcache; hit"));
  }
}
