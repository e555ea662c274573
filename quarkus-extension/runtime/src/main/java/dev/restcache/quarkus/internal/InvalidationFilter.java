package dev.restcache.quarkus.internal;

import dev.restcache.internal.jaxrs.MethodFilters;
import dev.restcache.internal.jaxrs.WriteInvalidationFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.io.IOException;

/**
 * After a successful write, evicts its path and what {@code @Invalidates} declares, before the
 * response is written; on an event loop with a store that does not complete inline, on a worker
 * with the request suspended.
 */
@ApplicationScoped
public class InvalidationFilter implements ContainerResponseFilter {
  private final CacheRuntime runtime;

  InvalidationFilter(CacheRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response)
      throws IOException {
    WriteInvalidationFilter eviction = runtime.writeInvalidation();
    if (eviction == null) {
      return;
    }
    MethodFilters filters = runtime.filtersFor(request);
    if (filters.invalidates() != null) {
      filters.invalidates().filter(request, response);
    }
    if (WriteInvalidationFilter.mayEvict(request)) {
      runtime.runStoreCalls(request, () -> eviction.filter(request, response));
    }
  }
}
