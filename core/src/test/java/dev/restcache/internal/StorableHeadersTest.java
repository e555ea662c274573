package dev.restcache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StorableHeadersTest {
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @Test
  void hopByHopAndRegeneratedFieldsAreNotStored() {
    Headers response =
        Headers.of(
            List.of(
                new Headers.Field("Content-Type", "text/plain"),
                new Headers.Field("Connection", "close, X-Secret"),
                new Headers.Field("X-Secret", "s"),
                new Headers.Field("Transfer-Encoding", "chunked"),
                new Headers.Field("Age", "3"),
                new Headers.Field("Cache-Status", "restcache; hit"),
                new Headers.Field("Content-Length", "5"),
                new Headers.Field("Link", "</a>"),
                new Headers.Field("Link", "</b>")));
    Headers stored = StorableHeaders.forStorage(response);
    assertThat(stored.fields())
        .extracting(Headers.Field::name)
        .containsExactly("Content-Type", "Link", "Link");
  }

  @Test
  void everyHopByHopFieldIsDroppedWhateverItsCase() {
    Headers response =
        Headers.of(
            List.of(
                new Headers.Field("connection", "keep-alive"),
                new Headers.Field("KEEP-ALIVE", "timeout=5"),
                new Headers.Field("Proxy-Connection", "keep-alive"),
                new Headers.Field("TE", "trailers"),
                new Headers.Field("Transfer-Encoding", "chunked"),
                new Headers.Field("Upgrade", "h2c"),
                new Headers.Field("Proxy-Authenticate", "Basic"),
                new Headers.Field("Proxy-Authorization", "Basic YTpi"),
                new Headers.Field("Trailer", "X-Checksum"),
                new Headers.Field("ETag", "\"v1\"")));
    assertThat(StorableHeaders.forStorage(response).fields())
        .extracting(Headers.Field::name)
        .containsExactly("ETag");
  }

  @Test
  void fieldsNamedInConnectionOnTheSentResponseAreDroppedToo() {
    Headers stored =
        Headers.of(
            List.of(
                new Headers.Field("Connection", "x-private-hop"),
                new Headers.Field("X-Private-Hop", "secret"),
                new Headers.Field("X-Filter-Hop", "per-connection"),
                new Headers.Field("X-End-To-End", "kept")));
    Headers sent =
        Headers.of(
            List.of(
                new Headers.Field("Connection", " , X-FILTER-HOP ,"),
                new Headers.Field("X-Filter-Hop", "per-connection")));
    assertThat(StorableHeaders.forStorage(stored, sent).fields())
        .containsExactly(new Headers.Field("X-End-To-End", "kept"));
  }

  @Test
  void dateAndETagAreAddedWhenMissing() {
    List<Headers.Field> added = StorableHeaders.additions(Headers.EMPTY, NOW, new byte[] {1}, true);
    assertThat(added).extracting(Headers.Field::name).containsExactly("Date", "ETag");
    assertThat(added.get(0).value()).isEqualTo("Sun, 22 Nov 2026 10:00:00 GMT");
    assertThat(added.get(1).value()).startsWith("\"").doesNotStartWith("W/");
  }

  @Test
  void existingValidatorsAreKeptAndNoETagIsGenerated() {
    Headers withETag =
        Headers.of(
            List.of(
                new Headers.Field("ETag", "\"v1\""),
                new Headers.Field("Date", "Sun, 22 Nov 2026 09:00:00 GMT")));
    assertThat(StorableHeaders.additions(withETag, NOW, new byte[0], true)).isEmpty();
    Headers withLastModified =
        Headers.of(List.of(new Headers.Field("Last-Modified", "Sun, 22 Nov 2026 09:00:00 GMT")));
    assertThat(StorableHeaders.additions(withLastModified, NOW, new byte[0], true))
        .extracting(Headers.Field::name)
        .containsExactly("Date");
  }

  @Test
  void noETagWhenGenerationIsOff() {
    assertThat(StorableHeaders.additions(Headers.EMPTY, NOW, new byte[0], false))
        .extracting(Headers.Field::name)
        .containsExactly("Date");
  }

  @Test
  void a304UpdatesTheStoredFieldsButNotThoseOfTheBody() {
    Headers stored =
        Headers.of(
            List.of(
                new Headers.Field("Content-Type", "application/json"),
                new Headers.Field("ETag", "\"v1\""),
                new Headers.Field("Cache-Control", "max-age=10"),
                new Headers.Field("Date", "Sun, 22 Nov 2026 09:00:00 GMT")));
    Headers notModified =
        Headers.of(
            List.of(
                new Headers.Field("Cache-Control", "max-age=60"),
                new Headers.Field("Content-Type", "text/html"),
                new Headers.Field("Connection", "keep-alive")));
    Headers updated = StorableHeaders.updatedBy304(stored, notModified, NOW);
    assertThat(updated.first("Cache-Control")).isEqualTo("max-age=60");
    assertThat(updated.first("Content-Type")).isEqualTo("application/json");
    assertThat(updated.first("ETag")).isEqualTo("\"v1\"");
    assertThat(updated.first("Date")).isEqualTo("Sun, 22 Nov 2026 10:00:00 GMT");
    assertThat(updated.contains("Connection")).isFalse();
  }

  @Test
  void anEmptyValidatorValidatesNothingAndGetsAGeneratedETag() {
    Headers response =
        Headers.of(
            List.of(
                new Headers.Field("ETag", ""),
                new Headers.Field("Last-Modified", " "),
                new Headers.Field("Date", null)));

    assertThat(StorableHeaders.hasValidator(response)).isFalse();
    assertThat(StorableHeaders.additions(response, NOW, new byte[] {1}, true))
        .extracting(Headers.Field::name)
        .containsExactly("Date", "ETag");
  }

  @Test
  void aFieldWithANullValueHasAnEmptyOne() {
    Headers response = Headers.of(List.of(new Headers.Field("Connection", null)));

    assertThat(response.first("Connection")).isEmpty();
    assertThat(StorableHeaders.forStorage(response).fields()).isEmpty();
  }
}
