package dev.restcache.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.internal.ForwardReason;
import org.junit.jupiter.api.Test;

class CacheStatusTest {

  @Test
  void hitWithTtl() {
    assertThat(CacheStatus.hit("restcache").ttl(42).toHeaderValue())
        .isEqualTo("restcache; hit; ttl=42");
  }

  @Test
  void forwardedAndStored() {
    assertThat(
            CacheStatus.forward("restcache", ForwardReason.URI_MISS).stored(true).toHeaderValue())
        .isEqualTo("restcache; fwd=uri-miss; stored");
  }

  @Test
  void everyParameterInRfcOrder() {
    assertThat(
            CacheStatus.forward("c", ForwardReason.STALE)
                .detail("d")
                .collapsed(true)
                .stored(true)
                .ttl(-3)
                .toHeaderValue())
        .isEqualTo("c; fwd=stale; ttl=-3; stored; collapsed; detail=\"d\"");
    assertThat(CacheStatus.hit("c").ttl(5).collapsed(true).toHeaderValue())
        .isEqualTo("c; hit; ttl=5; collapsed");
  }

  @Test
  void detailIsAnEscapedStructuredString() {
    assertThat(
            CacheStatus.forward("restcache", ForwardReason.BYPASS)
                .detail("a \"b\" \\ c\u00e9\n")
                .toHeaderValue())
        .isEqualTo("restcache; fwd=bypass; detail=\"a \\\"b\\\" \\\\ c\"");
  }

  @Test
  void nameThatIsNotATokenIsQuoted() {
    assertThat(CacheStatus.hit("my cache").toHeaderValue()).isEqualTo("\"my cache\"; hit");
    assertThat(CacheStatus.hit("edge-1.example").toHeaderValue()).isEqualTo("edge-1.example; hit");
  }
}
