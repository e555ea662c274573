package dev.restcache.quarkus.test;

import static io.restassured.RestAssured.get;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.Cached;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A request that fails after its lookup made it fill an entry releases the fill when Quarkus REST
 * completes it, not after restcache's bound: with the store and collapse timeouts at a minute, that
 * bound is a minute too, and the next request for the URL is answered at once.
 */
class FailedFillReleaseTest {
  // Far below the minute a fill left behind would hold the next request.
  private static final int NEXT_REQUEST_MILLIS = 10_000;

  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .overrideConfigKey("quarkus.http.test-port", "0")
          .overrideConfigKey("quarkus.restcache.store-timeout", "60s")
          .overrideConfigKey("quarkus.restcache.collapse-timeout", "60s")
          .withApplicationRoot(
              jar ->
                  jar.addClasses(
                      Failing.class, FailsAfterResponse.class, FailingResponseFilter.class));

  @Test
  void anUnmappedExceptionOnAWorkerReleasesItsFill() {
    assertTheNextRequestRunsTheResourceAgain("/failing/thrown", Failing.THROWN);
  }

  @Test
  void aFailedUniOnTheEventLoopReleasesItsFill() {
    assertTheNextRequestRunsTheResourceAgain("/failing/failed-uni", Failing.FAILED_UNI);
  }

  @Test
  void aResponseFilterThatThrowsReleasesItsFill() {
    assertTheNextRequestRunsTheResourceAgain("/failing/filtered", Failing.FILTERED);
  }

  private static void assertTheNextRequestRunsTheResourceAgain(String path, AtomicInteger runs) {
    get(path).then().statusCode(500);
    RestAssuredConfig bounded =
        RestAssuredConfig.config()
            .httpClient(
                HttpClientConfig.httpClientConfig()
                    .setParam("http.socket.timeout", NEXT_REQUEST_MILLIS));

    given().config(bounded).get(path).then().statusCode(500);

    assertThat(runs).hasValue(2);
  }

  @Path("/failing")
  public static class Failing {
    static final AtomicInteger THROWN = new AtomicInteger();
    static final AtomicInteger FAILED_UNI = new AtomicInteger();
    static final AtomicInteger FILTERED = new AtomicInteger();

    @GET
    @Path("/thrown")
    @Cached
    public String thrown() {
      THROWN.incrementAndGet();
      throw new IllegalStateException("no mapper for this");
    }

    @GET
    @Path("/failed-uni")
    @Cached
    public Uni<String> failedUni() {
      FAILED_UNI.incrementAndGet();
      return Uni.createFrom().failure(new IllegalStateException("no mapper for this"));
    }

    @GET
    @Path("/filtered")
    @Cached
    @FailsAfterResponse
    public String filtered() {
      return "filtered #" + FILTERED.incrementAndGet();
    }
  }

  /** Binds {@link FailingResponseFilter}. */
  @NameBinding
  @Target({ElementType.TYPE, ElementType.METHOD})
  @Retention(RetentionPolicy.RUNTIME)
  public @interface FailsAfterResponse {}

  /** An application's response filter that fails, between the cache's two. */
  @Provider
  @FailsAfterResponse
  @Priority(Priorities.USER)
  public static class FailingResponseFilter implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      throw new IllegalStateException("a failing response filter");
    }
  }
}
