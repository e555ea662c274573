package dev.restcache.internal.jaxrs;

import dev.restcache.internal.CacheEngine;
import dev.restcache.internal.HitReplay;
import dev.restcache.internal.StoredResponse;
import dev.restcache.internal.http.CacheStatus;
import dev.restcache.internal.http.CacheValidity;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.time.Instant;

/**
 * Turns what a hit sends ({@link HitReplay}) into the container's {@link Response} where the
 * runtime does not send it itself, and puts a stored response in place of the resource's answer.
 */
final class ResponseReplay {
  private ResponseReplay() {}

  /** {@code replayed} as the container's {@link Response}. */
  static Response toResponse(HitReplay replayed) {
    Response.ResponseBuilder response = Response.status(replayed.status());
    replayed.forEachHeader(response::header);
    if (replayed.body() != null) {
      // A copy: the application's writer interceptors get the entity, and one that changed it in
      // place would change the body later hits of the entry replay.
      response.entity(replayed.body().clone());
    }
    return response.build();
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
    HitReplay.replayedHeaders(stale.headers(), notModified).forEach(headers::add);
    headers.putSingle(
        "Age", Long.toString(CacheValidity.ageHeaderSeconds(stale.freshness().currentAge(now))));
    headers.putSingle(HitReplay.CACHE_STATUS, cacheStatus.toHeaderValue());
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
      response.setEntity(stale.body().clone(), new Annotation[0], mediaType(contentType));
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
}
