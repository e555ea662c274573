package dev.restcache.cxf;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * An application response filter that throws, with no mapper for its exception: it runs after
 * restcache's first response filter and before its store decision.
 */
@Provider
@FailsAfterResource
@Priority(Priorities.USER)
public class FailingResponseFilter implements ContainerResponseFilter {
  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    throw new IllegalStateException("a response filter failed");
  }
}
