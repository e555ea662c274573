package dev.restcache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.internal.http.CacheDirectives;
import dev.restcache.internal.http.CacheValidity;
import dev.restcache.internal.http.ConditionalRequests;
import dev.restcache.internal.http.EntityTag;
import dev.restcache.internal.http.HttpDates;
import dev.restcache.internal.http.VarySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Random header values from a fixed seed per repetition: the rules never throw, and their
 * invariants hold. (Property-based testing with jqwik is planned with the hardening work.)
 */
class RandomHeadersTest {
  private static final String[] PIECES = {"max-age", "s-maxage", "no-store", "no-cache",
      "private", "public", "must-revalidate", "stale-while-revalidate", "stale-if-error",
      "immutable", "=", ",", " ", "\"", "\\", "0", "1", "60", "-1", "abc", "99999999999999999999",
      "W/", "*", "\t", ";", "Sun, 06 Nov 1994 08:49:37 GMT", "GMT", "\u00e9", ""};
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  private static String randomHeader(Random random) {
    StringBuilder value = new StringBuilder();
    int parts = random.nextInt(12);
    for (int i = 0; i < parts; i++) {
      value.append(random.nextInt(4) == 0
          ? (char) random.nextInt(0x80)
          : PIECES[random.nextInt(PIECES.length)]);
    }
    return value.toString();
  }

  @RepeatedTest(20)
  void parsersNeverThrowAndCanonicalFormsAreStable(RepetitionInfo repetition) {
    Random random = new Random(repetition.getCurrentRepetition());
    for (int i = 0; i < 500; i++) {
      String header = randomHeader(random);
      CacheDirectives cc = CacheDirectives.parse(header);
      String canonical = cc.toHeaderValue();
      assertThat(CacheDirectives.parse(canonical).toHeaderValue()).as(header).isEqualTo(canonical);
      assertThat(cc.maxAge()).isBetween(-1L, 2147483648L);
      HttpDates.parse(header);
      EntityTag.parseList(header);
      EntityTag.parse(header);
      VarySpec vary = VarySpec.parse(List.of(header));
      vary.variantKey(name -> List.of(header));
      ConditionalRequests.isNotModified(header, header, header, header, header);
      CacheValidity.correctedInitialAge(header, header, NOW, NOW);
    }
  }

  @RepeatedTest(20)
  void noStorePrivateAndSetCookieAreNeverStoredWhateverElseIsSaid(RepetitionInfo repetition) {
    Random random = new Random(1000 + repetition.getCurrentRepetition());
    for (int i = 0; i < 300; i++) {
      List<Headers.Field> fields = new ArrayList<>();
      fields.add(new Headers.Field("Cache-Control", randomHeader(random)));
      fields.add(new Headers.Field("Expires", randomHeader(random)));
      fields.add(new Headers.Field("Age", randomHeader(random)));
      String forbidding = switch (random.nextInt(3)) {
        case 0 -> "no-store";
        case 1 -> "private";
        default -> null;
      };
      if (forbidding != null) {
        fields.add(new Headers.Field("Cache-Control", forbidding));
      } else {
        fields.add(new Headers.Field("Set-Cookie", "id=" + i));
      }
      StoragePolicy.Decision decision = StoragePolicy.decide(200, Headers.of(fields),
          random.nextBoolean(), Duration.ofSeconds(60), NOW, NOW);
      assertThat(decision).as(fields.toString()).isInstanceOf(StoragePolicy.Refuse.class);
    }
  }

  @RepeatedTest(20)
  void aStoredResponseIsNeverFreshPastItsLifetime(RepetitionInfo repetition) {
    Random random = new Random(2000 + repetition.getCurrentRepetition());
    for (int i = 0; i < 300; i++) {
      Headers headers = Headers.of(List.of(
          new Headers.Field("Cache-Control", randomHeader(random)),
          new Headers.Field("Date", randomHeader(random)),
          new Headers.Field("Age", randomHeader(random))));
      if (StoragePolicy.decide(200, headers, false, Duration.ofSeconds(60), NOW, NOW)
          instanceof StoragePolicy.Store store) {
        StoredResponse stored = store.response(200, headers, new byte[0], NOW);
        Instant end = NOW.plus(store.freshnessLifetime().minus(store.correctedInitialAge()));
        assertThat(ResponseSuitability.assess(stored, CacheDirectives.NONE, end))
            .isNotEqualTo(ResponseSuitability.Suitability.FRESH);
        assertThat(stored.isFresh(end)).isFalse();
      }
    }
  }
}
