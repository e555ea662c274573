package dev.restcache.quarkus.test;

import static dev.restcache.quarkus.test.SharedRules.assertHit;
import static dev.restcache.quarkus.test.SharedRules.assertPrivate;
import static dev.restcache.quarkus.test.SharedRules.assertStored;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.CacheControl;
import dev.restcache.Cached;
import dev.restcache.ResponseCache;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Family 3 on Quarkus REST: {@code must-revalidate} makes only an {@code Authorization} request's
 * answer shareable (RFC 9111 §3.5), never a session cookie's. Starts from the README's
 * {@code @CacheControl(maxAge = 30, mustRevalidate = true)}.
 */
class MustRevalidateRulesTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .overrideConfigKey("quarkus.http.test-port", "0")
          .withApplicationRoot(
              jar -> jar.addClasses(Counter.class, SharedRules.class, Books.class));

  @Inject Counter counter;

  @Inject ResponseCache cache;

  @BeforeEach
  void reset() {
    counter.reset();
    cache.clear();
  }

  @Path("/")
  public static class Books {
    @Inject Counter counter;

    // The README's method, plus a recommendation from the session.
    @GET
    @Path("books/{id}")
    @Cached(tags = {"books", "book:{id}"})
    @CacheControl(maxAge = 30, mustRevalidate = true)
    public String book(@PathParam("id") long id, @CookieParam("JSESSIONID") String session) {
      counter.next();
      return "book " + id + ", recommended for " + (session == null ? "nobody" : session);
    }

    // The README's method as it is: the same for everyone.
    @GET
    @Path("shelf/{id}")
    @Cached(tags = {"books", "book:{id}"})
    @CacheControl(maxAge = 30, mustRevalidate = true)
    public String shelf(@PathParam("id") long id) {
      counter.next();
      return "book " + id;
    }
  }

  private static Response withSession(String session, String path) {
    Response response = given().cookie("JSESSIONID", session).get(path);
    assertThat(response.statusCode()).isEqualTo(200);
    return response;
  }

  private static Response anonymous(String path) {
    Response response = given().get(path);
    assertThat(response.statusCode()).isEqualTo(200);
    return response;
  }

  @Test
  void aSessionPageIsNeitherStoredNorServedToAnAnonymousVisitor() {
    Response alice = withSession("alice", "/books/1");
    assertThat(alice.asString()).isEqualTo("book 1, recommended for alice");
    assertThat(alice.header("Cache-Control")).contains("must-revalidate").contains("max-age=30");
    assertThat(alice.header("Cache-Status")).contains("detail=\"credentials\"");
    assertPrivate(alice);
    Response visitor = anonymous("/books/1");
    assertThat(visitor.asString()).isEqualTo("book 1, recommended for nobody");
    assertStored(visitor);
    assertHit(anonymous("/books/1"));
    Response bob = withSession("bob", "/books/1");
    assertThat(bob.asString()).isEqualTo("book 1, recommended for bob");
    assertPrivate(bob);
    assertThat(counter.calls()).isEqualTo(3);
  }

  @Test
  void aSessionUserIsNeverServedTheAnonymousPage() {
    assertStored(anonymous("/books/1"));
    Response alice = withSession("alice", "/books/1");
    assertThat(alice.asString()).isEqualTo("book 1, recommended for alice");
    assertPrivate(alice);
    assertThat(counter.calls()).isEqualTo(2);
  }

  @Test
  void mustRevalidateIsSharedBetweenAuthorizationRequests() {
    Response alice = given().header("Authorization", "Bearer alice").get("/shelf/1");
    assertThat(alice.statusCode()).isEqualTo(200);
    assertThat(alice.asString()).isEqualTo("book 1");
    assertStored(alice);
    Response bob = given().header("Authorization", "Bearer bob").get("/shelf/1");
    assertThat(bob.asString()).isEqualTo("book 1");
    assertHit(bob);
    assertHit(anonymous("/shelf/1"));
    assertThat(counter.calls()).isEqualTo(1);
  }

  // The other direction: an entry stored for Authorization is no answer for a session.
  @Test
  void anEntryStoredForAuthorizationIsNotServedToASessionCookie() {
    given().header("Authorization", "Bearer gateway").get("/books/1").then().statusCode(200);
    Response carol = withSession("carol", "/books/1");
    assertThat(carol.asString()).isEqualTo("book 1, recommended for carol");
    assertPrivate(carol);
    assertThat(counter.calls()).isEqualTo(2);
  }
}
