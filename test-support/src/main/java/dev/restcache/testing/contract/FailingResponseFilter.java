package dev.restcache.testing.contract;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * An application's response filter that fails: it runs after the cache has taken the resource's
 * response and before the cache decides to store it, as any filter of the application's own
 * priority does.
 */
@Provider
@FailsAfterResponse
@Priority(Priorities.USER)
public class FailingResponseFilter implements ContainerResponseFilter {
  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    throw new IllegalStateException("the contract's failing response filter");
  }
}
