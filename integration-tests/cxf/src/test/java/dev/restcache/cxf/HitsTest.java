package dev.restcache.cxf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.ResponseCacheFeature;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a client sees of the cache on CXF: hits, HEAD, 304, variants and the header rules. */
class HitsTest {
  @RegisterExtension final Bookstore bookstore = new Bookstore();

  @Test
  void aSecondGetIsAHitWithAnAge() {
    bookstore.start(ResponseCacheFeature.withDefaults());

    Response miss = bookstore.request().get("/books/1");
    Response hit = bookstore.request().get("/books/1");

    assertThat(miss.statusCode()).isEqualTo(200);
    assertThat(miss.header("Cache-Status")).isEqualTo("restcache; fwd=uri-miss; stored");
    assertThat(miss.header("Age")).isNull();
    assertThat(hit.statusCode()).isEqualTo(200);
    assertThat(hit.asString()).isEqualTo("untitled 1");
    assertThat(hit.header("Cache-Status")).startsWith("restcache; hit");
    assertThat(hit.header("Age")).matches("\\d+");
    assertThat(hit.header("ETag")).isEqualTo(miss.header("ETag"));
    assertThat(hit.contentType()).isEqualTo(miss.contentType());
    assertThat(Calls.count("get 1")).isEqualTo(1);
  }

  @Test
  void headIsAnsweredFromTheGetEntry() {
    bookstore.start(ResponseCacheFeature.withDefaults());
    Response get = bookstore.request().get("/books/1");

    Response head = bookstore.request().head("/books/1");

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.header("Cache-Status")).startsWith("restcache; hit");
    assertThat(head.header("ETag")).isEqualTo(get.header("ETag"));
    assertThat(head.asString()).isEmpty();
    assertThat(Calls.count("get 1")).isEqualTo(1);
  }

  @Test
  void aHeadFirstDoesNotFillTheEntry() {
    bookstore.start(ResponseCacheFeature.withDefaults());

    bookstore.request().head("/books/1");
    Response get = bookstore.request().get("/books/1");

    assertThat(get.header("Cache-Status")).startsWith("restcache; fwd=");
    assertThat(get.asString()).isEqualTo("untitled 1");
    assertThat(Calls.count("get 1")).isEqualTo(2);
  }

  @Test
  void aConditionalGetIsAnswered304FromTheCache() {
    bookstore.start(ResponseCacheFeature.withDefaults());
    String etag = bookstore.request().get("/books/1").header("ETag");

    Response notModified = bookstore.request().header("If-None-Match", etag).get("/books/1");

    assertThat(notModified.statusCode()).isEqualTo(304);
    assertThat(notModified.header("ETag")).isEqualTo(etag);
    assertThat(notModified.header("Cache-Status")).startsWith("restcache; hit");
    assertThat(notModified.asString()).isEmpty();
    assertThat(Calls.count("get 1")).isEqualTo(1);
  }

  @Test
  void typesChosenByAcceptAreKeptApart() {
    bookstore.start(ResponseCacheFeature.withDefaults());

    Response text = bookstore.request().accept("text/plain").get("/books/1/card");
    Response json = bookstore.request().accept("application/json").get("/books/1/card");
    Response textAgain = bookstore.request().accept("text/plain").get("/books/1/card");
    Response jsonAgain = bookstore.request().accept("application/json").get("/books/1/card");

    assertThat(text.contentType()).startsWith("text/plain");
    assertThat(json.contentType()).startsWith("application/json");
    assertThat(json.asString()).isEqualTo("{\"title\":\"untitled 1\"}");
    assertThat(text.header("Vary")).containsIgnoringCase("accept");
    assertThat(textAgain.asString()).isEqualTo("untitled 1");
    assertThat(textAgain.contentType()).startsWith("text/plain");
    assertThat(textAgain.header("Cache-Status")).startsWith("restcache; hit");
    assertThat(jsonAgain.asString()).isEqualTo("{\"title\":\"untitled 1\"}");
    assertThat(jsonAgain.contentType()).startsWith("application/json");
    assertThat(jsonAgain.header("Cache-Status")).startsWith("restcache; hit");
    assertThat(Calls.count("card text 1")).isEqualTo(1);
    assertThat(Calls.count("card json 1")).isEqualTo(1);
  }

  @Test
  void cacheControlIsSentOnTheMissAndOnTheHit() {
    bookstore.start(ResponseCacheFeature.withDefaults());

    Response miss = bookstore.request().get("/books/1/reviewed");
    Response hit = bookstore.request().get("/books/1/reviewed");

    assertThat(miss.header("Cache-Control")).isEqualTo("max-age=30");
    assertThat(hit.header("Cache-Control")).isEqualTo("max-age=30");
    assertThat(hit.header("Cache-Status")).startsWith("restcache; hit");
    assertThat(Calls.count("reviewed 1")).isEqualTo(1);
  }

  @Test
  void neverCacheTellsClientsAndProxiesNotToStore() {
    bookstore.start(ResponseCacheFeature.builder().cacheAll(true).build());

    Response first = bookstore.request().get("/books/1/price");
    Response second = bookstore.request().get("/books/1/price");

    assertThat(first.header("Cache-Control")).contains("no-store");
    assertThat(second.header("Cache-Control")).contains("no-store");
    assertThat(second.header("Cache-Status")).isNull();
    assertThat(Calls.count("price 1")).isEqualTo(2);
  }
}
