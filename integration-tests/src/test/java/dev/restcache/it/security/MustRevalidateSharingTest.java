package dev.restcache.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.CacheControl;
import dev.restcache.Cached;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.it.support.Apps;
import dev.restcache.it.support.RunningServer;
import dev.restcache.it.support.TestUser;
import io.restassured.response.Response;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Family 3, {@code must-revalidate} shares only {@code Authorization} requests: RFC 9111 §3.5 lets
 * a shared cache reuse a response to a request with {@code Authorization} when it says {@code
 * must-revalidate}, {@code public} or {@code s-maxage}. That exception is about {@code
 * Authorization} alone: a request identified by a session cookie, a credential header or a
 * principal needs {@code public} or {@code s-maxage}, both to be stored and to be answered from the
 * cache. Starts from the README's own example, {@code @CacheControl(maxAge = 30, mustRevalidate =
 * true)}.
 */
class MustRevalidateSharingTest {
  private static final String HIT = "restcache; hit";
  // Null-tolerant: a request without a key looks up null.
  private static final Map<String, String> KEYS =
      Collections.unmodifiableMap(new HashMap<>(Map.of("alice-key", "alice", "bob-key", "bob")));

  @RegisterExtension final RunningServer server = new RunningServer();
  private final Books books = new Books();

  /** The user the API-key filter found on this thread. */
  static final ThreadLocal<String> CURRENT_USER = new ThreadLocal<>();

  /** The README's bookstore, personalised the way applications personalise pages. */
  @Path("/")
  public static class Books {
    final AtomicInteger calls = new AtomicInteger();

    // The README's method, plus a recommendation from the session.
    @GET
    @Path("books/{id}")
    @Cached(tags = {"books", "book:{id}"})
    @CacheControl(maxAge = 30, mustRevalidate = true)
    public String book(@PathParam("id") long id, @CookieParam("JSESSIONID") String session) {
      calls.incrementAndGet();
      return "book " + id + ", recommended for " + (session == null ? "nobody" : session);
    }

    // The README's method as it is: the same for everyone.
    @GET
    @Path("shelf/{id}")
    @Cached(tags = {"books", "book:{id}"})
    @CacheControl(maxAge = 30, mustRevalidate = true)
    public String shelf(@PathParam("id") long id) {
      calls.incrementAndGet();
      return "book " + id;
    }

    @GET
    @Path("wishlist")
    @Cached
    @CacheControl(maxAge = 30, mustRevalidate = true)
    public String wishlist(@Context HttpHeaders headers) {
      calls.incrementAndGet();
      return "wishlist of " + KEYS.getOrDefault(headers.getHeaderString("X-Api-Key"), "nobody");
    }

    @GET
    @Path("basket")
    @Cached
    @CacheControl(maxAge = 30, mustRevalidate = true)
    public String basket() {
      calls.incrementAndGet();
      return "basket of " + (CURRENT_USER.get() == null ? "nobody" : CURRENT_USER.get());
    }

    @GET
    @Path("me")
    @Cached
    @CacheControl(maxAge = 30, mustRevalidate = true)
    public String me(@Context SecurityContext security) {
      calls.incrementAndGet();
      return "profile of "
          + (security.getUserPrincipal() == null
              ? "nobody"
              : security.getUserPrincipal().getName());
    }

    @GET
    @Path("proxy-shelf")
    @Cached
    @CacheControl(maxAge = 30, proxyRevalidate = true)
    public String proxyShelf(@HeaderParam("Authorization") String authorization) {
      calls.incrementAndGet();
      return "shelf for " + authorization;
    }

    // The directive written by hand, in capitals (directive names are case-insensitive).
    @GET
    @Path("raw/{id}")
    @Cached
    public jakarta.ws.rs.core.Response raw(
        @PathParam("id") long id, @CookieParam("JSESSIONID") String session) {
      calls.incrementAndGet();
      return jakarta.ws.rs.core.Response.ok(
              "book " + id + ", recommended for " + (session == null ? "nobody" : session))
          .header("Cache-Control", "MAX-AGE=30, MUST-REVALIDATE")
          .build();
    }

    @GET
    @Path("news")
    @Cached
    @CacheControl(sMaxAge = 30, mustRevalidate = true)
    public String news() {
      calls.incrementAndGet();
      return "news " + calls.get();
    }
  }

  /** Sets the principal from {@code X-Api-Key}; no {@code @Priority}. */
  public static class ApiKeyFilter implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
      String user = KEYS.get(request.getHeaderString("X-Api-Key"));
      CURRENT_USER.set(user);
      if (user != null) {
        request.setSecurityContext(new TestUser(user, "API-KEY"));
      }
    }
  }

  /** Sets the principal from a bearer token; no {@code @Priority}. */
  public static class BearerFilter implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
      String authorization = request.getHeaderString("Authorization");
      if (authorization != null && authorization.startsWith("Bearer ")) {
        request.setSecurityContext(new TestUser(authorization.substring(7), "Bearer"));
      }
    }
  }

  private void start(ResponseCacheFeature feature, Object... providers) {
    var app = Apps.of(feature, books);
    for (Object provider : providers) {
      app.register(provider);
    }
    server.start(app);
  }

  private Response withSession(String session, String path) {
    Response response = server.request().cookie("JSESSIONID", session).get(path);
    assertThat(response.statusCode()).isEqualTo(200);
    return response;
  }

  private Response anonymous(String path) {
    Response response = server.request().get(path);
    assertThat(response.statusCode()).isEqualTo(200);
    return response;
  }

  /** Neither answered from the cache nor stored (or no Cache-Status at all). */
  private static void assertPrivate(Response response) {
    assertThat(String.valueOf(response.header("Cache-Status")))
        .as("Cache-Status")
        .doesNotStartWith(HIT)
        .doesNotContain("stored");
  }

  @Test
  void theReadmesBookPageWithASessionCookieIsNeverServedToAnAnonymousVisitor() {
    start(ResponseCacheFeature.withDefaults());
    Response alice = withSession("alice", "/books/1");
    assertThat(alice.asString()).isEqualTo("book 1, recommended for alice");
    assertThat(alice.header("Cache-Control")).contains("must-revalidate");
    assertPrivate(alice);
    Response visitor = anonymous("/books/1");
    assertThat(visitor.asString()).isEqualTo("book 1, recommended for nobody");
    assertThat(visitor.header("Cache-Status")).contains("stored");
    assertThat(anonymous("/books/1").header("Cache-Status")).startsWith(HIT);
    Response bob = withSession("bob", "/books/1");
    assertThat(bob.asString()).isEqualTo("book 1, recommended for bob");
    assertPrivate(bob);
    assertThat(books.calls).hasValue(3);
  }

  @Test
  void aSessionUserIsNeverServedTheAnonymousBookPage() {
    start(ResponseCacheFeature.withDefaults());
    anonymous("/books/1");
    Response alice = withSession("alice", "/books/1");
    assertThat(alice.asString()).isEqualTo("book 1, recommended for alice");
    assertPrivate(alice);
    assertThat(books.calls).hasValue(2);
  }

  @Test
  void mustRevalidateIsSharedBetweenAuthorizationRequestsAsRfc9111Allows() {
    start(ResponseCacheFeature.withDefaults());
    Response alice = server.request().header("Authorization", "Bearer alice").get("/shelf/1");
    assertThat(alice.asString()).isEqualTo("book 1");
    assertThat(alice.header("Cache-Status")).contains("stored");
    Response bob = server.request().header("Authorization", "Bearer bob").get("/shelf/1");
    assertThat(bob.asString()).isEqualTo("book 1");
    assertThat(bob.header("Cache-Status")).startsWith(HIT);
    assertThat(anonymous("/shelf/1").header("Cache-Status")).startsWith(HIT);
    assertThat(books.calls).hasValue(1);
  }

  // Own attack, the other direction: an entry an Authorization request stored is shareable
  // for Authorization requests only, not for a session.
  @Test
  void anEntryStoredForAuthorizationIsNotServedToASessionCookie() {
    start(ResponseCacheFeature.withDefaults());
    server
        .request()
        .header("Authorization", "Bearer gateway")
        .get("/books/1")
        .then()
        .statusCode(200);
    Response carol = withSession("carol", "/books/1");
    assertThat(carol.asString()).isEqualTo("book 1, recommended for carol");
    assertPrivate(carol);
    assertThat(books.calls).hasValue(2);
  }

  // Own attack: a browser behind a staging site's basic auth sends Authorization AND the
  // session cookie. Authorization does not make the cookie's page shareable.
  @Test
  void aSessionCookieIsNotMadeShareableByAlsoSendingAuthorization() {
    start(ResponseCacheFeature.withDefaults());
    Response alice =
        server
            .request()
            .header("Authorization", "Basic c3RhZ2luZzpzdGFnaW5n")
            .cookie("JSESSIONID", "alice")
            .get("/books/1");
    assertThat(alice.asString()).isEqualTo("book 1, recommended for alice");
    assertPrivate(alice);
    Response staging =
        server.request().header("Authorization", "Basic c3RhZ2luZzpzdGFnaW5n").get("/books/1");
    assertThat(staging.asString()).isEqualTo("book 1, recommended for nobody");
    assertThat(anonymous("/books/1").asString()).isEqualTo("book 1, recommended for nobody");
    assertThat(books.calls).hasValue(2);
  }

  @Test
  void aCredentialHeaderNeedsPublicNotMustRevalidate() {
    start(ResponseCacheFeature.builder().credentialHeaders("X-Api-Key").build());
    Response alice = server.request().header("X-Api-Key", "alice-key").get("/wishlist");
    assertThat(alice.asString()).isEqualTo("wishlist of alice");
    assertPrivate(alice);
    assertThat(anonymous("/wishlist").asString()).isEqualTo("wishlist of nobody");
    Response bob = server.request().header("X-Api-Key", "bob-key").get("/wishlist");
    assertThat(bob.asString()).isEqualTo("wishlist of bob");
    assertPrivate(bob);
    assertThat(books.calls).hasValue(3);
  }

  @Test
  void aPrincipalNeedsPublicNotMustRevalidate() {
    start(ResponseCacheFeature.withDefaults(), new ApiKeyFilter());
    Response alice = server.request().header("X-Api-Key", "alice-key").get("/basket");
    assertThat(alice.asString()).isEqualTo("basket of alice");
    assertPrivate(alice);
    assertThat(anonymous("/basket").asString()).isEqualTo("basket of nobody");
    Response bob = server.request().header("X-Api-Key", "bob-key").get("/basket");
    assertThat(bob.asString()).isEqualTo("basket of bob");
    assertPrivate(bob);
    assertThat(books.calls).hasValue(3);
  }

  // Own attack: the §3.5 exception never covers a method that asks who is calling, even when
  // the identity came in Authorization.
  @Test
  void mustRevalidateNeverSharesAPageThatAsksWhoIsCalling() {
    start(ResponseCacheFeature.withDefaults(), new BearerFilter());
    for (String user : new String[] {"alice", "bob", "alice"}) {
      Response response = server.request().header("Authorization", "Bearer " + user).get("/me");
      assertThat(response.asString()).isEqualTo("profile of " + user);
      assertPrivate(response);
    }
    assertThat(anonymous("/me").asString()).isEqualTo("profile of nobody");
    assertThat(books.calls).hasValue(4);
  }

  // Own attack: proxy-revalidate sounds like must-revalidate for shared caches, but RFC 9111
  // §3.5 names only must-revalidate, public and s-maxage.
  @Test
  void proxyRevalidateDoesNotShareAnAuthorizationAnswer() {
    start(ResponseCacheFeature.withDefaults());
    Response alice = server.request().header("Authorization", "Bearer alice").get("/proxy-shelf");
    assertThat(alice.asString()).isEqualTo("shelf for Bearer alice");
    assertPrivate(alice);
    Response bob = server.request().header("Authorization", "Bearer bob").get("/proxy-shelf");
    assertThat(bob.asString()).isEqualTo("shelf for Bearer bob");
    assertThat(anonymous("/proxy-shelf").asString()).isEqualTo("shelf for null");
    assertThat(books.calls).hasValue(3);
  }

  // Own attack: the resource writes the header itself, in capitals; same rule.
  @Test
  void aHandWrittenMustRevalidateInCapitalsDoesNotShareASessionPage() {
    start(ResponseCacheFeature.withDefaults());
    Response alice = withSession("alice", "/raw/1");
    assertThat(alice.asString()).isEqualTo("book 1, recommended for alice");
    assertPrivate(alice);
    assertThat(anonymous("/raw/1").asString()).isEqualTo("book 1, recommended for nobody");
    assertThat(withSession("bob", "/raw/1").asString()).isEqualTo("book 1, recommended for bob");
    assertThat(books.calls).hasValue(3);
  }

  // s-maxage is explicit sharing: a page that never reads the session is still shared.
  @Test
  void sMaxAgeStillSharesAPageThatNeverReadsTheSession() {
    start(ResponseCacheFeature.withDefaults());
    assertThat(withSession("alice", "/news").asString()).isEqualTo("news 1");
    Response visitor = anonymous("/news");
    assertThat(visitor.asString()).isEqualTo("news 1");
    assertThat(visitor.header("Cache-Status")).startsWith(HIT);
    assertThat(withSession("bob", "/news").asString()).isEqualTo("news 1");
    assertThat(books.calls).hasValue(1);
  }
}
