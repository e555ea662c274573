package dev.restcache.internal.jaxrs;

import dev.restcache.internal.CacheEngine;
import dev.restcache.internal.CacheRequest;
import dev.restcache.internal.Headers;
import dev.restcache.internal.StoragePolicy;
import dev.restcache.internal.StoredResponse;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The cache's state for one GET or HEAD, carried as a request property from the lookup through the
 * response filters and the writer interceptors. Its phase only moves forward, so that a response
 * the container produces a second time (after a writer failed, Jersey maps the error and runs the
 * response filters again) can never be stored.
 */
final class CacheExchange {
  static final String PROPERTY = "dev.restcache.exchange";

  /** Where the exchange stands. */
  enum Phase {
    /** The cache answered (a hit, or 504 for only-if-cached). */
    ANSWERED,
    /** The request went to the resource; no response seen yet. */
    FORWARDED,
    /** The resource's response was seen by the first response filter. */
    RESPONDED,
    /** The store decision accepted the response; its body is awaited. */
    DECIDED,
    /** The body was captured whole; the final check on what was written is pending. */
    CAPTURED,
    /** Nothing more to do: stored, refused, or failed. */
    DONE
  }

  final CachedRoute route;
  final CacheRequest request;
  final CacheEngine.Lookup lookup;
  final Set<String> tags;

  private Phase phase;
  private boolean resourceRan;
  private boolean exceptionRaised;
  private boolean conditionsAdded;
  private String clientIfNoneMatch;
  private String clientIfModifiedSince;
  private int status;
  private Headers resourceHeaders;
  private Object resourceEntity;
  private StoredResponse replacement;
  private StoragePolicy.Decision replacementDecision;
  private Instant responseTime;
  private StoragePolicy.Store decision;
  private StoragePolicy.Candidate candidate;
  private byte[] body;
  private List<Headers.Field> additions;
  private volatile boolean storing;

  CacheExchange(
      CachedRoute route,
      CacheRequest request,
      CacheEngine.Lookup lookup,
      Set<String> tags,
      boolean answered) {
    this.route = route;
    this.request = request;
    this.lookup = lookup;
    this.tags = tags;
    this.phase = answered ? Phase.ANSWERED : Phase.FORWARDED;
  }

  /** Whether the cache answered the request itself (a hit, or 504 for only-if-cached). */
  boolean answeredByCache() {
    return phase == Phase.ANSWERED;
  }

  /** The phase. */
  Phase phase() {
    return phase;
  }

  /** The miss the request went to the resource for; null for a bypass or an answer. */
  CacheEngine.Miss miss() {
    return lookup instanceof CacheEngine.Miss miss ? miss : null;
  }

  /** Records that the resource method was invoked, as the runtime reports it. */
  void resourceRan() {
    resourceRan = true;
  }

  /**
   * Records that an exception was raised while the request was processed: a parameter that failed
   * to convert, or the resource throwing. What a mapper then answers is not the resource's own
   * response.
   */
  void exceptionRaised() {
    exceptionRaised = true;
  }

  /**
   * The first response filter saw the resource's response: its status, headers and entity as the
   * resource produced them. Returns false, and ends the exchange, when a response was seen before:
   * the container is producing another response for this request after a failure.
   */
  boolean responded(int resourceStatus, Headers headers, Object entity) {
    if (phase != Phase.FORWARDED) {
      end();
      return false;
    }
    phase = Phase.RESPONDED;
    status = resourceStatus;
    resourceHeaders = headers;
    resourceEntity = entity;
    return true;
  }

  /**
   * Whether a response filter changed the status or replaced the entity after the resource: what
   * the cache would replay is then not what was sent.
   */
  boolean rewrittenBy(int sentStatus, Object sentEntity) {
    return sentStatus != status || sentEntity != resourceEntity;
  }

  /**
   * The response was replaced by a stored one a {@code 304} refreshed: that is what to store, if
   * {@code decision} and the final check allow.
   */
  void replacedBy(StoredResponse stored, StoragePolicy.Decision decision) {
    replacement = stored;
    replacementDecision = decision;
  }

  /** The decision on the refreshed entry. */
  StoragePolicy.Decision replacementDecision() {
    return replacementDecision;
  }

  /** The stored response that replaced the resource's, or null. */
  StoredResponse replacement() {
    return replacement;
  }

  /** The status the resource answered. */
  int status() {
    return status;
  }

  /**
   * The headers as the resource produced them; null when the runtime did not report the resource
   * method running, or reported an exception, so that what an exception mapper made of a failed
   * parameter conversion never counts as the resource's own.
   */
  Headers resourceHeadersIfRan() {
    return resourceRan && !exceptionRaised ? resourceHeaders : null;
  }

  /** The headers as the resource produced them, before any response filter. */
  Headers resourceHeaders() {
    return resourceHeaders;
  }

  /** Whether the store decision may run now: once, on the resource's response. */
  boolean awaitsDecision() {
    return phase == Phase.RESPONDED;
  }

  /**
   * Records that the response may be stored once its body is known.
   *
   * @param decided what the decision was made on, which the final check decides on again
   * @param store the decision
   */
  void decided(StoragePolicy.Candidate decided, StoragePolicy.Store store) {
    phase = Phase.DECIDED;
    candidate = decided;
    responseTime = decided.responseTime();
    decision = store;
  }

  /** What the store decision was made on, after every response filter. */
  StoragePolicy.Candidate candidate() {
    return candidate;
  }

  /** Whether the body capture should capture the body it sees. */
  boolean awaitsBody() {
    return phase == Phase.DECIDED;
  }

  /** The whole body and the fields the cache added to the response for it. */
  void captured(byte[] capturedBody, List<Headers.Field> addedFields) {
    if (phase == Phase.DECIDED) {
      phase = Phase.CAPTURED;
      body = capturedBody;
      additions = addedFields;
    }
  }

  /** Whether the body was captured and awaits the final check. */
  boolean awaitsCommit() {
    return phase == Phase.CAPTURED;
  }

  byte[] body() {
    return body;
  }

  List<Headers.Field> additions() {
    return additions;
  }

  Instant responseTime() {
    return responseTime;
  }

  StoragePolicy.Store decision() {
    return decision;
  }

  /** Ends the exchange: stored, refused, or failed; nothing more is stored for it. */
  void end() {
    phase = Phase.DONE;
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
   * Records that the cache put its own conditions on the request to revalidate a stale entry, in
   * place of the client's, which are kept to answer the client afterwards.
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
}
