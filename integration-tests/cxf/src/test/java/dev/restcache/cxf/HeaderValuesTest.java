package dev.restcache.cxf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.RequestDirectives;
import dev.restcache.ResponseCacheFeature;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fields with a null or empty value, which CXF makes (a GET without {@code Content-Type} gets one
 * whose value is null) and clients send, are tolerated: answered, never a warning, and each still
 * under its rule.
 */
class HeaderValuesTest {
  private static final Duration CLIENT_WAITS = Duration.ofSeconds(10);

  @RegisterExtension final Bookstore bookstore = new Bookstore();
  @RegisterExtension final RestcacheWarnings warnings = new RestcacheWarnings();

  private RawHttp.Response get(String path, String... fields) throws Exception {
    return RawHttp.get(bookstore.port(), path, CLIENT_WAITS, fields);
  }

  @Test
  void aGetWithoutContentTypeIsStoredAndHit() throws Exception {
    bookstore.start(ResponseCacheFeature.withDefaults());

    RawHttp.Response miss = get("/books/1");
    RawHttp.Response hit = get("/books/1");

    assertThat(miss.header("Cache-Status")).isEqualTo("restcache; fwd=uri-miss; stored");
    assertThat(hit.header("Cache-Status")).startsWith("restcache; hit");
    assertThat(Calls.count("get 1")).isEqualTo(1);
    assertThat(warnings.logged()).isEmpty();
  }

  @Test
  void anEmptyAuthorizationIsStillACredential() throws Exception {
    bookstore.start(ResponseCacheFeature.withDefaults());
    get("/books/1");

    RawHttp.Response empty = get("/books/1", "Authorization:");

    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.header("Cache-Status")).contains("credentials");
    assertThat(Calls.count("get 1")).isEqualTo(2);
    assertThat(warnings.logged()).isEmpty();
  }

  @Test
  void emptyConditionsAndDirectivesAreAnsweredFromTheEntry() throws Exception {
    bookstore.start(
        ResponseCacheFeature.builder().requestDirectives(RequestDirectives.HONOR).build());
    get("/books/1");

    RawHttp.Response noTag = get("/books/1", "If-None-Match:");
    RawHttp.Response noDate = get("/books/1", "If-Modified-Since:");
    RawHttp.Response noDirective = get("/books/1", "Cache-Control:", "Pragma:");

    for (RawHttp.Response response : new RawHttp.Response[] {noTag, noDate, noDirective}) {
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("untitled 1");
      assertThat(response.header("Cache-Status")).startsWith("restcache; hit");
    }
    assertThat(Calls.count("get 1")).isEqualTo(1);
    assertThat(warnings.logged()).isEmpty();
  }

  @Test
  void anEmptyForwardingFieldKeysAnEntryOfItsOwn() throws Exception {
    bookstore.start(ResponseCacheFeature.withDefaults());
    get("/books/1");

    RawHttp.Response first = get("/books/1", "X-Forwarded-Host:");
    RawHttp.Response second = get("/books/1", "X-Forwarded-Host:");

    assertThat(first.header("Cache-Status")).startsWith("restcache; fwd=uri-miss");
    assertThat(second.header("Cache-Status")).startsWith("restcache; hit");
    assertThat(Calls.count("get 1")).isEqualTo(2);
    assertThat(warnings.logged()).isEmpty();
  }

  @Test
  void aSetCookieWithANullValueKeepsTheResponseOutOfTheCache() throws Exception {
    bookstore.start(ResponseCacheFeature.withDefaults(), NullFieldFilter.class);

    RawHttp.Response first = get("/books/1", "X-Null-Field: Set-Cookie");
    RawHttp.Response second = get("/books/1");

    assertThat(first.header("Cache-Status")).contains("set-cookie");
    assertThat(second.header("Cache-Status")).startsWith("restcache; fwd=uri-miss");
    assertThat(Calls.count("get 1")).isEqualTo(2);
    assertThat(warnings.logged()).isEmpty();
  }

  @Test
  void anETagWithANullValueIsReplacedByTheGeneratedOne() throws Exception {
    bookstore.start(ResponseCacheFeature.withDefaults(), NullFieldFilter.class);

    RawHttp.Response miss = get("/books/1", "X-Null-Field: ETag");
    RawHttp.Response notModified = get("/books/1", "If-None-Match: " + miss.header("ETag"));

    assertThat(miss.header("ETag")).matches("\"[A-Za-z0-9_-]+\"");
    assertThat(notModified.status()).isEqualTo(304);
    assertThat(Calls.count("get 1")).isEqualTo(1);
    assertThat(warnings.logged()).isEmpty();
  }
}
