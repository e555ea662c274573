package dev.restcache.cxf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.ResponseCacheFeature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Writes, tags and the handle evict on CXF; the handle is injected and from the feature. */
class InvalidationTest {
  @RegisterExtension final Bookstore bookstore = new Bookstore();

  private String get(String path) {
    return bookstore.request().get(path).asString();
  }

  @Test
  void aWriteEvictsItsPathAndEveryQueryOfIt() {
    bookstore.start(ResponseCacheFeature.withDefaults());
    get("/books/1");
    get("/books/1?format=short");
    get("/books/2");

    bookstore.request().body("Dune").put("/books/1").then().statusCode(200);

    assertThat(get("/books/1")).isEqualTo("Dune");
    assertThat(get("/books/1?format=short")).isEqualTo("1");
    assertThat(get("/books/2")).isEqualTo("untitled 2");
    assertThat(Calls.count("get 1")).isEqualTo(4);
    assertThat(Calls.count("get 2")).isEqualTo(1);
  }

  @Test
  void invalidatesEvictsTheTagsItNames() {
    bookstore.start(ResponseCacheFeature.withDefaults());
    get("/books/1");
    get("/books/1?format=short");

    bookstore.request().body("Emma").post("/books/renames/1").then().statusCode(200);

    assertThat(get("/books/1")).isEqualTo("Emma");
    assertThat(get("/books/1?format=short")).isEqualTo("1");
    assertThat(Calls.count("get 1")).isEqualTo(4);
  }

  @Test
  void theInjectedHandleEvicts() {
    bookstore.start(ResponseCacheFeature.withDefaults());
    get("/books/1");

    assertThat(bookstore.request().post("/books/evictions/1").asString()).isEqualTo("evicted 1");

    get("/books/1");
    assertThat(Calls.count("get 1")).isEqualTo(2);
  }

  @Test
  void theHandleInjectedAsAParameterIsTheFeaturesCache() {
    ResponseCacheFeature feature = ResponseCacheFeature.withDefaults();
    bookstore.start(feature);
    get("/books/1");
    get("/books/1");

    assertThat(get("/books/hits")).isEqualTo("1");
    assertThat(feature.cache().stats().hits()).isEqualTo(1);
  }

  @Test
  void theFeaturesHandleEvicts() {
    ResponseCacheFeature feature = ResponseCacheFeature.withDefaults();
    bookstore.start(feature);
    get("/books/1");
    get("/books/1?format=short");

    feature.cache().invalidatePath("/books/1");

    get("/books/1");
    get("/books/1?format=short");
    assertThat(Calls.count("get 1")).isEqualTo(4);
  }
}
