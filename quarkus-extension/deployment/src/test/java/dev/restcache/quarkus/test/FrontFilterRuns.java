package dev.restcache.quarkus.test;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A request filter of the application that counts the requests it saw: a request the front answered
 * never reaches it.
 */
@Provider
public class FrontFilterRuns implements ContainerRequestFilter {
  static final AtomicInteger RUNS = new AtomicInteger();

  @Override
  public void filter(ContainerRequestContext request) {
    RUNS.incrementAndGet();
  }
}
