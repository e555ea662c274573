package dev.restcache.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.Cached;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.it.support.Apps;
import dev.restcache.it.support.MutableClock;
import dev.restcache.it.support.RunningServer;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.jersey.message.GZipEncoder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.filter.EncodingFilter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With Jersey's gzip encoding on: entries hold plain bytes and each client gets its coding. */
class ContentEncodingTest {
  private static final String TEXT = "compressible ".repeat(100);
  private final Resource resource = new Resource();
  @RegisterExtension final RunningServer server = new RunningServer();

  @Path("/")
  public static class Resource {
    final AtomicInteger calls = new AtomicInteger();

    @GET
    @Path("text")
    @Produces("text/plain")
    @Cached
    public String text() {
      calls.incrementAndGet();
      return TEXT;
    }
  }

  @BeforeEach
  void start() {
    ResourceConfig application =
        Apps.of(ResponseCacheFeature.builder().clock(new MutableClock()).build(), resource);
    EncodingFilter.enableFor(application, GZipEncoder.class);
    server.start(application);
  }

  private Response get(String acceptEncoding) {
    return server
        .request()
        .config(
            RestAssuredConfig.config()
                .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
        .header("Accept-Encoding", acceptEncoding)
        .get("/text");
  }

  @Test
  void gzipClientsGetGzipOnMissAndHit() {
    Response miss = get("gzip");
    Response hit = get("gzip");
    assertThat(hit.header("Cache-Status")).startsWith("restcache; hit");
    assertThat(hit.headers().getValues("Content-Encoding")).containsExactly("gzip");
    assertThat(hit.asByteArray()).isEqualTo(miss.asByteArray());
    assertThat(resource.calls).hasValue(1);
  }

  @Test
  void identityClientsGetPlainBytes() {
    get("gzip");
    Response plain = get("identity");
    assertThat(plain.header("Content-Encoding")).isNull();
    assertThat(plain.asString()).isEqualTo(TEXT);
    Response plainHit = get("identity");
    assertThat(plainHit.header("Cache-Status")).startsWith("restcache; hit");
    assertThat(plainHit.header("Content-Encoding")).isNull();
    assertThat(plainHit.asString()).isEqualTo(TEXT);
  }
}
