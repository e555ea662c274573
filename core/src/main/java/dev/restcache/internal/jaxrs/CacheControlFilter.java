package dev.restcache.internal.jaxrs;

import dev.restcache.internal.http.CacheDirectives;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Merges {@code @CacheControl}'s directives into the response's {@code Cache-Control}: flags are
 * added, and the smaller of two {@code max-age} (or {@code s-maxage}, or stale windows) wins.
 */
final class CacheControlFilter implements ContainerResponseFilter {
  private final CacheDirectives directives;

  CacheControlFilter(CacheDirectives directives) {
    this.directives = directives;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    // A replayed hit already carries the merged header it was stored with.
    if (request.getProperty(CacheExchange.PROPERTY) instanceof CacheExchange exchange
        && exchange.answeredByCache()) {
      return;
    }
    CacheDirectives current = CacheDirectives.parse(
        JaxrsHeaders.of(response.getHeaders()).all(HttpHeaders.CACHE_CONTROL));
    response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL,
        current.merge(directives).toHeaderValue());
  }

}
