package dev.restcache.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VarySpecTest {

  private static String key(VarySpec vary, Map<String, List<String>> headers) {
    return vary.variantKey(headers::get);
  }

  @Test
  void namesAreLowerCasedDeduplicatedAndSorted() {
    VarySpec vary = VarySpec.parse(List.of("Accept-Encoding, accept", "ACCEPT-ENCODING"));
    assertThat(vary.fieldNames()).containsExactly("accept", "accept-encoding");
    assertThat(vary.toHeaderValue()).isEqualTo("accept, accept-encoding");
    assertThat(vary.isEmpty()).isFalse();
  }

  @Test
  void absentOrEmptyVaryIsNone() {
    assertThat(VarySpec.parse(null)).isEqualTo(VarySpec.NONE);
    assertThat(VarySpec.parse(List.of(" , "))).isEqualTo(VarySpec.NONE);
    assertThat(VarySpec.parse(Arrays.asList((String) null))).isEqualTo(VarySpec.NONE);
    assertThat(VarySpec.NONE.isEmpty()).isTrue();
  }

  @Test
  void starAnywhereIsAWildcard() {
    assertThat(VarySpec.parse(List.of("Accept", "*")).isWildcard()).isTrue();
    assertThat(VarySpec.parse(List.of("*")).toHeaderValue()).isEqualTo("*");
  }

  @Test
  void withAddsNames() {
    assertThat(VarySpec.NONE.with(List.of("X-Tenant ", "accept")).fieldNames())
        .containsExactly("accept", "x-tenant");
  }

  @Test
  void variantKeyDropsOnlyWhitespaceAroundMembersAndKeepsOrderAndLines() {
    VarySpec vary = VarySpec.parse(List.of("Accept"));
    assertThat(key(vary, Map.of("accept", List.of("text/html ,  application/json"))))
        .isEqualTo(key(vary, Map.of("accept", List.of("text/html,application/json"))));
    // An application reading the first line sees "text/html" in one and the list in the other.
    assertThat(key(vary, Map.of("accept", List.of("text/html", "application/json"))))
        .isNotEqualTo(key(vary, Map.of("accept", List.of("text/html, application/json"))));
    assertThat(key(vary, Map.of("accept", List.of("acme,"))))
        .isNotEqualTo(key(vary, Map.of("accept", List.of("acme"))));
    assertThat(key(vary, Map.of("accept", List.of("a  b"))))
        .isNotEqualTo(key(vary, Map.of("accept", List.of("a b"))));
    assertThat(key(vary, Map.of("accept", List.of("application/json, text/html"))))
        .isNotEqualTo(key(vary, Map.of("accept", List.of("text/html, application/json"))));
  }

  @Test
  void absentAndEmptyHeadersAreDifferentVariants() {
    VarySpec vary = VarySpec.parse(List.of("Accept-Encoding"));
    assertThat(key(vary, Map.of())).isNotEqualTo(key(vary, Map.of("accept-encoding", List.of(""))));
  }

  @Test
  void valuesThatWouldCollideWhenConcatenatedDoNot() {
    VarySpec vary = VarySpec.parse(List.of("A, B"));
    String first = key(vary, Map.of("a", List.of("x=1:b"), "b", List.of("y")));
    String second = key(vary, Map.of("a", List.of("x"), "b", List.of("1:b=y")));
    assertThat(first).isNotEqualTo(second);
  }
}
