package dev.restcache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restcache.internal.StoredValueCodec.CorruptEntryException;
import dev.restcache.internal.http.CacheDirectives;
import dev.restcache.internal.http.Freshness;
import dev.restcache.internal.http.VarySpec;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StoredValueCodecTest {
  private static final StoredResponse RESPONSE =
      new StoredResponse(
          203,
          Headers.of(
              List.of(
                  new Headers.Field("Content-Type", "application/json; charset=ütf-8"),
                  new Headers.Field("Link", "</a>; rel=a"),
                  new Headers.Field("Link", "</b>; rel=b"))),
          "{\"title\":\"Kindred\"}".getBytes(StandardCharsets.UTF_8),
          Credentials.AUTHORIZATION,
          new Freshness(
              Instant.parse("2026-11-22T10:00:00.123Z"),
              Duration.ofSeconds(3),
              Duration.ofSeconds(120),
              Duration.ofSeconds(30),
              Duration.ofSeconds(40),
              true,
              true,
              true));

  @Test
  void responseRoundTripsWithMultiValuedHeadersInOrder() throws Exception {
    StoredResponse decoded =
        (StoredResponse) StoredValueCodec.decode(StoredValueCodec.encode(RESPONSE));
    assertThat(decoded.status()).isEqualTo(203);
    assertThat(decoded.headers()).isEqualTo(RESPONSE.headers());
    assertThat(decoded.headers().all("link")).containsExactly("</a>; rel=a", "</b>; rel=b");
    assertThat(decoded.body()).isEqualTo(RESPONSE.body());
    assertThat(decoded.sharedWith()).isEqualTo(Credentials.AUTHORIZATION);
    assertThat(decoded.freshness()).isEqualTo(RESPONSE.freshness());
  }

  @Test
  void variantIndexRoundTrips() throws Exception {
    VariantIndex index =
        new VariantIndex(
            VarySpec.parse(List.of("Accept-Encoding, Accept")), List.of("lang", "theme"));
    VariantIndex decoded = (VariantIndex) StoredValueCodec.decode(StoredValueCodec.encode(index));
    assertThat(decoded.vary().fieldNames()).containsExactly("accept", "accept-encoding");
    assertThat(decoded.cookies()).containsExactly("lang", "theme");
  }

  @Test
  void emptyBodyRoundTrips() throws Exception {
    StoredResponse empty =
        new StoredResponse(
            204,
            Headers.EMPTY,
            new byte[0],
            Credentials.NONE,
            Freshness.of(
                CacheDirectives.NONE, Duration.ofSeconds(1), Duration.ZERO, Instant.EPOCH));
    assertThat(((StoredResponse) StoredValueCodec.decode(StoredValueCodec.encode(empty))).body())
        .isEmpty();
  }

  /**
   * A response as version 2 of the format lays it out, written field by field: values already in a
   * shared store (a Hazelcast map during a rolling upgrade) must still decode.
   */
  @Test
  void aResponseWrittenInVersion2StillDecodes() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(2);
      out.writeByte(1);
      out.writeShort(203);
      out.writeLong(Instant.parse("2026-11-22T10:00:00.123Z").toEpochMilli());
      out.writeLong(3_000);
      out.writeLong(120_000);
      out.writeByte(Credentials.AUTHORIZATION.level());
      out.writeLong(30_000);
      out.writeLong(40_000);
      out.writeBoolean(true);
      out.writeBoolean(true);
      out.writeBoolean(true);
      List<Headers.Field> fields = RESPONSE.headers().fields();
      out.writeInt(fields.size());
      for (Headers.Field field : fields) {
        writeString(out, field.name());
        writeString(out, field.value());
      }
      out.writeInt(RESPONSE.body().length);
      out.write(RESPONSE.body());
    }
    assertThat(StoredValueCodec.decode(bytes.toByteArray()))
        .usingRecursiveComparison()
        .isEqualTo(RESPONSE);
  }

  @Test
  void anotherVersionIsRejectedAsCorruptSoThatItIsAMiss() {
    byte[] encoded = StoredValueCodec.encode(RESPONSE);
    for (byte version : new byte[] {1, 4}) {
      encoded[0] = version;
      assertThatThrownBy(() -> StoredValueCodec.decode(encoded))
          .isInstanceOf(CorruptEntryException.class)
          .hasMessageContaining("unknown version");
    }
  }

  @Test
  void theFieldsAroundHeadersAndBodyTakeAFewBytesEach() {
    int content = RESPONSE.body().length;
    for (Headers.Field field : RESPONSE.headers().fields()) {
      content +=
          field.name().getBytes(StandardCharsets.UTF_8).length
              + field.value().getBytes(StandardCharsets.UTF_8).length;
    }
    // version, kind, status 2, five times of at most 6, sharing, flags, 8 lengths of 1
    assertThat(StoredValueCodec.encode(RESPONSE).length - content).isLessThanOrEqualTo(45);
  }

  @Test
  void extremeTimesRoundTrip() throws Exception {
    StoredResponse extreme =
        new StoredResponse(
            200,
            Headers.EMPTY,
            new byte[0],
            Credentials.NONE,
            new Freshness(
                Instant.ofEpochMilli(-1),
                Duration.ZERO,
                Duration.ofMillis(Long.MAX_VALUE),
                Duration.ofMillis(Long.MAX_VALUE),
                Duration.ZERO,
                false,
                false,
                false));
    assertThat(StoredValueCodec.decode(StoredValueCodec.encode(extreme)))
        .usingRecursiveComparison()
        .isEqualTo(extreme);
  }

  private static void writeString(DataOutputStream out, String value) throws IOException {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  @Test
  void foreignOrTruncatedBytesAreRejectedAsCorrupt() {
    byte[] encoded = StoredValueCodec.encode(RESPONSE);
    assertThatThrownBy(() -> StoredValueCodec.decode(new byte[0]))
        .isInstanceOf(CorruptEntryException.class);
    assertThatThrownBy(
            () -> StoredValueCodec.decode("not an entry".getBytes(StandardCharsets.UTF_8)))
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
