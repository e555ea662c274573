package dev.restcache.cxf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.ResponseCacheFeature;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * However a request ends on CXF, it holds no later request for its URL: CXF runs no response filter
 * for an exception no mapper handles, nor the later ones after a response filter that throws. The
 * collapse timeout is far longer than the client waits, so only the end-of-request hook can let the
 * second request through. Which errors may be stored matches Jersey.
 */
class EndOfRequestTest {
  private static final Duration COLLAPSE_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration CLIENT_WAITS = Duration.ofSeconds(5);

  @RegisterExtension final Bookstore bookstore = new Bookstore();

  private RawHttp.Response get(String path) throws Exception {
    return RawHttp.get(bookstore.port(), path, CLIENT_WAITS);
  }

  @Test
  void anExceptionNoMapperHandlesHoldsNoLaterRequest() throws Exception {
    bookstore.start(ResponseCacheFeature.builder().collapseTimeout(COLLAPSE_TIMEOUT).build());

    assertThat(get("/books/broken").status()).isEqualTo(500);
    assertThat(get("/books/broken").status()).isEqualTo(500);

    assertThat(Calls.count("broken")).isEqualTo(2);
  }

  @Test
  void aResponseFilterThatThrowsHoldsNoLaterRequest() throws Exception {
    bookstore.start(ResponseCacheFeature.builder().collapseTimeout(COLLAPSE_TIMEOUT).build());

    assertThat(get("/books/1/fragile").status()).isEqualTo(500);
    assertThat(get("/books/1/fragile").status()).isEqualTo(500);

    assertThat(Calls.count("fragile 1")).isEqualTo(2);
  }

  @Test
  void anErrorMappedFromAnExceptionIsNeverStoredEvenWhenFresh() throws Exception {
    bookstore.start(ResponseCacheFeature.builder().collapseTimeout(COLLAPSE_TIMEOUT).build());

    RawHttp.Response first = get("/books/9/edition");
    RawHttp.Response second = get("/books/9/edition");

    assertThat(first.status()).isEqualTo(404);
    assertThat(first.header("Cache-Control")).isEqualTo("max-age=60");
    assertThat(second.status()).isEqualTo(404);
    assertThat(second.header("Cache-Status")).doesNotContain("hit");
    assertThat(Calls.count("edition 9")).isEqualTo(2);
  }

  @Test
  void anErrorTheResourceAnsweredAndMadeFreshIsStored() throws Exception {
    bookstore.start(ResponseCacheFeature.withDefaults());

    get("/books/9/withdrawn");
    RawHttp.Response second = get("/books/9/withdrawn");

    assertThat(second.status()).isEqualTo(410);
    assertThat(second.header("Cache-Status")).startsWith("restcache; hit");
    assertThat(second.body()).isEqualTo("withdrawn 9");
    assertThat(Calls.count("withdrawn 9")).isEqualTo(1);
  }
}
