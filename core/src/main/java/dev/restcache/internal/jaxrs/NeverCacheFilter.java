package dev.restcache.internal.jaxrs;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Marks a response as never to be cached by anyone, replacing whatever caching headers it had. The
 * values are Django's {@code never_cache}, with an {@code Expires} at the epoch.
 */
final class NeverCacheFilter implements ContainerResponseFilter {
  static final String CACHE_CONTROL = "max-age=0, no-cache, no-store, must-revalidate, private";
  static final String EXPIRES = "Thu, 01 Jan 1970 00:00:00 GMT";

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
    response.getHeaders().putSingle(HttpHeaders.EXPIRES, EXPIRES);
  }
}
