package dev.restcache.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.restcache.Cached;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.it.support.Apps;
import dev.restcache.it.support.MutableClock;
import dev.restcache.it.support.RunningServer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class VaryTest {
  private final Resource resource = new Resource();
  @RegisterExtension final RunningServer server = new RunningServer();

  @Path("/")
  public static class Resource {
    final AtomicInteger calls = new AtomicInteger();

    @GET
    @Path("encoded")
    @Cached
    public Response encoded(@HeaderParam("Accept-Encoding") String encoding) {
      return Response.ok("for " + encoding + " #" + calls.incrementAndGet(), "text/plain")
          .header("Vary", "Accept-Encoding")
          .build();
    }

    @GET
    @Path("negotiated")
    @Cached(vary = "Accept")
    public Response negotiated(@HeaderParam("Accept") String accept) {
      return Response.ok("for " + accept + " #" + calls.incrementAndGet(), "text/plain").build();
    }
  }

  @BeforeEach
  void start() {
    server.start(
        Apps.of(ResponseCacheFeature.builder().clock(new MutableClock()).build(), resource));
  }

  private String get(String path, String header, String value) {
    return server.request().header(header, value).get(path).asString();
  }

  // REST Assured's HTTP client appends its own codings to Accept-Encoding, so the bodies are
  // compared with what the first request of each variant saw rather than with literals.
  @Test
  void twoAcceptEncodingVariantsAreSeparateEntries() {
    String gzip = get("/encoded", "Accept-Encoding", "gzip");
    String identity = get("/encoded", "Accept-Encoding", "identity");
    assertThat(gzip).startsWith("for gzip").endsWith("#1");
    assertThat(identity).startsWith("for identity").endsWith("#2");
    server
        .request()
        .header("Accept-Encoding", "gzip")
        .get("/encoded")
        .then()
        .body(equalTo(gzip))
        .header("Cache-Status", "restcache; hit; ttl=120");
    assertThat(get("/encoded", "Accept-Encoding", "identity")).isEqualTo(identity);
    assertThat(resource.calls).hasValue(2);
  }

  @Test
  void aNewVariantOfAKnownUriIsAVaryMiss() {
    get("/encoded", "Accept-Encoding", "gzip");
    server
        .request()
        .header("Accept-Encoding", "br")
        .get("/encoded")
        .then()
        .header("Cache-Status", "restcache; fwd=vary-miss; stored");
  }

  @Test
  void whitespaceDifferencesInAVariedHeaderShareAnEntry() {
    get("/negotiated", "Accept", "text/plain, text/html");
    assertThat(get("/negotiated", "Accept", "text/plain,text/html"))
        .isEqualTo("for text/plain, text/html #1");
  }

  @Test
  void cachedVaryIsAddedToTheResponseAndKeysTheEntry() {
    server
        .request()
        .header("Accept", "text/plain")
        .get("/negotiated")
        .then()
        .header("Vary", "accept");
    assertThat(get("/negotiated", "Accept", "text/*")).isEqualTo("for text/* #2");
    assertThat(get("/negotiated", "Accept", "text/plain")).isEqualTo("for text/plain #1");
    assertThat(get("/negotiated", "Accept", "text/*")).isEqualTo("for text/* #2");
    assertThat(resource.calls).hasValue(2);
  }
}
