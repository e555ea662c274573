package dev.restcache.internal.jaxrs;

import dev.restcache.RuntimeAdapter;
import dev.restcache.internal.CacheEngine;
import dev.restcache.internal.Headers;
import dev.restcache.internal.StoredResponse;
import dev.restcache.internal.http.CacheStatus;
import dev.restcache.internal.http.CacheValidity;
import dev.restcache.internal.http.Freshness;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Turns a stored response into what a hit sends ({@link Replayed}), and that into the container's
 * {@link Response} where the runtime does not send it itself.
 */
final class ResponseReplay {
  // RFC 9110 §15.4.5: the fields a 304 carries; Last-Modified only guides caches without ETag.
  private static final Set<String> NOT_MODIFIED_FIELDS =
      Set.of("cache-control", "content-location", "date", "etag", "expires", "vary");

  private ResponseReplay() {}

  /** The full stored response, or a 304 when the request's conditions hold. */
  static Replayed replayed(CacheEngine.Hit hit, CacheEngine engine) {
    StoredResponse stored = hit.response();
    Instant now = engine.now();
    boolean notModified = hit.notModified();
    Freshness freshness = stored.freshness();
    String cacheStatus =
        CacheStatus.hit(engine.settings().cacheStatusName())
            .ttl(freshness.timeToLive(now).toSeconds())
            .collapsed(hit.collapsed())
            .toHeaderValue();
    return new Replayed(
        notModified ? 304 : stored.status(),
        replayedHeaders(stored.headers(), notModified),
        Long.toString(CacheValidity.ageHeaderSeconds(freshness.currentAge(now))),
        cacheStatus,
        notModified || stored.body().length == 0 ? null : stored.body());
  }

  /** {@code replayed} as the container's {@link Response}. */
  static Response toResponse(Replayed replayed) {
    Response.ResponseBuilder response = Response.status(replayed.status());
    replayed.forEachHeader(response::header);
    if (replayed.body() != null) {
      response.entity(replayed.body());
    }
    return response.build();
  }

  /**
   * What a hit sends: the stored fields, then {@code Age} and {@code Cache-Status} (Strings: Jersey
   * looks up a header delegate for any other type, on every response), and the body, null when
   * there is none to send.
   */
  // The body is never compared, and copying it for each hit would cost what the cache saves.
  @SuppressWarnings("ArrayRecordComponent")
  record Replayed(int status, Headers stored, String age, String cacheStatus, byte[] body)
      implements RuntimeAdapter.Replay {
    @Override
    public void forEachHeader(BiConsumer<String, String> action) {
      stored.forEach(action);
      action.accept("Age", age);
      action.accept(ResponseRecorder.CACHE_STATUS, cacheStatus);
    }
  }

  /**
   * Replaces a 5xx answer with a stale stored response inside its {@code stale-if-error} window,
   * telling the client in {@code Cache-Status}.
   */
  static void replaceWithStale(
      ContainerResponseContext response, StoredResponse stale, CacheEngine engine) {
    Instant now = engine.now();
    replaceWith(
        response,
        stale,
        now,
        CacheStatus.hit(engine.settings().cacheStatusName())
            .ttl(stale.freshness().timeToLive(now).toSeconds())
            .detail("stale-if-error"));
  }

  /** Replaces the resource's answer with {@code stored} as it stands at {@code now}. */
  static void replaceWith(
      ContainerResponseContext response,
      StoredResponse stored,
      Instant now,
      CacheStatus cacheStatus) {
    replaceWith(response, stored, now, cacheStatus, false);
  }

  /**
   * Replaces the resource's answer with {@code stored} as it stands at {@code now}, or with a 304
   * for it when {@code notModified}.
   */
  static void replaceWith(
      ContainerResponseContext response,
      StoredResponse stale,
      Instant now,
      CacheStatus cacheStatus,
      boolean notModified) {
    MultivaluedMap<String, Object> headers = response.getHeaders();
    headers.clear();
    replayedHeaders(stale.headers(), notModified).forEach(headers::add);
    headers.putSingle(
        "Age", Long.toString(CacheValidity.ageHeaderSeconds(stale.freshness().currentAge(now))));
    headers.putSingle("Cache-Status", cacheStatus.toHeaderValue());
    if (notModified) {
      response.setStatus(304);
      response.setEntity(null);
      return;
    }
    response.setStatus(stale.status());
    String contentType = stale.headers().first("Content-Type");
    if (stale.body().length == 0) {
      response.setEntity(null);
    } else {
      response.setEntity(stale.body(), new Annotation[0], mediaType(contentType));
    }
  }

  // The stored Content-Type field is replayed as it is; the entity needs a media type, which an
  // empty or malformed field does not give.
  private static MediaType mediaType(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return MediaType.APPLICATION_OCTET_STREAM_TYPE;
    }
    try {
      return MediaType.valueOf(contentType);
    } catch (IllegalArgumentException malformed) {
      return MediaType.APPLICATION_OCTET_STREAM_TYPE;
    }
  }

  private static Headers replayedHeaders(Headers headers, boolean notModified) {
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
