package dev.restcache.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.restcache.Cached;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.internal.http.HttpDates;
import dev.restcache.it.support.Apps;
import dev.restcache.it.support.MutableClock;
import dev.restcache.it.support.RunningServer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConditionalTest {
  private static final String LAST_MODIFIED = "Sun, 06 Nov 1994 08:49:37 GMT";
  private final Resource resource = new Resource();
  @RegisterExtension final RunningServer server = new RunningServer();

  @Path("/")
  public static class Resource {
    final AtomicInteger calls = new AtomicInteger();

    @GET
    @Path("etag")
    @Cached
    public String etag() {
      return "body " + calls.incrementAndGet();
    }

    @GET
    @Path("modified")
    @Cached
    public Response modified() {
      return Response.ok("modified " + calls.incrementAndGet())
          .header("Last-Modified", LAST_MODIFIED)
          .build();
    }
  }

  @BeforeEach
  void start() {
    server.start(
        Apps.of(ResponseCacheFeature.builder().clock(new MutableClock()).build(), resource));
  }

  @Test
  void ifNoneMatchWithTheGeneratedETagIsAnswered304FromAHit() {
    String etag = server.request().get("/etag").header("ETag");
    server
        .request()
        .header("If-None-Match", etag)
        .get("/etag")
        .then()
        .statusCode(304)
        .header("ETag", etag)
        .header("Cache-Status", "restcache; hit; ttl=120")
        .header("Age", "0")
        .header("Content-Type", nullValue())
        .body(emptyString());
    assertThat(resource.calls).hasValue(1);
  }

  @Test
  void ifNoneMatchListAndWeakFormMatch() {
    String etag = server.request().get("/etag").header("ETag");
    server
        .request()
        .header("If-None-Match", "\"other\", W/" + etag)
        .get("/etag")
        .then()
        .statusCode(304);
  }

  @Test
  void otherETagGetsTheFullStoredResponse() {
    server.request().get("/etag");
    server
        .request()
        .header("If-None-Match", "\"stale-version\"")
        .get("/etag")
        .then()
        .statusCode(200)
        .body(equalTo("body 1"));
    assertThat(resource.calls).hasValue(1);
  }

  @Test
  void ifModifiedSinceWithLastModifiedIsAnswered304() {
    server.request().get("/modified").then().header("ETag", nullValue());
    server
        .request()
        .header("If-Modified-Since", LAST_MODIFIED)
        .get("/modified")
        .then()
        .statusCode(304)
        .header("Last-Modified", LAST_MODIFIED);
    server
        .request()
        .header("If-Modified-Since", "Sun, 06 Nov 1994 08:00:00 GMT")
        .get("/modified")
        .then()
        .statusCode(200)
        .body(equalTo("modified 1"));
    assertThat(resource.calls).hasValue(1);
  }

  @Test
  void ifModifiedSinceWithoutLastModifiedIsComparedWithTheStoredDate() {
    // RFC 9110 §13.1.3, RFC 9111 §4.3.2: the stored Date stands in for a missing Last-Modified.
    String date =
        server
            .request()
            .get("/etag")
            .then()
            .header("Last-Modified", nullValue())
            .extract()
            .header("Date");
    Instant stored = HttpDates.parse(date).orElseThrow();
    server
        .request()
        .header("If-Modified-Since", date)
        .get("/etag")
        .then()
        .statusCode(304)
        .header("Date", date)
        .header("Cache-Status", "restcache; hit; ttl=120")
        .body(emptyString());
    server
        .request()
        .header("If-Modified-Since", HttpDates.format(stored.plusSeconds(3600)))
        .get("/etag")
        .then()
        .statusCode(304);
    server
        .request()
        .header("If-Modified-Since", HttpDates.format(stored.minusSeconds(1)))
        .get("/etag")
        .then()
        .statusCode(200)
        .header("Date", date)
        .body(equalTo("body 1"));
    assertThat(resource.calls).hasValue(1);
  }

  @Test
  void malformedConditionalHeadersAreIgnoredNotErrors() {
    server.request().get("/etag");
    server
        .request()
        .header("If-Modified-Since", "garbage")
        .get("/etag")
        .then()
        .statusCode(200)
        .body(equalTo("body 1"));
    server
        .request()
        .header("If-None-Match", "\"unterminated")
        .get("/etag")
        .then()
        .statusCode(200)
        .body(equalTo("body 1"));
  }

  @Test
  void conditionalRequestOnAMissReachesTheResource() {
    server
        .request()
        .header("If-None-Match", "\"whatever\"")
        .get("/etag")
        .then()
        .statusCode(200)
        .body(equalTo("body 1"));
  }
}
