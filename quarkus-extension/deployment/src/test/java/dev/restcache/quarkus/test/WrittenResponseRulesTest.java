package dev.restcache.quarkus.test;

import static dev.restcache.quarkus.test.SharedRules.assertHit;
import static dev.restcache.quarkus.test.SharedRules.assertNotAHit;
import static dev.restcache.quarkus.test.SharedRules.assertStored;
import static dev.restcache.quarkus.test.SharedRules.lines;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.Cached;
import dev.restcache.ResponseCache;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Family 4 on Quarkus REST, what is stored is what was written: a {@code Set-Cookie} added by a
 * response filter after the cache's filters, or by a writer interceptor before it proceeds, keeps
 * the response out of the cache. Quarkus REST sends the headers before the innermost writer runs,
 * so these tests check what the client received and that the next request runs the resource again.
 */
class WrittenResponseRulesTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .overrideConfigKey("quarkus.http.test-port", "0")
          .withApplicationRoot(
              jar ->
                  jar.addClasses(
                      Counter.class,
                      SharedRules.class,
                      RemembersVisitors.class,
                      StartsSessions.class,
                      RememberVisitor.class,
                      SessionCookieWriter.class,
                      StartsSessionsLate.class,
                      LateSessionCookieWriter.class,
                      Pages.class));

  @Inject Counter counter;

  @Inject ResponseCache cache;

  @BeforeEach
  void reset() {
    counter.reset();
    cache.clear();
    RememberVisitor.VISITORS.set(0);
    SessionCookieWriter.SESSIONS.set(0);
    LateSessionCookieWriter.SESSIONS.set(0);
  }

  @NameBinding
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.TYPE, ElementType.METHOD})
  public @interface RemembersVisitors {}

  @NameBinding
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.TYPE, ElementType.METHOD})
  public @interface StartsSessions {}

  @NameBinding
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.TYPE, ElementType.METHOD})
  public @interface StartsSessionsLate {}

  /** Gives every new visitor a cookie; at 50 it runs after the cache's response filters. */
  @Provider
  @Priority(50)
  @RemembersVisitors
  public static class RememberVisitor implements ContainerResponseFilter {
    static final AtomicInteger VISITORS = new AtomicInteger();

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      if (!request.getCookies().containsKey("visitor")) {
        response
            .getHeaders()
            .add("Set-Cookie", "visitor=" + VISITORS.incrementAndGet() + "; Path=/");
      }
    }
  }

  /** Starts a session as the body is written, before it proceeds; no {@code @Priority}. */
  @Provider
  @StartsSessions
  public static class SessionCookieWriter implements WriterInterceptor {
    static final AtomicInteger SESSIONS = new AtomicInteger();

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
      context.getHeaders().add("Set-Cookie", "session=" + SESSIONS.incrementAndGet());
      context.proceed();
    }
  }

  /** Starts a session once the body is written, after it proceeds; no {@code @Priority}. */
  @Provider
  @StartsSessionsLate
  public static class LateSessionCookieWriter implements WriterInterceptor {
    static final AtomicInteger SESSIONS = new AtomicInteger();

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
      context.proceed();
      context.getHeaders().add("Set-Cookie", "session=" + SESSIONS.incrementAndGet());
    }
  }

  @Path("/written")
  public static class Pages {
    @Inject Counter counter;

    @GET
    @Path("visitor")
    @Cached
    @RemembersVisitors
    public String visitor() {
      return "visitor page " + counter.next();
    }

    @GET
    @Path("session")
    @Cached
    @StartsSessions
    public String session() {
      return "session page " + counter.next();
    }

    @GET
    @Path("late-session")
    @Cached
    @StartsSessionsLate
    public String lateSession() {
      return "late session page " + counter.next();
    }

    @GET
    @Path("plain")
    @Cached
    public String plain() {
      return "plain page " + counter.next();
    }
  }

  @Test
  void aSetCookieFromAResponseFilterAfterTheCacheIsNeverStored() {
    Response first = given().get("/written/visitor");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.asString()).isEqualTo("visitor page 1");
    assertThat(lines(first, "Set-Cookie")).containsExactly("visitor=1; Path=/");
    assertThat(first.header("Cache-Status"))
        .contains("detail=\"set-cookie\"")
        .doesNotContain("stored");
    Response second = given().get("/written/visitor");
    assertThat(second.asString()).isEqualTo("visitor page 2");
    assertThat(lines(second, "Set-Cookie")).containsExactly("visitor=2; Path=/");
    assertNotAHit(second);
    assertThat(counter.calls()).isEqualTo(2);
  }

  @Test
  void aSetCookieFromAWriterInterceptorIsNeverStored() {
    Response first = given().get("/written/session");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.asString()).isEqualTo("session page 1");
    // What the client receives: the cookie reaches it, since the interceptor added it before
    // the innermost writer ran, when Quarkus REST sends the headers.
    assertThat(lines(first, "Set-Cookie")).containsExactly("session=1");
    Response second = given().get("/written/session");
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.asString()).isEqualTo("session page 2");
    assertThat(lines(second, "Set-Cookie")).containsExactly("session=2");
    assertNotAHit(second);
    assertThat(counter.calls()).isEqualTo(2);
    assertThat(first.header("Cache-Status"))
        .isEqualTo("restcache; fwd=uri-miss; detail=\"set-cookie\"");
  }

  // Own attack: the cookie is added after proceed(). This interceptor and the cache's capture
  // both sit at Priorities.USER; their order is the container's and was seen to change between
  // application starts. Inside the capture, the cookie reaches the client with
  // detail="set-cookie"; outside it, Quarkus REST has already sent the headers (Cache-Status
  // says "stored", the cookie is never sent). Either way the response is not stored.
  @Test
  void aSetCookieAddedAfterProceedIsNeverStored() {
    for (int i = 1; i <= 6; i++) {
      Response response = given().get("/written/late-session");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.asString()).isEqualTo("late session page " + i);
      assertNotAHit(response);
    }
    assertThat(counter.calls()).isEqualTo(6);
    assertThat(LateSessionCookieWriter.SESSIONS).hasValue(6);
  }

  // The control: the same application stores a page no interceptor touches.
  @Test
  void aPageWithoutCookiesIsStoredAndHit() {
    assertStored(given().get("/written/plain"));
    Response hit = given().get("/written/plain");
    assertThat(hit.asString()).isEqualTo("plain page 1");
    assertThat(lines(hit, "Set-Cookie")).isEmpty();
    assertHit(hit);
    assertThat(counter.calls()).isEqualTo(1);
  }
}
