package dev.restcache.quarkus.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.io.IOException;

/**
 * Makes every cache on the way refuse the response of a method with {@code @NeverCache}; bound by
 * name to the methods and classes that declare it.
 */
@ApplicationScoped
public class NeverCacheResponseFilter implements ContainerResponseFilter {
  private final CacheRuntime runtime;

  NeverCacheResponseFilter(CacheRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response)
      throws IOException {
    runtime.rulesFor(request).neverCache(request, response);
  }
}
