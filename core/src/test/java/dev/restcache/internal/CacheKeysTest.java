package dev.restcache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class CacheKeysTest {
  @Test
  void primaryKeyHoldsSchemeHostPortPathAndQuery() {
    assertThat(CacheKeys.primaryKey("rc:", URI.create("http://Example.COM:8080/a/b?x=1&y=2")))
        .isEqualTo("rc:http://example.com:8080/a/b?x=1&y=2");
  }

  @Test
  void defaultPortIsExplicitSoBothSpellingsShareAKey() {
    assertThat(CacheKeys.primaryKey("", URI.create("http://h/a")))
        .isEqualTo(CacheKeys.primaryKey("", URI.create("http://h:80/a")));
    assertThat(CacheKeys.primaryKey("", URI.create("https://h/a")))
        .isEqualTo(CacheKeys.primaryKey("", URI.create("https://h:443/a")));
  }

  @Test
  void encodedPathsAndQueriesAreKeptRaw() {
    assertThat(CacheKeys.primaryKey("", URI.create("http://h/a%2Fb?q=%20")))
        .isEqualTo("http://h:80/a%2Fb?q=%20");
  }

  @Test
  void emptyPathIsSlash() {
    assertThat(CacheKeys.path(URI.create("http://h"))).isEqualTo("/");
    assertThat(CacheKeys.path(URI.create("/books/1?x"))).isEqualTo("/books/1");
  }
}
