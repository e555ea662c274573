package dev.restcache.quarkus.internal;

import dev.restcache.RuntimeAdapter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.io.IOException;

/**
 * Decides whether a cached method's response is stored, once every other response filter has shaped
 * it. Where it stores a response without a body, or refreshes an entry, and the store does not
 * answer at once, the request is suspended until it has.
 */
@ApplicationScoped
public class StoreDecisionFilter implements ContainerResponseFilter {
  private final CacheRuntime runtime;

  StoreDecisionFilter(CacheRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response)
      throws IOException {
    if (!RuntimeAdapter.awaitsResponse(request)) {
      return;
    }
    runtime.rulesFor(request).store(request, response, RequestSuspensions.of(request));
  }
}
