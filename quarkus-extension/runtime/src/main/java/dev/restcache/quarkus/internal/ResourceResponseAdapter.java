package dev.restcache.quarkus.internal;

import dev.restcache.RuntimeAdapter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.io.IOException;

/**
 * Shows a cached method's response to the cache as the resource produced it, before any application
 * filter: what a hit replays, so that the filters run again on every hit.
 */
@ApplicationScoped
public class ResourceResponseAdapter implements ContainerResponseFilter {
  private final CacheRuntime runtime;

  ResourceResponseAdapter(CacheRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response)
      throws IOException {
    if (RuntimeAdapter.awaitsResponse(request)) {
      runtime.rulesFor(request).resourceResponse(request, response);
    }
  }
}
