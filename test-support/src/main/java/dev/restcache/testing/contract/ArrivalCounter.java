package dev.restcache.testing.contract;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Counts the requests for a book that reached the application, as {@code arrivals:<id>}: an
 * application filter, so it runs before the cache's lookup, on every request that a collapsed one
 * waits in.
 */
@Provider
@CountsArrivals
@Priority(Priorities.USER)
public class ArrivalCounter implements ContainerRequestFilter {
  @Override
  public void filter(ContainerRequestContext request) {
    Counters.increment("arrivals:" + request.getUriInfo().getPathParameters().getFirst("id"));
  }
}
