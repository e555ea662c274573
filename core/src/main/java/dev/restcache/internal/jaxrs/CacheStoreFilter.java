package dev.restcache.internal.jaxrs;

import static java.lang.System.Logger.Level.WARNING;

import dev.restcache.internal.CacheEngine;
import dev.restcache.internal.Headers;
import dev.restcache.internal.NotStoredReason;
import dev.restcache.internal.ResponseSuitability;
import dev.restcache.internal.StoragePolicy;
import dev.restcache.internal.http.CacheStatus;
import dev.restcache.internal.http.VarySpec;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Decides whether a response that went to the resource may be stored, once every other
 * response filter has shaped its headers. A response with an entity is stored by
 * {@link BodyCaptureInterceptor} when its body is written; one without is stored here.
 */
final class CacheStoreFilter implements ContainerResponseFilter {
  private static final System.Logger LOG = System.getLogger("dev.restcache");

  private final CacheEngine engine;
  private final CachedRoute route;
  private final ResponseRecorder recorder;

  CacheStoreFilter(CacheEngine engine, CachedRoute route) {
    this.engine = engine;
    this.route = route;
    this.recorder = new ResponseRecorder(engine);
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(request.getProperty(CacheExchange.PROPERTY) instanceof CacheExchange exchange)
        || exchange.answeredByCache()) {
      return;
    }
    try {
      decide(request, response, exchange);
    } catch (RuntimeException e) {
      LOG.log(WARNING, "store decision failed, response not cached", e);
      exchange.takeDecision();
    } finally {
      if (!exchange.awaitsBody()) {
        exchange.finish(engine);
      }
    }
  }

  private void decide(ContainerRequestContext request, ContainerResponseContext response,
      CacheExchange exchange) {
    MultivaluedMap<String, Object> headers = response.getHeaders();
    addVary(headers);
    String cacheName = engine.settings().cacheStatusName();
    if (exchange.lookup instanceof CacheEngine.Bypass bypass) {
      String fwd = bypass.reason() == NotStoredReason.CREDENTIALS ? "request" : "bypass";
      headers.putSingle("Cache-Status", CacheStatus.forward(cacheName, fwd)
          .detail(bypass.reason().detail()).toHeaderValue());
      return;
    }
    CacheEngine.Miss miss = (CacheEngine.Miss) exchange.lookup;
    String what = exchange.requestUri.toString();
    if (miss.staleIfError() != null
        && ResponseSuitability.isReplaceableError(response.getStatus())) {
      ResponseReplay.replaceWithStale(response, miss.staleIfError(), engine);
      return;
    }
    if (exchange.revalidating() && response.getStatus() == 304) {
      recorder.refresh(exchange, response, route.ttl(),
          HttpMethod.GET.equals(request.getMethod()));
      return;
    }
    if (!HttpMethod.GET.equals(request.getMethod())) {
      headers.putSingle("Cache-Status", recorder.forwarded(miss,
          engine.notStored(what, NotStoredReason.METHOD)).toHeaderValue());
      return;
    }
    if (exchange.requestDirectives.noStore()) {
      headers.putSingle("Cache-Status", recorder.forwarded(miss,
          engine.notStored(what, NotStoredReason.REQUEST_NO_STORE)).toHeaderValue());
      return;
    }
    StoragePolicy.Decision decision = StoragePolicy.decide(response.getStatus(),
        JaxrsHeaders.of(headers), exchange.hadAuthorization, route.ttl(),
        exchange.requestTime, engine.now());
    if (decision instanceof StoragePolicy.Refuse refuse) {
      headers.putSingle("Cache-Status",
          recorder.forwarded(miss, engine.notStored(what, refuse.reason())).toHeaderValue());
      return;
    }
    exchange.awaitBody(response.getStatus(), engine.now(), (StoragePolicy.Store) decision);
    if (!response.hasEntity()) {
      recorder.record(exchange, headers, new byte[0]);
    }
  }

  private void addVary(MultivaluedMap<String, Object> headers) {
    if (route.extraVary().isEmpty()) {
      return;
    }
    Headers current = JaxrsHeaders.of(headers);
    VarySpec vary = VarySpec.parse(current.all(HttpHeaders.VARY)).with(route.extraVary());
    headers.putSingle(HttpHeaders.VARY, vary.toHeaderValue());
  }
}
