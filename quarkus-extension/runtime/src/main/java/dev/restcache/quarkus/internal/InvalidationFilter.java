package dev.restcache.quarkus.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.io.IOException;

/**
 * After a successful write, evicts its path and what {@code @Invalidates} declared, before the
 * response is written, with the request suspended while the store has not evicted. Global: any
 * write evicts, annotated or not.
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
    runtime.evictAfterWrite(request, response);
  }
}
