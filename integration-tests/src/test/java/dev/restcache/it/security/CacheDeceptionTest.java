package dev.restcache.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;

import dev.restcache.Cached;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.it.support.Apps;
import dev.restcache.it.support.RunningServer;
import io.restassured.response.Response;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Web cache deception: a path the router matches loosely must not turn one user's page into a
 * shared entry, and every spelling of a path must be evicted by a write to it.
 */
class CacheDeceptionTest {
  @RegisterExtension final RunningServer server = new RunningServer();
  private final Resource resource = new Resource();

  @Path("/")
  public static class Resource {
    final AtomicInteger calls = new AtomicInteger();
    final Map<String, String> books = new ConcurrentHashMap<>();

    /** A careless catch-all: any path under /account shows the caller's account. */
    @GET
    @Path("account{rest: .*}")
    @Cached
    public String account(
        @HeaderParam("Authorization") String authorization,
        @CookieParam("session") String session) {
      calls.incrementAndGet();
      return "account of "
          + (authorization != null
              ? authorization
              : session != null ? "session " + session : "nobody");
    }

    @GET
    @Path("news")
    @Cached
    public jakarta.ws.rs.core.Response news() {
      calls.incrementAndGet();
      return jakarta.ws.rs.core.Response.ok("news " + calls.get())
          .header("Cache-Control", "public, max-age=60")
          .build();
    }

    @GET
    @Path("welcome")
    @Cached
    public jakarta.ws.rs.core.Response welcome() {
      calls.incrementAndGet();
      return jakarta.ws.rs.core.Response.ok("welcome")
          .header("Cache-Control", "public, max-age=60")
          .header("Set-Cookie", "session=new-for-you")
          .build();
    }

    @GET
    @Path("inbox")
    @Cached
    public jakarta.ws.rs.core.Response inbox() {
      calls.incrementAndGet();
      return jakarta.ws.rs.core.Response.ok("inbox").header("Cache-Control", "private").build();
    }

    @GET
    @Path("books/{id}")
    @Cached
    public String book(@PathParam("id") String id) {
      calls.incrementAndGet();
      return books.getOrDefault(id, "none");
    }

    @PUT
    @Path("books/{id}")
    public void update(@PathParam("id") String id, String body) {
      books.put(id, body);
    }
  }

  private void start(ResponseCacheFeature feature) {
    server.start(Apps.of(feature, resource));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/account/anything.css",
        "/account/logo.png",
        "/account;x=1",
        "/account/x;x=1.js",
        "/account/a%2Fb.css",
        "/account/%2e%2e/account/x.css",
        "/account/x.css/",
        "/account/",
        "/ACCOUNT/x.css",
        "/account/x.css?cb=1"
      })
  void aCredentialedResponseOnAnyPathIsNeverServedToAnotherClient(String path) {
    start(ResponseCacheFeature.withDefaults());
    server
        .request()
        .header("Authorization", "Bearer alice")
        .get(path)
        .then()
        .statusCode(lessThan(500));
    server.request().cookie("session", "bob").get(path).then().statusCode(lessThan(500));
    for (int i = 0; i < 2; i++) {
      Response attacker = server.request().get(path);
      assertThat(attacker.statusCode()).isLessThan(500);
      assertThat(attacker.asString()).doesNotContain("alice").doesNotContain("bob");
    }
  }

  @Test
  void credentialedRequestsAreNeitherStoredNorAnsweredFromTheCache() {
    start(ResponseCacheFeature.withDefaults());
    server.request().get("/account/home").then().body(equalTo("account of nobody"));
    server
        .request()
        .cookie("session", "bob")
        .get("/account/home")
        .then()
        .body(equalTo("account of session bob"))
        .header("Cache-Status", "restcache; fwd=vary-miss; detail=\"credentials\"");
    server
        .request()
        .header("Authorization", "Basic YWxpY2U6")
        .get("/account/home")
        .then()
        .body(equalTo("account of Basic YWxpY2U6"));
    server
        .request()
        .get("/account/home")
        .then()
        .body(equalTo("account of nobody"))
        .header("Cache-Status", startsWith("restcache; hit"));
    assertThat(resource.calls).hasValue(3);
  }

  @Test
  void anExplicitlyPublicResponseIsSharedWhateverTheCookies() {
    start(ResponseCacheFeature.withDefaults());
    server.request().cookie("session", "bob").get("/news").then().body(equalTo("news 1"));
    server
        .request()
        .get("/news")
        .then()
        .body(equalTo("news 1"))
        .header("Cache-Status", startsWith("restcache; hit"));
    server.request().cookie("session", "carol").get("/news").then().body(equalTo("news 1"));
    assertThat(resource.calls).hasValue(1);
  }

  @Test
  void anonymousCookiesDoNotMakeARequestCredentialed() {
    start(ResponseCacheFeature.builder().anonymousCookies("_ga*", "consent").build());
    server
        .request()
        .cookie("_ga", "GA1.1")
        .cookie("consent", "yes")
        .get("/account/x")
        .then()
        .body(equalTo("account of nobody"));
    server
        .request()
        .get("/account/x")
        .then()
        .body(equalTo("account of nobody"))
        .header("Cache-Status", startsWith("restcache; hit"));
    server
        .request()
        .cookie("_ga", "GA1.1")
        .cookie("session", "bob")
        .get("/account/x")
        .then()
        .body(equalTo("account of session bob"));
    assertThat(resource.calls).hasValue(2);
  }

  @Test
  void setCookieAndPrivateResponsesAreNeverStoredEvenWhenMarkedPublic() {
    start(ResponseCacheFeature.withDefaults());
    for (int i = 0; i < 2; i++) {
      server
          .request()
          .get("/welcome")
          .then()
          .header("Cache-Status", "restcache; fwd=uri-miss; detail=\"set-cookie\"");
      server
          .request()
          .get("/inbox")
          .then()
          .header("Cache-Status", "restcache; fwd=uri-miss; detail=\"private\"");
    }
    assertThat(resource.calls).hasValue(4);
  }

  @Test
  void aWriteEvictsEverySpellingOfItsPath() {
    start(ResponseCacheFeature.withDefaults());
    List<String> spellings =
        List.of("/books/1", "/books/1/", "/books/1;v=2", "/books//1", "/books/%31");
    for (String spelling : spellings) {
      server.request().get(spelling).then().statusCode(200).body(equalTo("none"));
      server.request().get(spelling).then().header("Cache-Status", startsWith("restcache; hit"));
    }
    server.request().body("first").put("/books/1/").then().statusCode(204);
    // Grizzly already merges "//", so that spelling shares the key of /books/1.
    for (String spelling : spellings) {
      assertThat(server.request().get(spelling).asString()).as(spelling).isEqualTo("first");
    }
    server.request().body("second").put("/books/%31;v=3").then().statusCode(204);
    for (String spelling : spellings) {
      assertThat(server.request().get(spelling).asString()).as(spelling).isEqualTo("second");
    }
  }
}
