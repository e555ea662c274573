package dev.restcache.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.restcache.Cached;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.it.support.Apps;
import dev.restcache.it.support.MutableClock;
import dev.restcache.it.support.RunningServer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NeverStoreTest {
  private static final int MAX_ENTRY = 1024;
  private final Resource resource = new Resource();
  @RegisterExtension final RunningServer server = new RunningServer();

  /** Answers with the status, header and body size it is asked for, so each rule is one request. */
  @Path("/")
  public static class Resource {
    final AtomicInteger calls = new AtomicInteger();

    @GET
    @Path("answer")
    @Cached
    public Response answer(
        @QueryParam("status") Integer status,
        @QueryParam("header") String header,
        @QueryParam("value") String value,
        @QueryParam("size") Integer size) {
      int call = calls.incrementAndGet();
      String body = size == null ? "call " + call : "x".repeat(size - 1) + call % 10;
      Response.ResponseBuilder response =
          Response.status(status == null ? 200 : status).entity(body).type("text/plain");
      if (header != null) {
        response.header(header, value);
      }
      return response.build();
    }
  }

  @BeforeEach
  void start() {
    server.start(
        Apps.of(
            ResponseCacheFeature.builder()
                .maxEntrySize(MAX_ENTRY)
                .clock(new MutableClock())
                .build(),
            resource));
  }

  private void assertNotStored(String query, String detail) {
    server
        .request()
        .get("/answer?" + query)
        .then()
        .header("Cache-Status", "restcache; fwd=uri-miss; detail=\"" + detail + "\"");
    server.request().get("/answer?" + query);
    assertThat(resource.calls).as(query).hasValue(2);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Cache-Control | no-store | no-store",
        "Cache-Control | private, max-age=60 | private",
        "Cache-Control | private=\"x-user\" | private",
        "Vary | * | vary-star",
        "Vary | Accept, * | vary-star",
        "Set-Cookie | session=abc | set-cookie",
        "Cache-Control | max-age=0 | stale",
        "Expires | 0 | stale",
      })
  void responsesThatMustNotBeSharedAreServedButNotStored(
      String header, String value, String detail) {
    String query =
        "header="
            + header
            + "&value="
            + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    assertNotStored(query, detail);
  }

  @Test
  void requestWithAuthorizationIsNotStoredUnlessTheResponseAllowsIt() {
    server
        .request()
        .header("Authorization", "Bearer alice")
        .get("/answer")
        .then()
        .header("Cache-Status", "restcache; fwd=uri-miss; detail=\"credentials\"");
    server
        .request()
        .header("Authorization", "Bearer bob")
        .get("/answer")
        .then()
        .body(equalTo("call 2"));
    assertThat(resource.calls).hasValue(2);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"public", "s-maxage=60", "must-revalidate"})
  void authorizedResponseThatSaysItIsShareableIsStored(String directive) {
    String query = "header=Cache-Control&value=" + directive;
    server.request().header("Authorization", "Bearer alice").get("/answer?" + query);
    server
        .request()
        .header("Authorization", "Bearer bob")
        .get("/answer?" + query)
        .then()
        .body(equalTo("call 1"));
    assertThat(resource.calls).hasValue(1);
  }

  @Test
  void storedEntryNotMarkedShareableIsNotServedToARequestWithAuthorization() {
    server.request().get("/answer").then().body(equalTo("call 1"));
    server
        .request()
        .header("Authorization", "Bearer alice")
        .get("/answer")
        .then()
        .body(equalTo("call 2"))
        .header("Cache-Status", "restcache; fwd=request; detail=\"credentials\"");
    server.request().get("/answer").then().body(equalTo("call 1"));
  }

  @Test
  void bodyOverTheSizeLimitIsServedWholeButNotStored() {
    String body =
        server
            .request()
            .get("/answer?size=" + (MAX_ENTRY + 1))
            .then()
            .header("Cache-Status", "restcache; fwd=uri-miss; detail=\"too-large\"")
            .extract()
            .asString();
    assertThat(body).hasSize(MAX_ENTRY + 1);
    server.request().get("/answer?size=" + (MAX_ENTRY + 1));
    assertThat(resource.calls).hasValue(2);
  }

  @Test
  void bodyAtTheSizeLimitIsStored() {
    server.request().get("/answer?size=" + MAX_ENTRY);
    server
        .request()
        .get("/answer?size=" + MAX_ENTRY)
        .then()
        .header("Cache-Status", "restcache; hit; ttl=120");
    assertThat(resource.calls).hasValue(1);
  }

  @ParameterizedTest
  @CsvSource({
    "500, error-status",
    "503, error-status",
    "404, error-status",
    "201, no-freshness",
    "302, no-freshness",
    "206, status"
  })
  void statusesThatAreNotHeuristicallyCacheableAreNotStoredWithoutFreshness(
      int status, String detail) {
    assertNotStored("status=" + status, detail);
  }

  @Test
  void explicitFreshnessMakesA201Storable() {
    server.request().get("/answer?status=201&header=Cache-Control&value=max-age=60");
    server
        .request()
        .get("/answer?status=201&header=Cache-Control&value=max-age=60")
        .then()
        .statusCode(201)
        .header("Cache-Status", "restcache; hit; ttl=60");
    assertThat(resource.calls).hasValue(1);
  }

  @Test
  void partialContentIsNeverStoredEvenWithFreshness() {
    assertNotStored("status=206&header=Cache-Control&value=max-age=60", "status");
  }

  @Test
  void notFoundIsStoredOnlyWhenTheResourceMadeItFresh() {
    server.request().get("/answer?status=404&header=Cache-Control&value=max-age=60");
    server
        .request()
        .get("/answer?status=404&header=Cache-Control&value=max-age=60")
        .then()
        .statusCode(404)
        .header("Cache-Status", "restcache; hit; ttl=60");
    assertThat(resource.calls).hasValue(1);
  }
}
