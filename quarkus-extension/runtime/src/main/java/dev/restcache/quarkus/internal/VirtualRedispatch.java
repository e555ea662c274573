package dev.restcache.quarkus.internal;

import static java.lang.System.Logger.Level.WARNING;

import dev.restcache.RuntimeAdapter;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.quarkus.netty.runtime.virtual.VirtualAddress;
import io.quarkus.netty.runtime.virtual.VirtualClientConnection;
import io.quarkus.netty.runtime.virtual.VirtualResponseHandler;
import io.quarkus.vertx.http.runtime.QuarkusHttpHeaders;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URI;
import java.util.concurrent.Executor;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/**
 * Runs stale-while-revalidate refreshes through Quarkus's in-process virtual HTTP channel, the one
 * its AWS Lambda and Azure Functions adapters use: the GET goes through the same Vert.x router as a
 * client's request (HTTP security, route filters, every Quarkus REST filter, the resource, its
 * writers), and its response is read and dropped. The refresh travels as a context object of the
 * request's headers, a Java object no network client can send.
 */
final class VirtualRedispatch implements RuntimeAdapter.Redispatch {
  private static final System.Logger LOG = System.getLogger("dev.restcache");

  private final Executor workers;

  VirtualRedispatch(Executor workers) {
    this.workers = workers;
  }

  /** Whether the virtual channel is open: the build asked for it and the server started. */
  static boolean available() {
    return VertxHttpRecorder.VIRTUAL_HTTP != null;
  }

  /** Attaches the refresh {@code server}'s request was dispatched for, if it is one. */
  static void attachRefresh(ContainerRequestContext request, ServerRequestContext server) {
    HttpServerRequest received =
        ((ResteasyReactiveRequestContext) server).serverRequest().unwrap(HttpServerRequest.class);
    if (received != null && received.headers() instanceof QuarkusHttpHeaders headers) {
      Ticket ticket = headers.getContextObject(Ticket.class);
      if (ticket != null) {
        ticket.refresh().attachTo(request);
      }
    }
  }

  @Override
  public void start(RuntimeAdapter.Refresh refresh) {
    VirtualAddress address = VertxHttpRecorder.VIRTUAL_HTTP;
    if (address == null) {
      throw new IllegalStateException("the virtual HTTP channel is not open");
    }
    // The lookup may run on an event loop; connecting is cheap, but keep it off there anyway.
    workers.execute(() -> dispatch(address, refresh));
  }

  private static void dispatch(VirtualAddress address, RuntimeAdapter.Refresh refresh) {
    try {
      QuarkusHttpHeaders headers = new QuarkusHttpHeaders();
      refresh.headers().forEach(headers::add);
      headers.setContextObject(Ticket.class, new Ticket(refresh));
      URI uri = refresh.requestUri();
      String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      Discarded response = new Discarded(refresh);
      VirtualClientConnection<?> connection = VirtualClientConnection.connect(response, address);
      response.connection = connection;
      connection.sendMessage(
          new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, target, headers));
      connection.sendMessage(LastHttpContent.EMPTY_LAST_CONTENT);
    } catch (RuntimeException e) {
      LOG.log(WARNING, "stale-while-revalidate refresh failed: " + refresh.requestUri(), e);
      refresh.dispatched();
    }
  }

  /** The refresh, as the dispatched request carries it. */
  private record Ticket(RuntimeAdapter.Refresh refresh) {}

  /** Reads the refresh's response and drops it; the dispatch is over at its end. */
  private static final class Discarded implements VirtualResponseHandler {
    private final RuntimeAdapter.Refresh refresh;
    private volatile VirtualClientConnection<?> connection;

    Discarded(RuntimeAdapter.Refresh refresh) {
      this.refresh = refresh;
    }

    @Override
    public void handleMessage(Object message) {
      try {
        if (message instanceof LastHttpContent) {
          VirtualClientConnection<?> open = connection;
          if (open != null) {
            open.close();
          }
          refresh.dispatched();
        }
      } finally {
        ReferenceCountUtil.release(message);
      }
    }

    @Override
    public void close() {
      refresh.dispatched();
    }
  }
}
