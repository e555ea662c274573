package dev.restcache.quarkus.internal;

import dev.restcache.RuntimeAdapter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.io.IOException;

/**
 * After a successful write, evicts its path and what {@code @Invalidates} declares, before the
 * response is written; with the request suspended while the store has not evicted.
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
    RuntimeAdapter adapter = runtime.adapter();
    if (adapter == null) {
      return;
    }
    runtime.rulesFor(request).invalidates(request, response);
    if (RuntimeAdapter.mayEvict(request)) {
      adapter.evictAfterWrite(request, response, RequestSuspensions.of(request));
    }
  }
}
