package dev.restcache.internal.jaxrs;

import dev.restcache.internal.CacheEngine;
import dev.restcache.internal.StoragePolicy;
import dev.restcache.internal.http.CacheDirectives;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The cache's state for one GET or HEAD, carried from the request filter to the response filter
 * and the body capture as a request property.
 */
final class CacheExchange {
  static final String PROPERTY = "dev.restcache.exchange";

  final URI requestUri;
  final Function<String, List<String>> requestHeader;
  final boolean hadAuthorization;
  final Instant requestTime;
  final CacheDirectives requestDirectives;
  final CacheEngine.Lookup lookup;
  final Set<String> tags;

  private boolean conditionsAdded;
  private String clientIfNoneMatch;
  private String clientIfModifiedSince;
  private int status;
  private Instant responseTime;
  private StoragePolicy.Store decision;
  private volatile boolean storing;

  CacheExchange(URI requestUri, Function<String, List<String>> requestHeader,
      boolean hadAuthorization, Instant requestTime, CacheDirectives requestDirectives,
      CacheEngine.Lookup lookup, Set<String> tags) {
    this.requestUri = requestUri;
    this.requestHeader = requestHeader;
    this.hadAuthorization = hadAuthorization;
    this.requestTime = requestTime;
    this.requestDirectives = requestDirectives;
    this.lookup = lookup;
    this.tags = tags;
  }

  /** Whether the cache answered the request itself (a hit, or 504 for only-if-cached). */
  boolean answeredByCache() {
    return lookup instanceof CacheEngine.Hit || lookup instanceof CacheEngine.Unsatisfiable;
  }

  /**
   * Lets requests collapsed onto this one go on, once the response is stored or never will be;
   * while a background store runs, that store finishes the exchange instead.
   */
  void finish(CacheEngine engine) {
    if (!storing && lookup instanceof CacheEngine.Miss miss) {
      engine.finished(miss.fill());
    }
  }

  /** Defers {@link #finish} to {@link #storeFinished}: the response is being stored. */
  void finishAfterStore() {
    storing = true;
  }

  /** The background store is done: finishes the exchange. */
  void storeFinished(CacheEngine engine) {
    storing = false;
    finish(engine);
  }

  /**
   * Records that the cache put its own conditions on the request to revalidate a stale entry,
   * in place of the client's, which are kept to answer the client afterwards.
   */
  void conditionsAdded(String ifNoneMatch, String ifModifiedSince) {
    conditionsAdded = true;
    clientIfNoneMatch = ifNoneMatch;
    clientIfModifiedSince = ifModifiedSince;
  }

  /** The client's own {@code If-None-Match}, replaced by the cache's; null when none. */
  String clientIfNoneMatch() {
    return clientIfNoneMatch;
  }

  /** The client's own {@code If-Modified-Since}, replaced by the cache's; null when none. */
  String clientIfModifiedSince() {
    return clientIfModifiedSince;
  }

  /** Whether a 304 answers the cache's own conditions rather than the client's. */
  boolean revalidating() {
    return conditionsAdded;
  }

  /** Records that the response may be stored once its body is known. */
  void awaitBody(int status, Instant responseTime, StoragePolicy.Store decision) {
    this.status = status;
    this.responseTime = responseTime;
    this.decision = decision;
  }

  /** Whether the body capture should store the body it sees. */
  boolean awaitsBody() {
    return decision != null;
  }

  /** Hands the pending decision to exactly one caller. */
  StoragePolicy.Store takeDecision() {
    StoragePolicy.Store taken = decision;
    decision = null;
    return taken;
  }

  int status() {
    return status;
  }

  Instant responseTime() {
    return responseTime;
  }
}
