package dev.restcache.internal;

import dev.restcache.RuntimeAdapter;
import dev.restcache.internal.http.CacheStatus;
import dev.restcache.internal.http.CacheValidity;
import dev.restcache.internal.http.Freshness;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * What a hit sends: the stored fields, then {@code Age} and {@code Cache-Status} (Strings: Jersey
 * looks up a header delegate for any other type, on every response), and the body, null when there
 * is none to send. The JAX-RS lookup, a runtime's own hit writer and the front all send this.
 *
 * @param status the status code to send
 * @param stored the stored fields to send
 * @param age the {@code Age} value
 * @param cacheStatus the {@code Cache-Status} value
 * @param body the body, null for a {@code 304} or an empty stored body
 */
// The body is never compared, and copying it for each hit would cost what the cache saves.
@SuppressWarnings("ArrayRecordComponent")
public record HitReplay(int status, Headers stored, String age, String cacheStatus, byte[] body)
    implements RuntimeAdapter.Replay {
  /** The name of the field that tells the client what the cache did (RFC 9211). */
  public static final String CACHE_STATUS = "Cache-Status";

  // RFC 9110 §15.4.5: the fields a 304 carries; Last-Modified only guides caches without ETag.
  private static final Set<String> NOT_MODIFIED_FIELDS =
      Set.of("cache-control", "content-location", "date", "etag", "expires", "vary");

  /** What {@code hit} sends at {@code now}: the full stored response, or a 304 for it. */
  public static HitReplay of(CacheEngine.Hit hit, String cacheName, Instant now) {
    StoredResponse stored = hit.response();
    boolean notModified = hit.notModified();
    Freshness freshness = stored.freshness();
    String cacheStatus =
        CacheStatus.hit(cacheName)
            .ttl(freshness.timeToLive(now).toSeconds())
            .collapsed(hit.collapsed())
            .toHeaderValue();
    return new HitReplay(
        notModified ? 304 : stored.status(),
        replayedHeaders(stored.headers(), notModified),
        Long.toString(CacheValidity.ageHeaderSeconds(freshness.currentAge(now))),
        cacheStatus,
        notModified || stored.body().length == 0 ? null : stored.body());
  }

  @Override
  public void forEachHeader(BiConsumer<String, String> action) {
    stored.forEach(action);
    action.accept("Age", age);
    action.accept(CACHE_STATUS, cacheStatus);
  }

  /** The stored fields a replay sends: all of them, or those a 304 carries. */
  public static Headers replayedHeaders(Headers headers, boolean notModified) {
    if (!notModified) {
      return headers;
    }
    boolean hasETag = headers.contains("ETag");
    List<Headers.Field> kept = new ArrayList<>();
    for (Headers.Field field : headers.fields()) {
      if (keptIn304(field.name(), hasETag)) {
        kept.add(field);
      }
    }
    return Headers.of(kept);
  }

  private static boolean keptIn304(String name, boolean hasETag) {
    String lower = name.toLowerCase(Locale.ROOT);
    return NOT_MODIFIED_FIELDS.contains(lower) || (!hasETag && lower.equals("last-modified"));
  }
}
