package dev.restcache.quarkus.internal;

import dev.restcache.RuntimeAdapter;
import dev.restcache.RuntimeAdapter.MethodRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.io.IOException;

/**
 * Decides whether a cached method's response is stored, once every other response filter has
 * shaped it. It may store a response without a body, or refresh an entry, so on an event loop
 * with a store that does not complete inline it runs on a worker with the request suspended.
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
    MethodRules rules = runtime.rulesFor(request);
    runtime.runStoreCalls(request, () -> rules.store(request, response));
  }
}
