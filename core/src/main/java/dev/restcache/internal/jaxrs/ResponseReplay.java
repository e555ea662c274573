package dev.restcache.internal.jaxrs;

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

/** Turns a stored response into the container's {@link Response} for a hit. */
final class ResponseReplay {
  // RFC 9110 §15.4.5: the fields a 304 carries; Last-Modified only guides caches without ETag.
  private static final Set<String> NOT_MODIFIED_FIELDS = Set.of(
      "cache-control", "content-location", "date", "etag", "expires", "vary");

  private ResponseReplay() {
  }

  /** The full stored response, or a 304 when the request's conditions hold. */
  static Response replay(CacheEngine.Hit hit, CacheEngine engine) {
    StoredResponse stored = hit.response();
    Instant now = engine.now();
    Headers headers = stored.headers();
    boolean notModified = hit.notModified();
    Response.ResponseBuilder response = notModified
        ? Response.notModified()
        : Response.status(stored.status());
    replayedHeaders(headers, notModified).forEach(response::header);
    Freshness freshness = stored.freshness();
    // A String: Jersey looks up a header delegate for any other type, on every response.
    response.header("Age",
        Long.toString(CacheValidity.ageHeaderSeconds(freshness.currentAge(now))));
    response.header("Cache-Status", CacheStatus.hit(engine.settings().cacheStatusName())
        .ttl(freshness.timeToLive(now).getSeconds())
        .collapsed(hit.collapsed())
        .toHeaderValue());
    if (!notModified && stored.body().length > 0) {
      response.entity(stored.body());
    }
    return response.build();
  }

  /**
   * Replaces a 5xx answer with a stale stored response inside its {@code stale-if-error}
   * window, telling the client in {@code Cache-Status}.
   */
  static void replaceWithStale(ContainerResponseContext response, StoredResponse stale,
      CacheEngine engine) {
    Instant now = engine.now();
    replaceWith(response, stale, now, CacheStatus.hit(engine.settings().cacheStatusName())
        .ttl(stale.freshness().timeToLive(now).getSeconds())
        .detail("stale-if-error"));
  }

  /** Replaces the resource's answer with {@code stored} as it stands at {@code now}. */
  static void replaceWith(ContainerResponseContext response, StoredResponse stored,
      Instant now, CacheStatus cacheStatus) {
    replaceWith(response, stored, now, cacheStatus, false);
  }

  /**
   * Replaces the resource's answer with {@code stored} as it stands at {@code now}, or with a
   * 304 for it when {@code notModified}.
   */
  static void replaceWith(ContainerResponseContext response, StoredResponse stale,
      Instant now, CacheStatus cacheStatus, boolean notModified) {
    MultivaluedMap<String, Object> headers = response.getHeaders();
    headers.clear();
    replayedHeaders(stale.headers(), notModified).forEach(headers::add);
    headers.putSingle("Age",
        Long.toString(CacheValidity.ageHeaderSeconds(stale.freshness().currentAge(now))));
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
