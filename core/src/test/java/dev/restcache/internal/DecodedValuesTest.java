package dev.restcache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.internal.http.Freshness;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecodedValuesTest {
  private static byte[] payload(String body) {
    return StoredValueCodec.encode(
        new StoredResponse(
            200,
            Headers.of(List.of(new Headers.Field("Content-Type", "text/plain"))),
            body.getBytes(StandardCharsets.UTF_8),
            Credentials.IDENTITY,
            Freshness.never(Instant.parse("2026-12-02T10:00:00Z"))));
  }

  private static String body(StoredValue value) {
    return new String(((StoredResponse) value).body(), StandardCharsets.UTF_8);
  }

  @Test
  void theSamePayloadUnderTheSameKeyIsDecodedOnce() throws Exception {
    DecodedValues decoded = new DecodedValues();
    StoredValue first = decoded.decode("k", payload("one"));
    assertThat(decoded.decode("k", payload("one"))).isSameAs(first);
  }

  @Test
  void aPayloadThatChangedUnderItsKeyIsDecodedAnew() throws Exception {
    DecodedValues decoded = new DecodedValues();
    decoded.decode("k", payload("one"));
    assertThat(body(decoded.decode("k", payload("two")))).isEqualTo("two");
  }

  @Test
  void anotherKeyWithTheSamePayloadGetsItsOwnValue() throws Exception {
    DecodedValues decoded = new DecodedValues();
    StoredValue first = decoded.decode("k", payload("one"));
    assertThat(decoded.decode("other", payload("one"))).isNotSameAs(first);
  }

  @Test
  void aLargePayloadIsNeverKept() throws Exception {
    DecodedValues decoded = new DecodedValues();
    String large = "x".repeat(DecodedValues.MAX_PAYLOAD);
    StoredValue first = decoded.decode("k", payload(large));
    assertThat(decoded.decode("k", payload(large))).isNotSameAs(first);
    assertThat(body(first)).isEqualTo(large);
  }
}
