package dev.restcache.internal.jaxrs;

import static java.lang.System.Logger.Level.WARNING;

import dev.restcache.internal.CacheEngine;
import dev.restcache.internal.PathTemplates;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Answers a GET or HEAD from the cache when it can; otherwise lets the request through with a
 * {@link CacheExchange} that the response side completes. Runs after authentication and
 * authorization filters, so a hit never skips them.
 */
final class CacheLookupFilter implements ContainerRequestFilter {
  private static final System.Logger LOG = System.getLogger("dev.restcache");

  private final CacheEngine engine;
  private final CachedRoute route;

  CacheLookupFilter(CacheEngine engine, CachedRoute route) {
    this.engine = engine;
    this.route = route;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    // Jersey shows a HEAD routed to a GET method as GET here; both read the GET entry.
    String method = request.getMethod();
    if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
      return;
    }
    try {
      lookup(request);
    } catch (RuntimeException e) {
      LOG.log(WARNING, "lookup failed, serving without the cache", e);
    }
  }

  private void lookup(ContainerRequestContext request) {
    Instant requestTime = engine.now();
    URI uri = request.getUriInfo().getRequestUri();
    Function<String, List<String>> header = name -> {
      String value = request.getHeaderString(name);
      return value == null ? null : List.of(value);
    };
    boolean authorized = request.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
    CacheEngine.Lookup lookup = engine.lookup(uri, header, authorized);
    Set<String> tags = Set.of();
    if (lookup instanceof CacheEngine.Miss) {
      MultivaluedMap<String, String> pathParameters = request.getUriInfo().getPathParameters();
      tags = PathTemplates.resolveAll(route.tagTemplates(), pathParameters::getFirst);
    }
    request.setProperty(CacheExchange.PROPERTY,
        new CacheExchange(uri, header, authorized, requestTime, lookup, tags));
    if (lookup instanceof CacheEngine.Hit hit) {
      request.abortWith(ResponseReplay.replay(hit.response(), header, engine));
    }
  }
}
