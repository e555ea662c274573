package dev.restcache.quarkus.internal;

import dev.restcache.RequestSuspension;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.jaxrs.ContainerRequestContextImpl;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Quarkus REST's suspension of a request, for restcache to wait for its store without a thread: a
 * resumed request goes on with the executor it ran on (the event loop, or a worker for a blocking
 * endpoint), whichever thread the store answered on. A request answered from the cache while
 * suspended is resumed by Quarkus REST's {@code abortWith} itself.
 */
final class RequestSuspensions {
  private RequestSuspensions() {}

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
        // Resuming an aborted request again would run its handler chain a second time: on
        // another worker at once for a blocking endpoint, racing the first over the response.
        if (!(context instanceof ContainerRequestContextImpl impl && impl.isAborted())) {
          context.resume();
        }
      }
    };
  }
}
