package dev.restcache.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.CacheControl;
import dev.restcache.Cached;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.it.support.Apps;
import dev.restcache.it.support.RunningServer;
import dev.restcache.it.support.TestUser;
import io.restassured.response.Response;
import jakarta.annotation.Priority;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.SecurityContext;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Family 2, a hit never skips an application's request filter: the lookup runs after every request
 * filter of the application (default priority {@code Integer.MAX_VALUE}), including those without
 * {@code @Priority}, name-bound ones and ones a {@code DynamicFeature} registers. An authentication
 * filter that answers 401, a rate limit, a block list or a filter that sets the principal or
 * derives a header therefore runs on a hit too. {@code lookupPriority(...)} moves the lookup
 * earlier when an application chooses so.
 */
class FilterOrderTest {
  private static final String HIT = "restcache; hit";
  // Null-tolerant: a request without a key looks up null.
  private static final Map<String, String> KEYS =
      Collections.unmodifiableMap(
          new HashMap<>(Map.of("alice-key", "alice", "bob-key", "bob", "root-key", "root")));

  @RegisterExtension final RunningServer server = new RunningServer();
  private final Resource resource = new Resource();

  /** Pages the filters below guard, all shareable so that one user's request fills them. */
  @Path("/")
  public static class Resource {
    final AtomicInteger calls = new AtomicInteger();

    @GET
    @Path("report")
    @Cached
    @CacheControl(isPublic = true, maxAge = 60)
    public String report() {
      calls.incrementAndGet();
      return "quarterly report";
    }

    @GET
    @Path("account")
    @Cached
    public String account(@Context SecurityContext security) {
      calls.incrementAndGet();
      return "account of "
          + (security.getUserPrincipal() == null
              ? "nobody"
              : security.getUserPrincipal().getName());
    }

    @GET
    @Path("admin/stats")
    @Cached
    @CacheControl(isPublic = true, maxAge = 60)
    @AdminOnly
    public String stats() {
      calls.incrementAndGet();
      return "revenue 1,000,000";
    }

    @GET
    @Path("catalogue")
    @Cached(vary = "X-Tenant")
    @CacheControl(isPublic = true, maxAge = 60)
    public String catalogue(@HeaderParam("X-Tenant") String tenant) {
      calls.incrementAndGet();
      return "catalogue of " + tenant;
    }
  }

  /** Bearer authentication without {@code @Priority}: 401 for a missing or bad token. */
  public static class BearerFilter implements ContainerRequestFilter {
    final AtomicInteger runs = new AtomicInteger();

    @Override
    public void filter(ContainerRequestContext request) {
      runs.incrementAndGet();
      String authorization = request.getHeaderString("Authorization");
      if (!"Bearer good-alice".equals(authorization)) {
        request.abortWith(
            jakarta.ws.rs.core.Response.status(401)
                .header("WWW-Authenticate", "Bearer")
                .entity("bad token")
                .build());
        return;
      }
      request.setSecurityContext(new TestUser("alice", "Bearer"));
    }
  }

  /** Sets the principal from {@code X-Api-Key}; registered at {@code Priorities.USER + 100}. */
  public static class ApiKeyFilter implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
      String user = KEYS.get(request.getHeaderString("X-Api-Key"));
      if (user != null) {
        request.setSecurityContext(new TestUser(user, "Bearer"));
      }
    }
  }

  /** Three requests per client, then 429. No {@code @Priority}. */
  public static class RateLimitFilter implements ContainerRequestFilter {
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    @Override
    public void filter(ContainerRequestContext request) {
      String client = String.valueOf(request.getHeaderString("X-Client"));
      if (counts.computeIfAbsent(client, c -> new AtomicInteger()).incrementAndGet() > 3) {
        request.abortWith(jakarta.ws.rs.core.Response.status(429).entity("slow down").build());
      }
    }
  }

  /** Binds {@link AdminOnlyFilter}. */
  @NameBinding
  @Retention(RetentionPolicy.RUNTIME)
  public @interface AdminOnly {}

  /** Name-bound, no {@code @Priority}: 403 unless the key is root's. */
  @AdminOnly
  public static class AdminOnlyFilter implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
      if (!"root".equals(KEYS.get(request.getHeaderString("X-Api-Key")))) {
        request.abortWith(jakarta.ws.rs.core.Response.status(403).entity("admins only").build());
      }
    }
  }

  /** Registers a block list of keys on every resource method, without a priority. */
  public static class BlockListFeature implements DynamicFeature {
    final Set<String> revoked = ConcurrentHashMap.newKeySet();

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
      context.register(new RevokedKeyFilter(revoked));
    }
  }

  /** Refuses revoked keys. */
  public static class RevokedKeyFilter implements ContainerRequestFilter {
    private final Set<String> revoked;

    RevokedKeyFilter(Set<String> revoked) {
      this.revoked = revoked;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      if (revoked.contains(request.getHeaderString("X-Api-Key"))) {
        request.abortWith(jakarta.ws.rs.core.Response.status(403).entity("key revoked").build());
      }
    }
  }

  /** Legal says: not in country XX. Just before the last priority there is. */
  @Priority(Integer.MAX_VALUE - 1)
  public static class GeoBlockFilter implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
      if ("XX".equals(request.getHeaderString("X-Country"))) {
        request.abortWith(
            jakarta.ws.rs.core.Response.status(451).entity("unavailable here").build());
      }
    }
  }

  /** Derives the tenant from the API key, overwriting whatever the client sent. */
  public static class TenantFilter implements ContainerRequestFilter {
    private static final Map<String, String> TENANTS =
        Collections.unmodifiableMap(
            new HashMap<>(Map.of("alice-key", "acme", "bob-key", "globex")));

    @Override
    public void filter(ContainerRequestContext request) {
      String tenant = TENANTS.get(request.getHeaderString("X-Api-Key"));
      if (tenant == null) {
        request.abortWith(jakarta.ws.rs.core.Response.status(401).build());
        return;
      }
      request.getHeaders().putSingle("X-Tenant", tenant);
    }
  }

  /** Counts every request it sees, as an audit log would. No {@code @Priority}. */
  public static class AuditFilter implements ContainerRequestFilter {
    final AtomicInteger runs = new AtomicInteger();

    @Override
    public void filter(ContainerRequestContext request) {
      runs.incrementAndGet();
    }
  }

  private ResourceConfig app(ResponseCacheFeature feature) {
    return Apps.of(feature, resource);
  }

  private Response get(String path, String header, String value) {
    return header == null
        ? server.request().get(path)
        : server.request().header(header, value).get(path);
  }

  private static void assertNotAHit(Response response) {
    assertThat(String.valueOf(response.header("Cache-Status"))).doesNotStartWith(HIT);
  }

  @Test
  void bobsBadTokenGets401EvenAfterAlicesGoodRequestFilledTheCache() {
    BearerFilter bearer = new BearerFilter();
    server.start(app(ResponseCacheFeature.withDefaults()).register(bearer));
    Response alice = get("/report", "Authorization", "Bearer good-alice");
    assertThat(alice.statusCode()).isEqualTo(200);
    assertThat(alice.header("Cache-Status")).contains("stored");
    assertThat(get("/report", "Authorization", "Bearer good-alice").header("Cache-Status"))
        .startsWith(HIT);

    Response bob = get("/report", "Authorization", "Bearer stolen-or-expired");
    assertThat(bob.statusCode()).isEqualTo(401);
    assertThat(bob.header("WWW-Authenticate")).isEqualTo("Bearer");
    assertThat(bob.asString()).isEqualTo("bad token").doesNotContain("quarterly");
    assertNotAHit(bob);
    Response nobody = get("/report", null, null);
    assertThat(nobody.statusCode()).isEqualTo(401);
    assertThat(nobody.asString()).doesNotContain("quarterly");
    // Own attack: a HEAD is answered from the GET entry; it must be refused all the same.
    assertThat(
            server.request().header("Authorization", "Bearer forged").head("/report").statusCode())
        .isEqualTo(401);
    assertThat(resource.calls).hasValue(1);
    assertThat(bearer.runs).hasValue(5);
  }

  @Test
  void aPrincipalSetAtUserPlus100StillKeepsAlicesAccountFromBob() {
    server.start(
        app(ResponseCacheFeature.withDefaults())
            .register(new ApiKeyFilter(), Priorities.USER + 100));
    Response alice = get("/account", "X-Api-Key", "alice-key");
    assertThat(alice.asString()).isEqualTo("account of alice");
    assertThat(String.valueOf(alice.header("Cache-Status"))).doesNotContain("stored");
    assertThat(get("/account", "X-Api-Key", "bob-key").asString()).isEqualTo("account of bob");
    assertThat(get("/account", null, null).asString()).isEqualTo("account of nobody");
    Response aliceAgain = get("/account", "X-Api-Key", "alice-key");
    assertThat(aliceAgain.asString()).isEqualTo("account of alice");
    assertNotAHit(aliceAgain);
    assertThat(resource.calls).hasValue(4);
  }

  // Own attack: a rate limit without @Priority must count hits too, or a cached page is an
  // unlimited amplifier for a scraper.
  @Test
  void aRateLimitWithoutPriorityStillLimitsCachedPages() {
    server.start(app(ResponseCacheFeature.withDefaults()).register(new RateLimitFilter()));
    for (int i = 0; i < 3; i++) {
      assertThat(get("/report", "X-Client", "scraper").statusCode()).isEqualTo(200);
    }
    Response fourth = get("/report", "X-Client", "scraper");
    assertThat(fourth.statusCode()).isEqualTo(429);
    assertThat(fourth.asString()).isEqualTo("slow down");
    assertNotAHit(fourth);
    assertThat(get("/report", "X-Client", "reader").header("Cache-Status")).startsWith(HIT);
    assertThat(resource.calls).hasValue(1);
  }

  // Own attack: a name-bound authorization filter is merged into the same ordering.
  @Test
  void aNameBoundAdminCheckWithoutPriorityStillForbidsOnAHit() {
    server.start(app(ResponseCacheFeature.withDefaults()).register(AdminOnlyFilter.class));
    Response root = get("/admin/stats", "X-Api-Key", "root-key");
    assertThat(root.statusCode()).isEqualTo(200);
    assertThat(root.asString()).isEqualTo("revenue 1,000,000");
    for (String key : new String[] {"bob-key", null}) {
      Response other = get("/admin/stats", key == null ? null : "X-Api-Key", key);
      assertThat(other.statusCode()).as(key).isEqualTo(403);
      assertThat(other.asString()).as(key).isEqualTo("admins only");
    }
    assertThat(get("/admin/stats", "X-Api-Key", "root-key").header("Cache-Status")).startsWith(HIT);
    assertThat(resource.calls).hasValue(1);
  }

  // Own attack: a key revoked after the page was cached; its filter comes from a
  // DynamicFeature, as restcache's own lookup does.
  @Test
  void aRevokedKeyIsRefusedEvenThoughThePageIsCached() {
    BlockListFeature blockList = new BlockListFeature();
    server.start(app(ResponseCacheFeature.withDefaults()).register(blockList));
    assertThat(get("/report", "X-Api-Key", "bob-key").statusCode()).isEqualTo(200);
    blockList.revoked.add("bob-key");
    Response bob = get("/report", "X-Api-Key", "bob-key");
    assertThat(bob.statusCode()).isEqualTo(403);
    assertThat(bob.asString()).isEqualTo("key revoked");
    assertThat(get("/report", "X-Api-Key", "alice-key").header("Cache-Status")).startsWith(HIT);
    assertThat(resource.calls).hasValue(1);
  }

  // Own attack: "after every filter" includes one at Integer.MAX_VALUE - 1.
  @Test
  void aFilterJustBelowTheLastPriorityStillRunsOnAHit() {
    server.start(app(ResponseCacheFeature.withDefaults()).register(GeoBlockFilter.class));
    assertThat(get("/report", "X-Country", "FR").statusCode()).isEqualTo(200);
    Response blocked = get("/report", "X-Country", "XX");
    assertThat(blocked.statusCode()).isEqualTo(451);
    assertThat(blocked.asString()).isEqualTo("unavailable here");
    assertThat(resource.calls).hasValue(1);
  }

  // Own attack: a filter derives a keyed header (X-Tenant) from the API key. If the lookup ran
  // first, it would key the request on what the client sent instead of on what the resource
  // reads, and serve one tenant's catalogue to another.
  @Test
  void aTenantHeaderSetByAFilterIsWhatTheLookupKeysOn() {
    server.start(app(ResponseCacheFeature.withDefaults()).register(new TenantFilter()));
    assertThat(get("/catalogue", "X-Api-Key", "alice-key").asString())
        .isEqualTo("catalogue of acme");
    Response bob = get("/catalogue", "X-Api-Key", "bob-key");
    assertThat(bob.asString()).isEqualTo("catalogue of globex");
    assertNotAHit(bob);
    Response forged =
        server
            .request()
            .header("X-Api-Key", "bob-key")
            .header("X-Tenant", "acme")
            .get("/catalogue");
    assertThat(forged.asString()).isEqualTo("catalogue of globex");
    assertThat(get("/catalogue", "X-Api-Key", "alice-key").header("Cache-Status")).startsWith(HIT);
    assertThat(resource.calls).hasValue(2);
  }

  // The configurable choice: lookupPriority(Priorities.AUTHORIZATION + 500) puts the lookup
  // before every filter without @Priority (Priorities.USER), as restcache did before. An
  // application that chooses it must give its authentication an explicit priority: a filter
  // at Priorities.AUTHENTICATION still runs on a hit, while the unprioritised audit filter is
  // then skipped by hits.
  @Test
  void anEarlierLookupPriorityIsTheApplicationsChoice() {
    assertThat(ResponseCacheFeature.DEFAULT_LOOKUP_PRIORITY).isEqualTo(Integer.MAX_VALUE);
    BearerFilter bearer = new BearerFilter();
    AuditFilter audit = new AuditFilter();
    server.start(
        app(ResponseCacheFeature.builder().lookupPriority(Priorities.AUTHORIZATION + 500).build())
            .register(bearer, Priorities.AUTHENTICATION)
            .register(audit));
    assertThat(get("/report", "Authorization", "Bearer good-alice").statusCode()).isEqualTo(200);
    assertThat(get("/report", "Authorization", "Bearer good-alice").header("Cache-Status"))
        .startsWith(HIT);
    assertThat(get("/report", "Authorization", "Bearer forged").statusCode()).isEqualTo(401);
    assertThat(resource.calls).hasValue(1);
    assertThat(bearer.runs).hasValue(3);
    assertThat(audit.runs).as("the audit filter runs after the early lookup").hasValue(1);
  }

  // With the default, the same unprioritised audit filter sees every request, hits included.
  @Test
  void byDefaultAFilterWithoutPrioritySeesEveryHit() {
    AuditFilter audit = new AuditFilter();
    server.start(app(ResponseCacheFeature.withDefaults()).register(audit));
    for (int i = 0; i < 3; i++) {
      get("/report", null, null);
    }
    assertThat(get("/report", null, null).header("Cache-Status")).startsWith(HIT);
    assertThat(resource.calls).hasValue(1);
    assertThat(audit.runs).hasValue(4);
  }
}
