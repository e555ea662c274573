package dev.restcache.quarkus.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.io.IOException;

/**
 * Resolves what {@code @Invalidates} evicts, for the eviction after the write, which runs next;
 * bound by name to the methods and classes that declare it.
 */
@ApplicationScoped
public class InvalidatesResponseFilter implements ContainerResponseFilter {
  private final CacheRuntime runtime;

  InvalidatesResponseFilter(CacheRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response)
      throws IOException {
    runtime.rulesFor(request).invalidates(request, response);
  }
}
