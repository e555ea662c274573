package dev.restcache.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.CacheControl;
import dev.restcache.Cached;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.it.support.Apps;
import dev.restcache.it.support.RunningServer;
import dev.restcache.it.support.TestUser;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Family 1, identity is more than {@code Authorization} and {@code Cookie}: a request is
 * credentialed when it carries a configured credential header or when its {@link SecurityContext}
 * has a user principal by the time the cache decides (at the lookup, and again at the store
 * decision). A credentialed response is shared only when it says {@code public} or {@code
 * s-maxage}, and a method that injects {@code SecurityContext} (parameter or field) never uses the
 * cache for a credentialed request, {@code public} or not, unless it declares
 * {@code @Cached(identityIndependent = true)}.
 *
 * <p>The applications are written the way a tired developer writes them: an API-key filter without
 * {@code @Priority}, a resource that prints the principal, {@code public} slapped on because "the
 * CDN wants it".
 */
class IdentityTest {
  private static final String HIT = "restcache; hit";
  // Null-tolerant: a request without a key looks up null.
  private static final Map<String, String> KEYS =
      Collections.unmodifiableMap(
          new HashMap<>(Map.of("alice-key", "alice", "bob-key", "bob", "root-key", "root")));

  @RegisterExtension final RunningServer server = new RunningServer();
  private final AtomicInteger calls = new AtomicInteger();

  /** The user the last API-key filter found on this thread, for resources that read it here. */
  static final ThreadLocal<String> CURRENT_USER = new ThreadLocal<>();

  /**
   * Looks up {@code X-Api-Key} and sets the principal. No {@code @Priority}: Jakarta REST runs it
   * at {@code Priorities.USER}, after what used to be the cache's lookup position.
   */
  public static class ApiKeyFilter implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
      String user = KEYS.get(request.getHeaderString("X-Api-Key"));
      CURRENT_USER.set(user);
      if (user != null) {
        request.setSecurityContext(
            new TestUser(user, "API-KEY", user.equals("root") ? Set.of("admin") : Set.of("user")));
      }
    }
  }

  /** Reads the principal through a parameter. */
  @Path("/")
  public static class Accounts {
    private final AtomicInteger calls;

    Accounts(AtomicInteger calls) {
      this.calls = calls;
    }

    @GET
    @Path("account")
    @Cached
    public String account(@Context SecurityContext security) {
      calls.incrementAndGet();
      return "account of " + name(security);
    }

    // "The CDN in front wants public"; the method still prints who asks.
    @GET
    @Path("public-account")
    @Cached
    @CacheControl(isPublic = true, maxAge = 60)
    public String publicAccount(@Context SecurityContext security) {
      calls.incrementAndGet();
      return "account of " + name(security);
    }

    // Checks a role, never the name: still a different page per user.
    @GET
    @Path("dashboard")
    @Cached
    @CacheControl(isPublic = true, maxAge = 60)
    public String dashboard(@Context SecurityContext security) {
      calls.incrementAndGet();
      return security.isUserInRole("admin")
          ? "dashboard with the delete-all button"
          : "dashboard for users";
    }

    // Reads the user the filter left on the thread; injects nothing the cache could see.
    @GET
    @Path("orders")
    @Cached
    public String orders() {
      calls.incrementAndGet();
      return "orders of " + (CURRENT_USER.get() == null ? "nobody" : CURRENT_USER.get());
    }

    // Reads the key itself, no filter involved.
    @GET
    @Path("usage")
    @Cached
    public String usage(@Context HttpHeaders headers) {
      calls.incrementAndGet();
      String key = headers.getHeaderString("X-Api-Key");
      if (key == null) {
        key = headers.getHeaderString("X-Session-Token");
      }
      return "usage of " + KEYS.getOrDefault(key, "nobody");
    }

    // Does not depend on who asks, and says so.
    @GET
    @Path("price-list")
    @Cached
    @CacheControl(isPublic = true, maxAge = 60)
    public String priceList() {
      calls.incrementAndGet();
      return "price list " + calls.get();
    }

    // Injects SecurityContext for isSecure() only; the answer is the same for everyone.
    @GET
    @Path("catalogue")
    @Cached(identityIndependent = true)
    @CacheControl(isPublic = true, maxAge = 60)
    public String catalogue(@Context SecurityContext security) {
      calls.incrementAndGet();
      return "catalogue " + calls.get() + (security.isSecure() ? " over TLS" : "");
    }

    // Same opt-in, but without public: opting in does not make a credentialed answer shareable.
    @GET
    @Path("opening-hours")
    @Cached(identityIndependent = true)
    public String openingHours(@Context SecurityContext security) {
      calls.incrementAndGet();
      return "opening hours for " + name(security);
    }
  }

  /** Reads the principal through a field; every method of the class is cached and public. */
  @Path("/profile")
  @Cached
  @CacheControl(isPublic = true, maxAge = 60)
  public static class Profile {
    private final AtomicInteger calls;

    Profile(AtomicInteger calls) {
      this.calls = calls;
    }

    @Context SecurityContext security;

    @GET
    public String profile() {
      calls.incrementAndGet();
      return "profile of " + name(security);
    }
  }

  /** The tired developer's base class: every resource inherits the SecurityContext. */
  public abstract static class SecuredResource {
    @Context protected SecurityContext security;
  }

  /** Inherits its SecurityContext field. */
  @Path("/settings")
  public static class Settings extends SecuredResource {
    private final AtomicInteger calls;

    Settings(AtomicInteger calls) {
      this.calls = calls;
    }

    @GET
    @Cached
    @CacheControl(isPublic = true, maxAge = 60)
    public String settings() {
      calls.incrementAndGet();
      return "settings of " + name(security);
    }
  }

  private static String name(SecurityContext security) {
    return security.getUserPrincipal() == null ? "nobody" : security.getUserPrincipal().getName();
  }

  private void start(ResponseCacheFeature feature, Object... extra) {
    ResourceConfig app =
        Apps.of(feature, new Accounts(calls), new Profile(calls), new Settings(calls));
    for (Object provider : extra) {
      app.register(provider);
    }
    server.start(app);
  }

  private void startWithApiKeyFilter() {
    start(ResponseCacheFeature.withDefaults(), new ApiKeyFilter());
  }

  private RequestSpecification as(String key) {
    return key == null ? server.request() : server.request().header("X-Api-Key", key);
  }

  private Response get(String key, String path) {
    Response response = as(key).get(path);
    assertThat(response.statusCode()).as(key + " " + path).isEqualTo(200);
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
  void bobNeverGetsAlicesAccountThroughAnApiKeyFilter() {
    startWithApiKeyFilter();
    Response alice = get("alice-key", "/account");
    assertThat(alice.asString()).isEqualTo("account of alice");
    assertPrivate(alice);
    assertThat(get("bob-key", "/account").asString()).isEqualTo("account of bob");
    assertThat(get(null, "/account").asString()).isEqualTo("account of nobody");
    assertThat(get("bob-key", "/account").asString()).isEqualTo("account of bob");
    assertThat(get(null, "/account").header("Cache-Status")).startsWith(HIT);
    assertThat(calls).hasValue(4);
  }

  @Test
  void aliceIsNeverServedTheAnonymousPageFromTheCache() {
    startWithApiKeyFilter();
    assertThat(get(null, "/account").header("Cache-Status")).contains("stored");
    Response alice = get("alice-key", "/account");
    assertThat(alice.asString()).isEqualTo("account of alice");
    assertPrivate(alice);
    assertThat(get(null, "/account").asString()).isEqualTo("account of nobody");
    assertThat(calls).hasValue(2);
  }

  @Test
  void publicDoesNotMakeAPersonalisedAccountShareable() {
    startWithApiKeyFilter();
    for (int i = 0; i < 2; i++) {
      Response alice = get("alice-key", "/public-account");
      assertThat(alice.asString()).isEqualTo("account of alice");
      assertPrivate(alice);
      Response bob = get("bob-key", "/public-account");
      assertThat(bob.asString()).isEqualTo("account of bob");
      assertPrivate(bob);
    }
    assertThat(get(null, "/public-account").asString()).isEqualTo("account of nobody");
    assertThat(get("alice-key", "/public-account").asString()).isEqualTo("account of alice");
    assertThat(get(null, "/public-account").asString()).isEqualTo("account of nobody");
    assertThat(calls).hasValue(6);
  }

  @Test
  void aSecurityContextFieldMakesTheWholeResourceClassPersonal() {
    startWithApiKeyFilter();
    assertThat(get("alice-key", "/profile").asString()).isEqualTo("profile of alice");
    Response bob = get("bob-key", "/profile");
    assertThat(bob.asString()).isEqualTo("profile of bob");
    assertPrivate(bob);
    assertThat(get(null, "/profile").asString()).isEqualTo("profile of nobody");
    assertThat(get("alice-key", "/profile").asString()).isEqualTo("profile of alice");
    assertThat(calls).hasValue(4);
  }

  // Own attack: the field is declared by a base class every resource extends.
  @Test
  void aSecurityContextInheritedFromABaseResourceIsStillPersonal() {
    startWithApiKeyFilter();
    assertThat(get("alice-key", "/settings").asString()).isEqualTo("settings of alice");
    assertThat(get("bob-key", "/settings").asString()).isEqualTo("settings of bob");
    assertThat(get(null, "/settings").asString()).isEqualTo("settings of nobody");
    assertThat(get("alice-key", "/settings").asString()).isEqualTo("settings of alice");
    assertThat(calls).hasValue(4);
  }

  // Own attack: the page depends on a role only, never on the name.
  @Test
  void anAdminsDashboardIsNeverServedToAPlainUser() {
    startWithApiKeyFilter();
    assertThat(get("root-key", "/dashboard").asString())
        .isEqualTo("dashboard with the delete-all button");
    Response bob = get("bob-key", "/dashboard");
    assertThat(bob.asString()).isEqualTo("dashboard for users");
    assertPrivate(bob);
    assertThat(get(null, "/dashboard").asString()).isEqualTo("dashboard for users");
    assertThat(get("root-key", "/dashboard").asString())
        .isEqualTo("dashboard with the delete-all button");
    assertThat(calls).hasValue(4);
  }

  // Own attack: the method injects nothing; the principal alone makes the request credentialed,
  // and the response is not public, so it is neither stored nor answered from the cache.
  @Test
  void aPrincipalCountsEvenWhenTheResourceReadsTheUserFromElsewhere() {
    startWithApiKeyFilter();
    Response alice = get("alice-key", "/orders");
    assertThat(alice.asString()).isEqualTo("orders of alice");
    assertPrivate(alice);
    assertThat(get(null, "/orders").asString()).isEqualTo("orders of nobody");
    assertThat(get(null, "/orders").header("Cache-Status")).startsWith(HIT);
    Response bob = get("bob-key", "/orders");
    assertThat(bob.asString()).isEqualTo("orders of bob");
    assertPrivate(bob);
    assertThat(calls).hasValue(3);
  }

  @Test
  void aConfiguredCredentialHeaderKeepsAKeyHoldersAnswerToThemselves() {
    start(ResponseCacheFeature.builder().credentialHeaders("X-Api-Key").build());
    Response alice = get("alice-key", "/usage");
    assertThat(alice.asString()).isEqualTo("usage of alice");
    assertPrivate(alice);
    assertThat(get(null, "/usage").asString()).isEqualTo("usage of nobody");
    assertThat(get(null, "/usage").header("Cache-Status")).startsWith(HIT);
    Response bob = get("bob-key", "/usage");
    assertThat(bob.asString()).isEqualTo("usage of bob");
    assertPrivate(bob);
    assertThat(calls).hasValue(3);
  }

  // Own attack: header names are case-insensitive on the wire, whatever the configuration says.
  @Test
  void aCredentialHeaderCountsWhateverItsCase() {
    start(ResponseCacheFeature.builder().credentialHeaders("x-API-key").build());
    assertThat(server.request().header("X-API-KEY", "alice-key").get("/usage").asString())
        .isEqualTo("usage of alice");
    assertThat(get(null, "/usage").asString()).isEqualTo("usage of nobody");
    assertThat(server.request().header("x-api-key", "bob-key").get("/usage").asString())
        .isEqualTo("usage of bob");
    assertThat(calls).hasValue(3);
  }

  // Own attack: the second configured name must count as much as the first.
  @Test
  void everyConfiguredCredentialHeaderCounts() {
    start(ResponseCacheFeature.builder().credentialHeaders("X-Api-Key", "X-Session-Token").build());
    Response alice = server.request().header("X-Session-Token", "alice-key").get("/usage");
    assertThat(alice.asString()).isEqualTo("usage of alice");
    assertPrivate(alice);
    assertThat(get(null, "/usage").asString()).isEqualTo("usage of nobody");
    assertThat(server.request().header("X-Session-Token", "bob-key").get("/usage").asString())
        .isEqualTo("usage of bob");
    assertThat(calls).hasValue(3);
  }

  // The cache is not switched off for key holders: what says public and does not ask who is
  // calling is still shared with them.
  @Test
  void aPublicPageThatNeverAsksWhoIsCallingIsSharedWithKeyHolders() {
    start(
        ResponseCacheFeature.builder().credentialHeaders("X-Api-Key").build(), new ApiKeyFilter());
    assertThat(get("alice-key", "/price-list").asString()).isEqualTo("price list 1");
    assertThat(get("bob-key", "/price-list").header("Cache-Status")).startsWith(HIT);
    assertThat(get(null, "/price-list").asString()).isEqualTo("price list 1");
    assertThat(calls).hasValue(1);
  }

  @Test
  void identityIndependentOptsAPublicMethodBackIntoSharing() {
    startWithApiKeyFilter();
    assertThat(get("alice-key", "/catalogue").asString()).isEqualTo("catalogue 1");
    Response bob = get("bob-key", "/catalogue");
    assertThat(bob.asString()).isEqualTo("catalogue 1");
    assertThat(bob.header("Cache-Status")).startsWith(HIT);
    assertThat(get(null, "/catalogue").asString()).isEqualTo("catalogue 1");
    assertThat(calls).hasValue(1);
  }

  // Own attack: the opt-in lifts only the SecurityContext rule; a credentialed answer still
  // needs public or s-maxage to be shared.
  @Test
  void identityIndependentIsNoLicenceToShareACredentialedAnswerWithoutPublic() {
    startWithApiKeyFilter();
    Response alice = get("alice-key", "/opening-hours");
    assertThat(alice.asString()).isEqualTo("opening hours for alice");
    assertPrivate(alice);
    assertThat(get(null, "/opening-hours").asString()).isEqualTo("opening hours for nobody");
    Response bob = get("bob-key", "/opening-hours");
    assertThat(bob.asString()).isEqualTo("opening hours for bob");
    assertPrivate(bob);
    assertThat(get(null, "/opening-hours").header("Cache-Status")).startsWith(HIT);
    assertThat(calls).hasValue(3);
  }

  // The application chose an early lookup (before its unprioritised API-key filter), so the
  // lookup cannot see Alice's principal; the store decision, made after the resource, still
  // does, and keeps her page out of the cache.
  @Test
  void aPrincipalSetAfterAnEarlyLookupStillKeepsAlicesPageOutOfTheCache() {
    start(
        ResponseCacheFeature.builder().lookupPriority(Priorities.AUTHORIZATION + 500).build(),
        new ApiKeyFilter());
    for (String path : new String[] {"/account", "/orders", "/public-account"}) {
      Response alice = get("alice-key", path);
      assertThat(alice.asString()).as(path).endsWith(" of alice");
      assertPrivate(alice);
      assertThat(get(null, path).asString()).as(path).endsWith(" of nobody");
      assertThat(get("bob-key", path).asString()).as(path).doesNotContain("alice");
    }
  }
}
