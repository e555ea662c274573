package dev.restcache.quarkus.internal;

import dev.restcache.RuntimeAdapter;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import org.jboss.resteasy.reactive.server.spi.ServerHttpResponse;
import org.jboss.resteasy.reactive.server.spi.ServerRestHandler;

/**
 * Sends a hit straight to the Vert.x response and ends Quarkus REST's handling of the request,
 * skipping the response filters, writer interceptors and body writers a JAX-RS response would go
 * through; offered only in an application with none of its own (see {@code RestcacheProcessor}).
 * Most of a hit's time on Quarkus REST went there.
 */
final class ConnectionHitWriter implements RuntimeAdapter.HitWriter {
  static final ConnectionHitWriter INSTANCE = new ConnectionHitWriter();

  private static final ServerRestHandler[] NOTHING_MORE = new ServerRestHandler[0];

  private ConnectionHitWriter() {}

  @Override
  public boolean write(ContainerRequestContext request, RuntimeAdapter.Replay replay) {
    ResteasyReactiveRequestContext context =
        (ResteasyReactiveRequestContext)
            ((ResteasyReactiveContainerRequestContext) request).getServerRequestContext();
    // A suspended request is resumed by its own handler chain, on its own executor.
    if (context.isSuspended()) {
      return false;
    }
    ServerHttpResponse response = context.serverResponse();
    if (response.headWritten()) {
      return false;
    }
    VertxReplayWriter.write(
        context.serverRequest().unwrap(HttpServerRequest.class).response(),
        replay,
        HttpMethod.HEAD.equals(context.serverRequest().getRequestMethod()));
    // The chain ends here; closing the request still runs its completion callbacks.
    context.restart(NOTHING_MORE);
    return true;
  }
}
