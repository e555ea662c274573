package dev.restcache.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.CacheControl;
import dev.restcache.Cached;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.it.support.Apps;
import dev.restcache.it.support.RunningServer;
import io.restassured.response.Response;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Family 6, the key holds what the method reads: a request header or cookie a cached resource
 * method reads through {@code @HeaderParam}, {@code @BeanParam} or {@code @CookieParam} is part of
 * the key (and of {@code Vary}), a credential cookie it reads keeps the request away from the
 * cache, and a method reading {@code @Context HttpHeaders} is keyed on the Accept-* headers with a
 * deployment warning, so that no tenant, language or user is served another's answer.
 */
class MethodInputsTest {
  private static final String HIT = "restcache; hit";
  static final AtomicInteger CLASS_CALLS = new AtomicInteger();

  @RegisterExtension final RunningServer server = new RunningServer();

  /** The tenant, through a bean as some applications group their parameters. */
  public static class TenantParams {
    @HeaderParam("X-Tenant")
    String tenant;

    @CookieParam("lang")
    String lang;
  }

  @Path("/")
  public static class Resource {
    final AtomicInteger calls = new AtomicInteger();

    @GET
    @Path("tenant")
    @Cached
    public String tenant(@HeaderParam("x-tenant") String tenant) {
      return "orders of " + tenant + " #" + calls.incrementAndGet();
    }

    @GET
    @Path("bean")
    @Cached
    public String bean(@BeanParam TenantParams params) {
      return "orders of " + params.tenant + " #" + calls.incrementAndGet();
    }

    @GET
    @Path("bean-cookie")
    @Cached
    public String beanCookie(@BeanParam TenantParams params) {
      return "lang " + params.lang + " #" + calls.incrementAndGet();
    }

    @GET
    @Path("lang")
    @Cached
    public String lang(@CookieParam("lang") String lang) {
      return "lang " + lang + " #" + calls.incrementAndGet();
    }

    @GET
    @Path("me")
    @Cached
    public String me(@CookieParam("session") String session) {
      return "hello " + (session == null ? "guest" : session) + " #" + calls.incrementAndGet();
    }

    @GET
    @Path("me-public")
    @Cached
    @CacheControl(maxAge = 60, isPublic = true)
    public String mePublic(@CookieParam("session") String session) {
      return "hello " + (session == null ? "guest" : session) + " #" + calls.incrementAndGet();
    }

    @GET
    @Path("languages")
    @Cached
    public String languages(@Context HttpHeaders headers) {
      List<Locale> languages = headers.getAcceptableLanguages();
      return "lang "
          + languages.get(0).getLanguage()
          + " types "
          + headers.getAcceptableMediaTypes().get(0)
          + " #"
          + calls.incrementAndGet();
    }

    @GET
    @Path("declared")
    @Cached(vary = "X-Team")
    public String declared(@Context HttpHeaders headers) {
      return "team " + headers.getHeaderString("X-Team") + " #" + calls.incrementAndGet();
    }
  }

  /** A per-request resource that reads a header into a field, as JAX-RS allows. */
  @Path("/region")
  public static class RegionResource {
    @HeaderParam("X-Region")
    String region;

    @GET
    @Cached
    public String get() {
      return "prices for " + region + " #" + CLASS_CALLS.incrementAndGet();
    }
  }

  /** A per-request resource that reads a header in its constructor. */
  @Path("/currency")
  public static class CurrencyResource {
    private final String currency;

    public CurrencyResource(@HeaderParam("X-Currency") String currency) {
      this.currency = currency;
    }

    @GET
    @Cached
    public String get() {
      return "prices in " + currency + " #" + CLASS_CALLS.incrementAndGet();
    }
  }

  private Resource start(ResponseCacheFeature feature) {
    Resource resource = new Resource();
    CLASS_CALLS.set(0);
    server.start(Apps.of(feature, resource, RegionResource.class, CurrencyResource.class));
    return resource;
  }

  private Resource start() {
    return start(ResponseCacheFeature.withDefaults());
  }

  private Response get(String path, String header, String value) {
    return server.request().header(header, value).get(path);
  }

  private static List<String> vary(Response response) {
    return response.headers().getValues("Vary").stream()
        .flatMap(line -> Arrays.stream(line.split(",")))
        .map(name -> name.trim().toLowerCase(Locale.ROOT))
        .collect(Collectors.toList());
  }

  @Test
  void oneTenantIsNeverServedAnothersOrders() {
    Resource resource = start();
    Response acme = get("/tenant", "X-Tenant", "acme");
    assertThat(acme.asString()).isEqualTo("orders of acme #1");
    assertThat(vary(acme)).contains("x-tenant");
    Response globex = get("/tenant", "X-Tenant", "globex");
    assertThat(globex.asString()).isEqualTo("orders of globex #2");
    assertThat(vary(globex)).contains("x-tenant");
    Response acmeAgain = get("/tenant", "X-Tenant", "acme");
    assertThat(acmeAgain.asString()).isEqualTo("orders of acme #1");
    assertThat(acmeAgain.header("Cache-Status")).startsWith(HIT);
    // The header's name is case-insensitive: the client's spelling shares the entry.
    assertThat(get("/tenant", "x-TENANT", "globex").asString()).isEqualTo("orders of globex #2");
    assertThat(server.request().get("/tenant").asString()).isEqualTo("orders of null #3");
    assertThat(resource.calls).hasValue(3);
  }

  @Test
  void aTenantReadThroughABeanParamIsKeyed() {
    Resource resource = start();
    Response acme = get("/bean", "X-Tenant", "acme");
    assertThat(acme.asString()).isEqualTo("orders of acme #1");
    assertThat(vary(acme)).contains("x-tenant");
    assertThat(get("/bean", "X-Tenant", "globex").asString()).isEqualTo("orders of globex #2");
    assertThat(get("/bean", "X-Tenant", "acme").asString()).isEqualTo("orders of acme #1");
    assertThat(resource.calls).hasValue(2);
  }

  @Test
  void anAnonymousCookieTheMethodReadsIsKeyedOnItsValueOnly() {
    Resource resource =
        start(ResponseCacheFeature.builder().anonymousCookies("lang", "_ga", "_gid").build());
    assertThat(get("/lang", "Cookie", "lang=en").asString()).isEqualTo("lang en #1");
    assertThat(get("/lang", "Cookie", "lang=fr").asString()).isEqualTo("lang fr #2");
    Response enWithAnalytics = get("/lang", "Cookie", "_ga=GA1.1.111; lang=en; _gid=x");
    assertThat(enWithAnalytics.asString()).isEqualTo("lang en #1");
    assertThat(enWithAnalytics.header("Cache-Status")).startsWith(HIT);
    assertThat(get("/lang", "Cookie", "lang=fr; _ga=GA1.1.222").asString()).isEqualTo("lang fr #2");
    assertThat(server.request().get("/lang").asString()).isEqualTo("lang null #3");
    assertThat(resource.calls).hasValue(3);
  }

  // Invented: the same anonymous cookie twice. Whichever one JAX-RS reads, a client sending
  // only one of them must get its own.
  @Test
  void aRepeatedAnonymousCookieCanNotChooseTheLanguageOfOthers() {
    Resource resource = start(ResponseCacheFeature.builder().anonymousCookies("lang").build());
    String seen = get("/lang", "Cookie", "lang=en; lang=fr").asString();
    assertThat(seen).isIn("lang en #1", "lang fr #1");
    assertThat(get("/lang", "Cookie", "lang=en").asString()).startsWith("lang en ");
    assertThat(get("/lang", "Cookie", "lang=fr").asString()).startsWith("lang fr ");
    assertThat(resource.calls).hasValue(3);
  }

  // Invented: an anonymous cookie read through a @BeanParam.
  @Test
  void anAnonymousCookieReadThroughABeanParamIsKeyed() {
    Resource resource = start(ResponseCacheFeature.builder().anonymousCookies("lang").build());
    assertThat(get("/bean-cookie", "Cookie", "lang=en").asString()).isEqualTo("lang en #1");
    assertThat(get("/bean-cookie", "Cookie", "lang=fr").asString()).isEqualTo("lang fr #2");
    assertThat(get("/bean-cookie", "Cookie", "lang=en").asString()).isEqualTo("lang en #1");
    assertThat(resource.calls).hasValue(2);
  }

  @Test
  void aSessionCookieTheMethodReadsKeepsEachUserAwayFromTheCache() {
    Resource resource = start(ResponseCacheFeature.builder().anonymousCookies("lang").build());
    assertThat(get("/me", "Cookie", "session=alice").asString()).isEqualTo("hello alice #1");
    assertThat(get("/me", "Cookie", "lang=en; session=alice").asString())
        .isEqualTo("hello alice #2");
    assertThat(get("/me", "Cookie", "session=bob").asString()).isEqualTo("hello bob #3");
    assertThat(server.request().get("/me").asString()).isEqualTo("hello guest #4");
    assertThat(server.request().get("/me").asString()).isEqualTo("hello guest #4");
    assertThat(get("/me", "Cookie", "lang=en").asString()).doesNotContain("alice", "bob");
    assertThat(resource.calls).hasValue(4);
  }

  // Invented: the developer marked the page public, but it greets the session's user. Rule 1
  // lets a credentialed response marked public be stored; the key must still hold the cookie
  // the method reads, so Bob is never greeted as Alice.
  @Test
  void aPublicPageThatReadsTheSessionCookieNeverGreetsBobAsAlice() {
    Resource resource = start();
    assertThat(get("/me-public", "Cookie", "session=alice").asString()).isEqualTo("hello alice #1");
    assertThat(get("/me-public", "Cookie", "session=bob").asString()).startsWith("hello bob ");
    assertThat(server.request().get("/me-public").asString()).startsWith("hello guest ");
    assertThat(get("/me-public", "Cookie", "session=alice").asString()).startsWith("hello alice ");
    assertThat(resource.calls.get()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void aMethodReadingHttpHeadersIsKeyedOnTheAcceptHeaders() {
    Resource resource = start();
    Response en = server.request().header("Accept-Language", "en").get("/languages");
    assertThat(en.asString()).isEqualTo("lang en types */* #1");
    assertThat(vary(en)).contains("accept-language");
    assertThat(get("/languages", "Accept-Language", "fr").asString())
        .isEqualTo("lang fr types */* #2");
    assertThat(
            server
                .request()
                .header("Accept-Language", "en")
                .accept("text/plain")
                .get("/languages")
                .asString())
        .isEqualTo("lang en types text/plain #3");
    Response enAgain = get("/languages", "Accept-Language", "en");
    assertThat(enAgain.asString()).isEqualTo("lang en types */* #1");
    assertThat(enAgain.header("Cache-Status")).startsWith(HIT);
    assertThat(resource.calls).hasValue(3);
  }

  @Test
  void aMethodReadingHttpHeadersWithoutVaryIsReportedOnceAtDeployment() {
    Logger logger = Logger.getLogger("dev.restcache");
    List<LogRecord> records = new ArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            synchronized (records) {
              records.add(record);
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    handler.setLevel(Level.ALL);
    logger.addHandler(handler);
    try {
      start();
    } finally {
      logger.removeHandler(handler);
    }
    SimpleFormatter formatter = new SimpleFormatter();
    List<String> warnings;
    synchronized (records) {
      warnings =
          records.stream()
              .filter(r -> Level.WARNING.equals(r.getLevel()))
              .map(formatter::formatMessage)
              .collect(Collectors.toList());
    }
    assertThat(warnings.stream().filter(w -> w.contains("Resource.languages")))
        .as("warnings: %s", warnings)
        .hasSize(1);
    // @Cached(vary = ...) says what it reads: no warning.
    assertThat(warnings).noneMatch(w -> w.contains("Resource.declared"));
    assertThat(warnings).noneMatch(w -> w.contains("Resource.tenant"));
  }

  // Invented: JAX-RS injects headers into fields of per-request resources too.
  @Test
  void aHeaderReadIntoAResourceFieldIsKeyed() {
    start();
    assertThat(get("/region", "X-Region", "eu").asString()).isEqualTo("prices for eu #1");
    assertThat(get("/region", "X-Region", "us").asString()).isEqualTo("prices for us #2");
    assertThat(get("/region", "X-Region", "eu").asString()).isEqualTo("prices for eu #1");
    assertThat(CLASS_CALLS).hasValue(2);
  }

  // Invented: and into constructor parameters.
  @Test
  void aHeaderReadInTheResourceConstructorIsKeyed() {
    start();
    assertThat(get("/currency", "X-Currency", "EUR").asString()).isEqualTo("prices in EUR #1");
    assertThat(get("/currency", "X-Currency", "USD").asString()).isEqualTo("prices in USD #2");
    assertThat(get("/currency", "X-Currency", "EUR").asString()).isEqualTo("prices in EUR #1");
    assertThat(CLASS_CALLS).hasValue(2);
  }

  // Invented: the value differs only in case. The application may treat it so, so it is its
  // own variant (normalising case would let "ACME" be served "acme"'s answer).
  @Test
  void tenantValuesThatDifferOnlyInCaseAreDifferentVariants() {
    Resource resource = start();
    assertThat(get("/tenant", "X-Tenant", "acme").asString()).isEqualTo("orders of acme #1");
    assertThat(get("/tenant", "X-Tenant", "ACME").asString()).isEqualTo("orders of ACME #2");
    assertThat(resource.calls).hasValue(2);
  }
}
