package dev.restcache.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntityTagTest {

  @Test
  void strongAndWeakTagsAreParsed() {
    assertThat(EntityTag.parse("\"xyzzy\"")).contains(new EntityTag("\"xyzzy\"", false));
    assertThat(EntityTag.parse(" W/\"xyzzy\" ")).contains(new EntityTag("\"xyzzy\"", true));
    assertThat(EntityTag.parse("\"\"")).contains(new EntityTag("\"\"", false));
  }

  @ParameterizedTest
  @ValueSource(strings = {"xyzzy", "\"unterminated", "W/xyzzy", "\"a\"b\"", "", "w/\"x\""})
  void malformedTagsAreRejected(String value) {
    assertThat(EntityTag.parse(value)).isEmpty();
  }

  @Test
  void weakComparisonFollowsRfc9110Section8832() {
    EntityTag weak1 = new EntityTag("\"1\"", true);
    EntityTag weak2 = new EntityTag("\"2\"", true);
    EntityTag strong1 = new EntityTag("\"1\"", false);
    assertThat(weak1.weakEquals(weak1)).isTrue();
    assertThat(weak1.weakEquals(weak2)).isFalse();
    assertThat(weak1.weakEquals(strong1)).isTrue();
  }

  @Test
  void listsMayHoldCommasInsideTagsAndSkipGarbage() {
    assertThat(EntityTag.parseList("\"a,b\", W/\"c\" , junk, \"d\""))
        .containsExactly(
            new EntityTag("\"a,b\"", false),
            new EntityTag("\"c\"", true),
            new EntityTag("\"d\"", false));
    assertThat(EntityTag.parseList("\"unterminated")).isEmpty();
    assertThat(EntityTag.parseList(null)).isEmpty();
    assertThat(EntityTag.parseList(",,,")).isEmpty();
  }

  @Test
  void wildcardIsRecognised() {
    assertThat(EntityTag.isWildcardList(" * ")).isTrue();
    assertThat(EntityTag.isWildcardList("\"*\"")).isFalse();
    assertThat(EntityTag.isWildcardList(null)).isFalse();
  }

  @Test
  void bodyTagIsStrongStableAndDiffersByBody() {
    EntityTag a = EntityTag.strongFromBody("a".getBytes(StandardCharsets.UTF_8));
    assertThat(a.weak()).isFalse();
    assertThat(a.opaqueTag()).hasSize(24).startsWith("\"").endsWith("\"");
    assertThat(EntityTag.strongFromBody("a".getBytes(StandardCharsets.UTF_8))).isEqualTo(a);
    assertThat(EntityTag.strongFromBody("b".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(a);
    assertThat(EntityTag.parse(a.toHeaderValue())).contains(a);
    assertThat(new EntityTag("\"x\"", true).toHeaderValue()).isEqualTo("W/\"x\"");
  }
}
