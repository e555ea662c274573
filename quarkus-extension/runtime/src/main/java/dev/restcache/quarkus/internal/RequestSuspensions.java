package dev.restcache.quarkus.internal;

import dev.restcache.RequestSuspension;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Quarkus REST's suspension of a request, for restcache to wait for its store without a thread:
 * a resumed request goes on with the executor it ran on (the event loop, or a worker for a
 * blocking endpoint), whichever thread the store answered on.
 */
final class RequestSuspensions {
  private RequestSuspensions() {
  }

  /** The suspension of {@code request}. */
  static RequestSuspension of(ContainerRequestContext request) {
    ResteasyReactiveContainerRequestContext context =
        (ResteasyReactiveContainerRequestContext) request;
    return new RequestSuspension() {
      @Override
      public void suspend() {
        context.suspend();
      }

      @Override
      public void resume() {
        context.resume();
      }
    };
  }
}
