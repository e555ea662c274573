package dev.restcache.servlet;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

/**
 * A request filter of the application, such as an access check or an audit log: counts each request
 * it sees under {@code filter <path>}. A front hit must never reach it.
 */
final class CountingRequestFilter implements ContainerRequestFilter {
  private final Counts counts;

  CountingRequestFilter(Counts counts) {
    this.counts = counts;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    counts.increment("filter " + request.getUriInfo().getRequestUri().getRawPath());
  }
}
