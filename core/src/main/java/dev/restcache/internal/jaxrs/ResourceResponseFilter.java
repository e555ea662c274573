package dev.restcache.internal.jaxrs;

import static java.lang.System.Logger.Level.WARNING;

import dev.restcache.internal.CacheEngine;
import dev.restcache.internal.ResponseSuitability;
import dev.restcache.internal.http.VarySpec;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * The first response filter of a cached method: sees the response as the resource produced it,
 * before any application filter. It records that response (what a hit replays, so that the filters
 * run again on every hit and add their headers exactly once), adds the {@code Vary} the method's
 * inputs call for, and puts a stored response in place of the resource's answer where the cache
 * stands in for it (a stale entry for a 5xx, an entry a 304 refreshed), so that the application's
 * filters see that one.
 */
final class ResourceResponseFilter implements ContainerResponseFilter {
  private static final System.Logger LOG = System.getLogger("dev.restcache");

  private final CacheEngine engine;
  private final ResponseRecorder recorder;

  ResourceResponseFilter(CacheEngine engine) {
    this.engine = engine;
    this.recorder = new ResponseRecorder(engine);
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(request.getProperty(CacheExchange.PROPERTY) instanceof CacheExchange exchange)
        || exchange.answeredByCache()) {
      return;
    }
    try {
      MultivaluedMap<String, Object> headers = response.getHeaders();
      if (!exchange.responded(
          response.getStatus(), JaxrsHeaders.of(headers), response.getEntity())) {
        return;
      }
      CacheEngine.Miss miss = exchange.miss();
      if (miss != null) {
        engine.resourceAnswered(miss.fill());
      }
      if (miss != null
          && miss.staleIfError() != null
          && ResponseSuitability.isReplaceableError(response.getStatus())) {
        ResponseReplay.replaceWithStale(response, miss.staleIfError(), engine);
        exchange.end();
      } else if (miss != null && exchange.revalidating() && response.getStatus() == 304) {
        recorder.refresh(exchange, response);
      } else if (!exchange.route.sentVary().isEmpty()) {
        VarySpec vary =
            VarySpec.parse(exchange.resourceHeaders().all(HttpHeaders.VARY))
                .with(exchange.route.sentVary().fieldNames());
        headers.putSingle(HttpHeaders.VARY, vary.toHeaderValue());
      }
    } catch (RuntimeException e) {
      LOG.log(WARNING, "reading the response failed, it is not cached", e);
      exchange.end();
    }
  }
}
