package dev.restcache.internal.jaxrs;

import static java.lang.System.Logger.Level.WARNING;

import dev.restcache.RequestSuspension;
import dev.restcache.internal.CacheEngine;
import dev.restcache.internal.Credentials;
import dev.restcache.internal.StoragePolicy;
import dev.restcache.internal.http.CacheStatus;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.concurrent.CompletableFuture;

/**
 * The last response filter of a cached method: decides whether the response may be stored, on its
 * status and headers as every filter left them. A response with an entity is stored once its body
 * is written and checked again ({@link StoreCommitInterceptor}); one without is stored here.
 */
public final class CacheStoreFilter implements ContainerResponseFilter {
  private static final System.Logger LOG = System.getLogger("dev.restcache");

  private static final CompletableFuture<Void> DECIDED = CompletableFuture.completedFuture(null);

  private final CacheEngine engine;
  private final ResponseRecorder recorder;

  CacheStoreFilter(CacheEngine engine) {
    this.engine = engine;
    this.recorder = new ResponseRecorder(engine);
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    filter(request, response, null);
  }

  /**
   * As {@link #filter}; where it stores (a response without a body, an entry a {@code 304}
   * refreshed) and the store does not answer at once, suspends the request with {@code suspension}
   * instead of waiting on this thread.
   *
   * @param suspension how the runtime suspends the request; null to wait on this thread
   */
  public void filter(
      ContainerRequestContext request,
      ContainerResponseContext response,
      RequestSuspension suspension) {
    if (!(request.getProperty(CacheExchange.PROPERTY) instanceof CacheExchange exchange)
        || exchange.answeredByCache()) {
      return;
    }
    CompletableFuture<Void> storing = decideSafely(request, response, exchange);
    Continuation.after(storing, suspension, () -> finish(exchange, storing));
  }

  private CompletableFuture<Void> decideSafely(
      ContainerRequestContext request, ContainerResponseContext response, CacheExchange exchange) {
    try {
      return decide(request, response, exchange);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private void finish(CacheExchange exchange, CompletableFuture<Void> storing) {
    try {
      storing.join();
    } catch (RuntimeException e) {
      LOG.log(WARNING, "store decision failed, response not cached", e);
      exchange.end();
    } finally {
      if (!exchange.awaitsBody()) {
        exchange.finish(engine);
      }
    }
  }

  // Completes once what was decided is stored, or at once when nothing is to be stored now.
  private CompletableFuture<Void> decide(
      ContainerRequestContext request, ContainerResponseContext response, CacheExchange exchange) {
    MultivaluedMap<String, Object> headers = response.getHeaders();
    String cacheName = engine.settings().cacheStatusName();
    if (exchange.lookup instanceof CacheEngine.Bypass bypass) {
      headers.putSingle(
          ResponseRecorder.CACHE_STATUS,
          CacheStatus.forward(cacheName, bypass.reason().forwardReason())
              .detail(bypass.reason().detail())
              .toHeaderValue());
      return DECIDED;
    }
    CacheEngine.Miss miss = exchange.miss();
    Credentials credentials = exchange.request.credentials().and(Principals.of(request));
    if (exchange.replacement() != null) {
      return recorder
          .storeRefreshed(exchange, response, credentials, request.getMethod())
          .thenAccept(
              notStored ->
                  headers.putSingle(
                      ResponseRecorder.CACHE_STATUS,
                      recorder.forwarded(miss, notStored).fwdStatus(304).toHeaderValue()));
    }
    if (!exchange.awaitsDecision()) {
      // Replaced by a stale entry, or a second response after a failure: nothing to store.
      return DECIDED;
    }
    StoragePolicy.Candidate candidate =
        new StoragePolicy.Candidate(
            request.getMethod(),
            exchange.request.directives(),
            credentials,
            exchange.route.personalised(),
            exchange.rewrittenBy(response.getStatus(), response.getEntity()),
            response.getStatus(),
            JaxrsHeaders.of(headers),
            exchange.resourceHeadersIfRan(),
            -1,
            engine.settings().maxEntryBytes(),
            exchange.route.ttl(),
            exchange.request.time(),
            engine.now());
    StoragePolicy.Decision decision = StoragePolicy.decide(candidate);
    if (decision instanceof StoragePolicy.Refuse refuse) {
      exchange.end();
      headers.putSingle(
          ResponseRecorder.CACHE_STATUS,
          recorder
              .forwarded(
                  miss, engine.notStored(exchange.request.target().toString(), refuse.reason()))
              .toHeaderValue());
      return DECIDED;
    }
    exchange.decided(candidate, (StoragePolicy.Store) decision);
    if (!response.hasEntity()) {
      exchange.captured(new byte[0], recorder.addFields(exchange, headers, new byte[0]));
      return recorder.commit(exchange, headers);
    }
    return DECIDED;
  }
}
