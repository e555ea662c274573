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
  private final CacheDirectives forErrors;

  CacheControlFilter(CacheDirectives directives) {
    this.directives = directives;
    this.forErrors = directives.withoutFreshness();
  }

  // Runs on hits too, like every other filter's work; the cache stores the resource's header
  // already merged (CachedRoute.sentCacheControl), for the front, and merging it again changes
  // nothing. An error gets only the directives that restrict caching, so that an annotation
  // never makes one client's failure fresh for downstream caches either.
  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    CacheDirectives added = response.getStatus() >= 400 ? forErrors : directives;
    if (added.equals(CacheDirectives.NONE)) {
      return;
    }
    CacheDirectives current =
        CacheDirectives.parse(
            JaxrsHeaders.of(response.getHeaders()).all(HttpHeaders.CACHE_CONTROL));
    response
        .getHeaders()
        .putSingle(HttpHeaders.CACHE_CONTROL, current.merge(added).toHeaderValue());
  }
}
