package dev.restcache.quarkus.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

/**
 * The lookup of an application that has no request filter besides restcache's: "after every
 * application filter" is then before all of them, and Quarkus REST runs this filter on the event
 * loop, before a blocking endpoint's hop to a worker, so that a hit from the in-memory store needs
 * no worker at all. In any other application it does nothing, and {@link LookupFilter} looks up
 * after the application's filters.
 */
@ApplicationScoped
public class EarlyLookupFilter implements ContainerRequestFilter {
  private final CacheRuntime runtime;
  private final LookupFilter lookup;

  EarlyLookupFilter(CacheRuntime runtime, LookupFilter lookup) {
    this.runtime = runtime;
    this.lookup = lookup;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (runtime.looksUpEarly()) {
      lookup.lookUp(request);
    }
  }
}
