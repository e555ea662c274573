package dev.restcache.quarkus.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.io.IOException;

/**
 * Applies {@code @CacheControl} to the response's {@code Cache-Control}; bound by name to the
 * methods and classes that declare it.
 */
@ApplicationScoped
public class CacheControlResponseFilter implements ContainerResponseFilter {
  private final CacheRuntime runtime;

  CacheControlResponseFilter(CacheRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response)
      throws IOException {
    runtime.rulesFor(request).cacheControl(request, response);
  }
}
