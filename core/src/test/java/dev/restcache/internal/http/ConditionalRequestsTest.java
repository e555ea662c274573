package dev.restcache.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConditionalRequestsTest {
  private static final String ETAG = "\"v1\"";
  private static final String MODIFIED = "Sun, 06 Nov 1994 08:49:37 GMT";
  private static final String LATER = "Sun, 06 Nov 1994 09:00:00 GMT";
  private static final String EARLIER = "Sun, 06 Nov 1994 08:00:00 GMT";

  @Test
  void ifNoneMatchMatchesWeakly() {
    assertThat(ConditionalRequests.isNotModified("\"v1\"", null, ETAG, null, null)).isTrue();
    assertThat(ConditionalRequests.isNotModified("W/\"v1\"", null, ETAG, null, null)).isTrue();
    assertThat(ConditionalRequests.isNotModified("\"v0\", \"v1\"", null, ETAG, null, null))
        .isTrue();
    assertThat(ConditionalRequests.isNotModified("\"v2\"", null, ETAG, null, null)).isFalse();
  }

  @Test
  void wildcardMatchesAnyStoredTag() {
    assertThat(ConditionalRequests.isNotModified("*", null, ETAG, null, null)).isTrue();
    assertThat(ConditionalRequests.isNotModified("*", null, null, null, null)).isFalse();
  }

  @Test
  void ifModifiedSinceIsIgnoredWhenIfNoneMatchIsPresent() {
    assertThat(ConditionalRequests.isNotModified("\"v2\"", LATER, ETAG, MODIFIED, null)).isFalse();
  }

  @Test
  void ifModifiedSinceComparesWithLastModified() {
    assertThat(ConditionalRequests.isNotModified(null, LATER, null, MODIFIED, null)).isTrue();
    assertThat(ConditionalRequests.isNotModified(null, MODIFIED, null, MODIFIED, null)).isTrue();
    assertThat(ConditionalRequests.isNotModified(null, EARLIER, null, MODIFIED, null)).isFalse();
  }

  @Test
  void withoutLastModifiedTheStoredDateStandsIn() {
    assertThat(ConditionalRequests.isNotModified(null, LATER, null, null, MODIFIED)).isTrue();
    assertThat(ConditionalRequests.isNotModified(null, EARLIER, null, "bad", MODIFIED)).isFalse();
  }

  @Test
  void theStoredDateIsComparedAsLastModifiedWouldBe() {
    // Not modified when the Date is not after the condition: equal or earlier.
    assertThat(ConditionalRequests.isNotModified(null, MODIFIED, null, null, MODIFIED)).isTrue();
    assertThat(ConditionalRequests.isNotModified(null, MODIFIED, null, null, LATER)).isFalse();
    // A Last-Modified, when there is one, decides alone.
    assertThat(ConditionalRequests.isNotModified(null, MODIFIED, null, MODIFIED, LATER)).isTrue();
    assertThat(ConditionalRequests.isNotModified(null, MODIFIED, null, LATER, EARLIER)).isFalse();
    // Neither a Last-Modified nor a Date: nothing to compare, so the full response.
    assertThat(ConditionalRequests.isNotModified(null, LATER, null, null, null)).isFalse();
  }

  @Test
  void anIfModifiedSinceOfSeveralMembersIsIgnored() {
    // RFC 9110 §13.1.3: a recipient ignores a field value with more than one member.
    assertThat(ConditionalRequests.isNotModified(null, LATER + "," + LATER, null, null, MODIFIED))
        .isFalse();
  }

  @Test
  void malformedConditionsAreNotMatches() {
    assertThat(ConditionalRequests.isNotModified("\"unterminated", null, ETAG, null, null))
        .isFalse();
    assertThat(ConditionalRequests.isNotModified(null, "garbage", null, MODIFIED, MODIFIED))
        .isFalse();
    assertThat(ConditionalRequests.isNotModified("\"v1\"", null, "not-a-tag", null, null))
        .isFalse();
    assertThat(ConditionalRequests.isNotModified(null, null, ETAG, MODIFIED, MODIFIED)).isFalse();
  }
}
