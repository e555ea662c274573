package dev.restcache.internal.jaxrs;

import dev.restcache.internal.CacheEngine;
import dev.restcache.internal.Headers;
import dev.restcache.internal.NotStoredReason;
import dev.restcache.internal.StorableHeaders;
import dev.restcache.internal.StoragePolicy;
import dev.restcache.internal.StoredResponse;
import dev.restcache.internal.http.CacheStatus;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Stores a response once its body is known, from the response filter (no entity) or the body
 * capture, and tells the client in {@code Cache-Status} whether it was stored.
 */
final class ResponseRecorder {
  private final CacheEngine engine;

  ResponseRecorder(CacheEngine engine) {
    this.engine = engine;
  }

  /** Stores the response whose headers are {@code liveHeaders} (added to here) and body. */
  void record(CacheExchange exchange, MultivaluedMap<String, Object> liveHeaders, byte[] body) {
    Optional<NotStoredReason> notStored = prepare(exchange, liveHeaders, body).get();
    liveHeaders.putSingle("Cache-Status",
        forwarded((CacheEngine.Miss) exchange.lookup, notStored).toHeaderValue());
  }

  /**
   * As {@link #record}, but on {@code workers}, for a thread that must not wait for the store:
   * {@code Cache-Status} says {@code stored} once the response is handed to the store, and the
   * requests collapsed onto this one go on once the store has answered.
   */
  void recordInBackground(CacheExchange exchange, MultivaluedMap<String, Object> liveHeaders,
      byte[] body, Executor workers) {
    Supplier<Optional<NotStoredReason>> store = prepare(exchange, liveHeaders, body);
    liveHeaders.putSingle("Cache-Status",
        forwarded((CacheEngine.Miss) exchange.lookup, Optional.empty()).toHeaderValue());
    exchange.finishAfterStore();
    workers.execute(() -> {
      try {
        store.get();
      } finally {
        exchange.storeFinished(engine);
      }
    });
  }

  // Adds the generated fields to the live response and returns the store call to make.
  private Supplier<Optional<NotStoredReason>> prepare(CacheExchange exchange,
      MultivaluedMap<String, Object> liveHeaders, byte[] body) {
    StoragePolicy.Store decision = exchange.takeDecision();
    CacheEngine.Miss miss = (CacheEngine.Miss) exchange.lookup;
    List<Headers.Field> fields = new ArrayList<>(JaxrsHeaders.of(liveHeaders).fields());
    List<Headers.Field> added = StorableHeaders.additions(Headers.of(fields),
        exchange.responseTime(), body, engine.settings().generateETags());
    JaxrsHeaders.add(liveHeaders, added);
    fields.addAll(added);
    StoredResponse response = decision.response(exchange.status(),
        StorableHeaders.forStorage(Headers.of(fields)), body, exchange.responseTime());
    return () -> engine.store(exchange.requestHeader, miss, decision, response, exchange.tags);
  }

  /**
   * The resource confirmed a stale entry with a 304 to the cache's own conditions: refreshes the
   * entry with the 304's fields (only for a GET: a HEAD never fills the cache) and answers the
   * client with the whole stored response, or a 304 when the client's own conditions hold.
   */
  void refresh(CacheExchange exchange, ContainerResponseContext response, Duration ttl,
      boolean store) {
    CacheEngine.Miss miss = (CacheEngine.Miss) exchange.lookup;
    StoredResponse stale = miss.revalidate();
    Instant now = engine.now();
    Headers headers = StorableHeaders.updatedBy304(stale.headers(),
        JaxrsHeaders.of(response.getHeaders()), now);
    String what = exchange.requestUri.toString();
    StoragePolicy.Decision decision = StoragePolicy.decide(stale.status(), headers,
        exchange.hadAuthorization, ttl, exchange.requestTime, now);
    Optional<NotStoredReason> notStored;
    StoredResponse refreshed;
    if (decision instanceof StoragePolicy.Store fresh) {
      refreshed = fresh.response(stale.status(), headers, stale.body(), now);
      notStored = store
          ? engine.store(exchange.requestHeader, miss, fresh, refreshed, exchange.tags)
          : engine.notStored(what, NotStoredReason.METHOD);
    } else {
      refreshed = new StoredResponse(stale.status(), headers, stale.body(), now, Duration.ZERO,
          Duration.ZERO, false, Duration.ZERO, Duration.ZERO, true, true, false);
      notStored = engine.notStored(what, ((StoragePolicy.Refuse) decision).reason());
    }
    boolean clientNotModified = ResponseReplay.isNotModified(refreshed,
        exchange.clientIfNoneMatch(), exchange.clientIfModifiedSince());
    ResponseReplay.replaceWith(response, refreshed, now,
        forwarded(miss, notStored).fwdStatus(304), clientNotModified);
  }

  /** The {@code Cache-Status} of a response that went to the resource. */
  CacheStatus forwarded(CacheEngine.Miss miss, Optional<NotStoredReason> notStored) {
    CacheStatus status = CacheStatus.forward(engine.settings().cacheStatusName(), miss.fwd());
    return notStored.map(reason -> status.detail(reason.detail())).orElse(status.stored(true));
  }
}
