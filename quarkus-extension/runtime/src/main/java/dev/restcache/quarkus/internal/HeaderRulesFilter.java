package dev.restcache.quarkus.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.io.IOException;

/** Applies {@code @CacheControl}, then {@code @NeverCache}, to the response's headers. */
@ApplicationScoped
public class HeaderRulesFilter implements ContainerResponseFilter {
  private final CacheRuntime runtime;

  HeaderRulesFilter(CacheRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response)
      throws IOException {
    runtime.rulesFor(request).headerRules(request, response);
  }
}
