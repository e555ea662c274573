package dev.restcache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restcache.internal.StoredValueCodec.CorruptEntryException;
import dev.restcache.internal.http.VarySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StoredValueCodecTest {
  private static final StoredResponse RESPONSE = new StoredResponse(203,
      Headers.of(List.of(new Headers.Field("Content-Type", "application/json; charset=ütf-8"),
          new Headers.Field("Link", "</a>; rel=a"), new Headers.Field("Link", "</b>; rel=b"))),
      "{\"title\":\"Kindred\"}".getBytes(StandardCharsets.UTF_8),
      Instant.parse("2026-11-22T10:00:00.123Z"), Duration.ofSeconds(3),
      Duration.ofSeconds(120), Credentials.AUTHORIZATION, Duration.ofSeconds(30), Duration.ofSeconds(40), true, true, true);

  @Test
  void responseRoundTripsWithMultiValuedHeadersInOrder() throws Exception {
    StoredResponse decoded =
        (StoredResponse) StoredValueCodec.decode(StoredValueCodec.encode(RESPONSE));
    assertThat(decoded.status()).isEqualTo(203);
    assertThat(decoded.headers()).isEqualTo(RESPONSE.headers());
    assertThat(decoded.headers().all("link")).containsExactly("</a>; rel=a", "</b>; rel=b");
    assertThat(decoded.body()).isEqualTo(RESPONSE.body());
    assertThat(decoded.responseTime()).isEqualTo(RESPONSE.responseTime());
    assertThat(decoded.correctedInitialAge()).isEqualTo(Duration.ofSeconds(3));
    assertThat(decoded.freshnessLifetime()).isEqualTo(Duration.ofSeconds(120));
    assertThat(decoded.sharedWith()).isEqualTo(Credentials.AUTHORIZATION);
    assertThat(decoded.staleWhileRevalidate()).isEqualTo(Duration.ofSeconds(30));
    assertThat(decoded.staleIfError()).isEqualTo(Duration.ofSeconds(40));
    assertThat(decoded.mustRevalidate()).isTrue();
    assertThat(decoded.noCache()).isTrue();
    assertThat(decoded.immutable()).isTrue();
  }

  @Test
  void variantIndexRoundTrips() throws Exception {
    VariantIndex index = new VariantIndex(VarySpec.parse(List.of("Accept-Encoding, Accept")),
        List.of("lang", "theme"));
    VariantIndex decoded = (VariantIndex) StoredValueCodec.decode(StoredValueCodec.encode(index));
    assertThat(decoded.vary().fieldNames()).containsExactly("accept", "accept-encoding");
    assertThat(decoded.cookies()).containsExactly("lang", "theme");
  }

  @Test
  void emptyBodyRoundTrips() throws Exception {
    StoredResponse empty = new StoredResponse(204, Headers.EMPTY, new byte[0],
        Instant.EPOCH, Duration.ZERO, Duration.ofSeconds(1), Credentials.NONE, Duration.ZERO, Duration.ZERO, false,
        false, false);
    assertThat(((StoredResponse) StoredValueCodec.decode(StoredValueCodec.encode(empty))).body())
        .isEmpty();
  }

  @Test
  void foreignOrTruncatedBytesAreRejectedAsCorrupt() {
    byte[] encoded = StoredValueCodec.encode(RESPONSE);
    assertThatThrownBy(() -> StoredValueCodec.decode(new byte[0]))
        .isInstanceOf(CorruptEntryException.class);
    assertThatThrownBy(() -> StoredValueCodec.decode("not an entry".getBytes()))
        .isInstanceOf(CorruptEntryException.class);
    for (int length = 0; length < encoded.length; length++) {
      byte[] truncated = Arrays.copyOf(encoded, length);
      assertThatThrownBy(() -> StoredValueCodec.decode(truncated))
          .isInstanceOf(CorruptEntryException.class);
    }
    byte[] trailing = Arrays.copyOf(encoded, encoded.length + 1);
    assertThatThrownBy(() -> StoredValueCodec.decode(trailing))
        .isInstanceOf(CorruptEntryException.class);
  }

  @Test
  void randomBytesNeverThrowAnythingButCorruptEntry() {
    Random random = new Random(42);
    byte[] encoded = StoredValueCodec.encode(RESPONSE);
    for (int i = 0; i < 2_000; i++) {
      byte[] flipped = encoded.clone();
      flipped[random.nextInt(flipped.length)] = (byte) random.nextInt();
      try {
        StoredValueCodec.decode(flipped);
      } catch (CorruptEntryException expected) {
        // the only failure allowed
      }
    }
  }
}
