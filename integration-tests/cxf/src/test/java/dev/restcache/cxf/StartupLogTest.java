package dev.restcache.cxf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.ResponseCacheFeature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** restcache starts on CXF, and serves a plain GET, without a single warning. */
class StartupLogTest {
  @RegisterExtension final RestcacheWarnings warnings = new RestcacheWarnings();
  @RegisterExtension final Bookstore bookstore = new Bookstore();

  @Test
  void startingAndAPlainGetLogNoWarning() {
    bookstore.start(ResponseCacheFeature.withDefaults());

    bookstore.request().get("/books/1").then().statusCode(200);
    bookstore.request().get("/books/1").then().statusCode(200);

    assertThat(warnings.logged()).isEmpty();
  }
}
