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
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Family 1 on Quarkus REST, identity is more than {@code Authorization} and {@code Cookie}: a
 * request carrying a configured credential header ({@code quarkus.restcache.credential-headers}) or
 * whose {@code SecurityContext} has a principal set by an application filter is answered from, and
 * stored in, the cache only with a {@code public} answer; a method injecting {@code
 * SecurityContext} is never shared between users unless it says {@code @Cached(identityIndependent
 * = true)}.
 */
class IdentityRulesTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .overrideConfigKey("quarkus.http.test-port", "0")
          .withApplicationRoot(
              jar ->
                  jar.addClasses(
                      Counter.class,
                      SharedRules.class,
                      SharedRules.User.class,
                      ApiKeyFilter.class,
                      Accounts.class,
                      Profile.class))
          .overrideConfigKey("quarkus.restcache.credential-headers", "X-Api-Key");

  @Inject Counter counter;

  @Inject ResponseCache cache;

  @BeforeEach
  void reset() {
    counter.reset();
    cache.clear();
  }

  /**
   * Maps a known {@code X-Api-Key} to a principal. No {@code @Priority}: Jakarta REST runs it at
   * {@code Priorities.USER}. An unknown key sets no principal (it is still a credential header).
   */
  @Provider
  public static class ApiKeyFilter implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
      String user = SharedRules.KEYS.get(String.valueOf(request.getHeaderString("X-Api-Key")));
      if (user != null) {
        request.setSecurityContext(
            new SharedRules.User(user, user.equals("root") ? "admin" : "user"));
      }
    }
  }

  @Path("/id")
  public static class Accounts {
    @Inject Counter counter;

    // Reads the key itself, whoever the filter found.
    @GET
    @Path("usage")
    @Cached
    public String usage(@Context HttpHeaders headers) {
      counter.next();
      String key = headers.getHeaderString("X-Api-Key");
      return "usage of " + (key == null ? "nobody" : key);
    }

    // "The CDN wants public"; the method still prints who asks.
    @GET
    @Path("public-account")
    @Cached
    @CacheControl(isPublic = true, maxAge = 60)
    public String publicAccount(@Context SecurityContext security) {
      counter.next();
      return "account of " + SharedRules.name(security);
    }

    // The same, non-blocking: runs on the event loop, filters included.
    @GET
    @Path("reactive-account")
    @Cached
    @CacheControl(isPublic = true, maxAge = 60)
    public Uni<String> reactiveAccount(@Context SecurityContext security) {
      counter.next();
      return Uni.createFrom().item("account of " + SharedRules.name(security));
    }

    // Does not depend on who asks, and says so.
    @GET
    @Path("price-list")
    @Cached
    @CacheControl(isPublic = true, maxAge = 60)
    public String priceList() {
      return "price list " + counter.next();
    }

    // Injects SecurityContext for isSecure() only, and opts back into sharing.
    @GET
    @Path("catalogue")
    @Cached(identityIndependent = true)
    @CacheControl(isPublic = true, maxAge = 60)
    public String catalogue(@Context SecurityContext security) {
      return "catalogue " + counter.next() + (security.isSecure() ? " over TLS" : "");
    }
  }

  /** Reads the principal through a field; every method of the class is cached and public. */
  @Path("/profile")
  @Cached
  @CacheControl(isPublic = true, maxAge = 60)
  public static class Profile {
    @Inject Counter counter;

    @Context SecurityContext security;

    @GET
    public String profile() {
      counter.next();
      return "profile of " + SharedRules.name(security);
    }
  }

  private static Response get(String key, String path) {
    Response response =
        key == null ? given().get(path) : given().header("X-Api-Key", key).get(path);
    assertThat(response.statusCode()).as(key + " " + path).isEqualTo(200);
    return response;
  }

  @Test
  void aKeyHolderNeverGetsAnotherKeyHoldersAnswerNorIsTheirsStored() {
    Response alice = get("alice-key", "/id/usage");
    assertThat(alice.asString()).isEqualTo("usage of alice-key");
    assertThat(alice.header("Cache-Status")).contains("detail=\"credentials\"");
    assertPrivate(alice);
    Response anonymous = get(null, "/id/usage");
    assertThat(anonymous.asString()).isEqualTo("usage of nobody");
    assertStored(anonymous);
    assertHit(get(null, "/id/usage"));
    // A key the filter does not know sets no principal: the header alone is the credential.
    Response carol = get("carol-key", "/id/usage");
    assertThat(carol.asString()).isEqualTo("usage of carol-key");
    assertPrivate(carol);
    Response bob = get("bob-key", "/id/usage");
    assertThat(bob.asString()).isEqualTo("usage of bob-key");
    assertPrivate(bob);
    assertThat(counter.calls()).isEqualTo(4);
  }

  @Test
  void aPublicPageThatNeverAsksWhoIsCallingIsSharedWithKeyHolders() {
    Response alice = get("alice-key", "/id/price-list");
    assertThat(alice.asString()).isEqualTo("price list 1");
    assertStored(alice);
    Response bob = get("bob-key", "/id/price-list");
    assertThat(bob.asString()).isEqualTo("price list 1");
    assertHit(bob);
    assertThat(get(null, "/id/price-list").asString()).isEqualTo("price list 1");
    assertThat(counter.calls()).isEqualTo(1);
  }

  @Test
  void publicDoesNotMakeAMethodInjectingTheSecurityContextShareable() {
    publicAccountIsNeverShared("/id/public-account");
  }

  @Test
  void publicDoesNotMakeANonBlockingMethodInjectingTheSecurityContextShareable() {
    publicAccountIsNeverShared("/id/reactive-account");
  }

  private void publicAccountIsNeverShared(String path) {
    for (int i = 0; i < 2; i++) {
      Response alice = get("alice-key", path);
      assertThat(alice.asString()).isEqualTo("account of alice");
      assertPrivate(alice);
      Response bob = get("bob-key", path);
      assertThat(bob.asString()).isEqualTo("account of bob");
      assertPrivate(bob);
    }
    assertThat(get(null, path).asString()).isEqualTo("account of nobody");
    Response alice = get("alice-key", path);
    assertThat(alice.asString()).isEqualTo("account of alice");
    assertPrivate(alice);
    assertThat(get(null, path).asString()).isEqualTo("account of nobody");
    assertThat(counter.calls()).isEqualTo(6);
  }

  @Test
  void aSecurityContextFieldMakesTheResourceClassPersonal() {
    assertThat(get("alice-key", "/profile").asString()).isEqualTo("profile of alice");
    Response bob = get("bob-key", "/profile");
    assertThat(bob.asString()).isEqualTo("profile of bob");
    assertPrivate(bob);
    assertThat(get(null, "/profile").asString()).isEqualTo("profile of nobody");
    assertThat(get("alice-key", "/profile").asString()).isEqualTo("profile of alice");
    assertThat(counter.calls()).isEqualTo(4);
  }

  @Test
  void identityIndependentSharesAPublicMethodThatInjectsTheSecurityContext() {
    Response alice = get("alice-key", "/id/catalogue");
    assertThat(alice.asString()).isEqualTo("catalogue 1");
    assertStored(alice);
    Response bob = get("bob-key", "/id/catalogue");
    assertThat(bob.asString()).isEqualTo("catalogue 1");
    assertHit(bob);
    assertThat(get(null, "/id/catalogue").asString()).isEqualTo("catalogue 1");
    assertThat(counter.calls()).isEqualTo(1);
  }
}
