package dev.restcache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.restcache.internal.StoredValueCodec.CorruptEntryException;
import dev.restcache.internal.http.Freshness;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The store payload format and the tag templates: whatever bytes a store hands back, decoding
 * either yields a value or says the entry is corrupt; every stored response survives its encoding;
 * a template never resolves to more than its parameters say.
 */
class CodecProperties {
  @Provide
  static Arbitrary<StoredResponse> responses() {
    Arbitrary<Headers.Field> field =
        Combinators.combine(
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(12),
                Arbitraries.strings().ofMaxLength(40))
            .as(Headers.Field::new);
    Arbitrary<Duration> seconds =
        Arbitraries.longs().between(0, 10_000_000).map(Duration::ofSeconds);
    return Combinators.combine(
            Arbitraries.integers().between(200, 599),
            field.list().ofMaxSize(8).map(Headers::of),
            Arbitraries.bytes().array(byte[].class).ofMaxSize(300),
            Arbitraries.longs().between(0, 4_000_000_000L).map(Instant::ofEpochSecond),
            seconds,
            seconds,
            Arbitraries.of(Credentials.class),
            seconds)
        .as(
            (status, headers, body, time, age, lifetime, sharing, window) ->
                new StoredResponse(
                    status,
                    headers,
                    body,
                    sharing,
                    new Freshness(
                        time,
                        age,
                        lifetime,
                        window,
                        window.multipliedBy(2),
                        sharing == Credentials.NONE,
                        sharing == Credentials.IDENTITY,
                        sharing != Credentials.IDENTITY)));
  }

  @Property(tries = 1000)
  void everyStoredResponseSurvivesItsEncoding(@ForAll("responses") StoredResponse response)
      throws CorruptEntryException {
    StoredResponse decoded =
        (StoredResponse) StoredValueCodec.decode(StoredValueCodec.encode(response));
    assertThat(decoded).usingRecursiveComparison().isEqualTo(response);
  }

  @Property(tries = 3000)
  void anyBytesDecodeOrAreReportedCorrupt(@ForAll("payloads") byte[] payload) {
    Throwable thrown = catchThrowable(() -> StoredValueCodec.decode(payload));
    assertThat(thrown)
        .satisfiesAnyOf(
            t -> assertThat(t).isNull(),
            t -> assertThat(t).isInstanceOf(CorruptEntryException.class));
  }

  /** Random bytes, and real encodings with bytes flipped, cut short or extended. */
  @Provide
  static Arbitrary<byte[]> payloads() {
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
    Arbitrary<byte[]> damaged =
        Combinators.combine(
                responses(),
                Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(0, 3),
                Arbitraries.bytes())
            .as(
                (response, position, damage, value) -> {
                  byte[] bytes = StoredValueCodec.encode(response);
                  int at = position % Math.max(1, bytes.length);
                  return switch (damage) {
                    case 0 -> {
                      bytes[at] = value;
                      yield bytes;
                    }
                    case 1 -> Arrays.copyOf(bytes, at);
                    case 2 -> Arrays.copyOf(bytes, bytes.length + 1 + position % 7);
                    default -> {
                      bytes[at] ^= (byte) 0x80;
                      yield bytes;
                    }
                  };
                });
    return Arbitraries.oneOf(random, damaged);
  }

  @Property(tries = 2000)
  void templatesNeverThrowAndUnknownParametersStayAsWritten(
      @ForAll("templates") String template, @ForAll("parameters") Map<String, String> values) {
    String resolved = PathTemplates.resolve(template, values::get);
    assertThat(PathTemplates.resolve(template, name -> null)).isEqualTo(template);
    if (values.values().stream().allMatch(String::isEmpty)) {
      assertThat(resolved.length()).isLessThanOrEqualTo(template.length());
    }
  }

  @Provide
  static Arbitrary<String> templates() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "book:{id}", "{id}", "{", "}", "{}", "{{id}}", "/books/{id}/{missing}", "a{id}b{id}c"),
        Arbitraries.strings().withChars('{', '}', 'i', 'd', '/', ':').ofMaxLength(12));
  }

  @Provide
  static Arbitrary<Map<String, String>> parameters() {
    return Arbitraries.maps(
            Arbitraries.of("id", "missing", ""),
            Arbitraries.strings().withChars('1', '{', '}', '/').ofMaxLength(4))
        .ofMaxSize(3);
  }
}
