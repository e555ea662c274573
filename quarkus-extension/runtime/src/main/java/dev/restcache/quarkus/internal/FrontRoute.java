package dev.restcache.quarkus.internal;

import dev.restcache.CacheFront;
import dev.restcache.RuntimeAdapter;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The front on Quarkus: a Vert.x route ahead of Quarkus REST that answers a request from a fresh
 * public entry before Quarkus REST sees it, so that none of the application's JAX-RS filters,
 * interceptors or resources run for it; every other request goes on to Quarkus REST unchanged.
 *
 * <p>It keys what the JAX-RS lookup keys on Quarkus: the connection's scheme, the {@code Host}
 * field and the request line's target as sent. It never waits on the event loop: a lookup the store
 * answers later goes on, on the request's context, once the store has answered.
 */
final class FrontRoute implements Handler<RoutingContext> {
  private final CacheFront front;

  FrontRoute(CacheFront front) {
    this.front = front;
  }

  // The callback ends the front's part and handles its own outcome; the stage whenComplete
  // returns has nothing left to report.
  @SuppressWarnings("FutureReturnValueIgnored")
  @Override
  public void handle(RoutingContext routing) {
    HttpServerRequest request = routing.request();
    MultiMap headers = request.headers();
    CompletableFuture<RuntimeAdapter.Replay> lookup =
        front.lookup(
            request.method().name(),
            request.isSSL() ? "https" : "http",
            headers.get(HttpHeaders.HOST),
            request.uri(),
            name -> {
              List<String> lines = headers.getAll(name);
              return lines.isEmpty() ? null : lines;
            });
    if (lookup.isDone()) {
      answer(routing, lookup);
    } else {
      Context context = Vertx.currentContext();
      lookup.whenComplete(
          (replay, failure) -> context.runOnContext(done -> answer(routing, lookup)));
    }
  }

  // The lookup never fails; were it to, the request would go on to the application all the same.
  private static void answer(
      RoutingContext routing, CompletableFuture<RuntimeAdapter.Replay> done) {
    RuntimeAdapter.Replay replay = done.isCompletedExceptionally() ? null : done.join();
    if (replay == null) {
      routing.next();
    } else {
      VertxReplayWriter.write(
          routing.response(), replay, HttpMethod.HEAD.equals(routing.request().method()));
    }
  }
}
