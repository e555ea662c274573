package dev.restcache.grizzly;

import dev.restcache.CacheFront;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.RuntimeAdapter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.RequestExecutorProvider;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.server.ServerConfiguration;

/**
 * The front for Jersey on Grizzly: a Grizzly {@link HttpHandler} in front of the application's
 * handler that answers a request from the cache before Jersey routes it and before any of the
 * application's filters run, as a reverse proxy in front of the application would.
 *
 * <p>It answers only what {@link CacheFront} answers: a GET or HEAD without credentials and without
 * {@code Origin}, from a fresh entry the application marked {@code public} or gave {@code
 * s-maxage}. A hit is written straight to Grizzly's {@link Response}: status, fields, {@code
 * Content-Length} and body, without building a JAX-RS response. Every other request goes to the
 * wrapped handler unchanged.
 *
 * <p>With a store that answers later (a Hazelcast store), the front waits for it on the worker
 * thread Grizzly hands the handler to, as the application's own lookup behind it does, never longer
 * than the feature's store timeout. On a selector thread (a handler made to run there) it never
 * waits: a request the store cannot answer at once goes on to the application.
 *
 * <pre>{@code
 * HttpServer server = GrizzlyHttpServerFactory.createHttpServer(uri, resourceConfig, false);
 * GrizzlyFront.install(server, feature); // feature built with front(true) and registered
 * server.start();
 * }</pre>
 */
public final class GrizzlyFront extends HttpHandler {
  private final CacheFront front;
  private final HttpHandler application;

  private GrizzlyFront(CacheFront front, HttpHandler application) {
    super(application.getName());
    this.front = front;
    this.application = application;
    // HttpHandler.doHandle applies these of the handler Grizzly calls, which is now the front.
    setAllowEncodedSlash(application.isAllowEncodedSlash());
    setAllowCustomStatusMessage(application.isAllowCustomStatusMessage());
    setRequestURIEncoding(application.getRequestURIEncoding());
  }

  /**
   * Puts the front in front of every handler registered with {@code server}, under the same
   * mappings. Call it before {@code server.start()}, once the Jersey container is registered (as
   * {@code GrizzlyHttpServerFactory.createHttpServer(uri, config, false)} does). Does nothing when
   * {@code feature} was built without {@code front(true)}, and leaves handlers already fronted as
   * they are.
   *
   * @param server the server whose handlers to front
   * @param feature the feature registered with the application those handlers serve
   */
  public static void install(HttpServer server, ResponseCacheFeature feature) {
    Objects.requireNonNull(server, "server");
    CacheFront.of(feature)
        .ifPresent(
            front -> {
              ServerConfiguration configuration = server.getServerConfiguration();
              Map<HttpHandler, HttpHandlerRegistration[]> registered =
                  new LinkedHashMap<>(configuration.getHttpHandlersWithMapping());
              registered.forEach(
                  (handler, mappings) -> {
                    if (!(handler instanceof GrizzlyFront)) {
                      configuration.removeHttpHandler(handler);
                      configuration.addHttpHandler(new GrizzlyFront(front, handler), mappings);
                    }
                  });
            });
  }

  /**
   * {@code application} behind the front, for registering with a server by hand.
   *
   * @param application the handler of the Jersey application, Jersey's {@code GrizzlyHttpContainer}
   * @param feature the feature registered with that application
   * @return the front wrapping {@code application}, or {@code application} itself when {@code
   *     feature} was built without {@code front(true)}
   */
  public static HttpHandler wrap(HttpHandler application, ResponseCacheFeature feature) {
    Objects.requireNonNull(application, "application");
    return CacheFront.of(feature)
        .<HttpHandler>map(front -> new GrizzlyFront(front, application))
        .orElse(application);
  }

  @Override
  public void service(Request request, Response response) throws Exception {
    RuntimeAdapter.Replay hit = FrontRequest.hit(front, request);
    if (hit == null) {
      application.service(request, response);
    } else {
      HitResponse.write(hit, request, response);
    }
  }

  @Override
  public RequestExecutorProvider getRequestExecutorProvider() {
    return application.getRequestExecutorProvider();
  }

  @Override
  public void start() {
    application.start();
  }

  @Override
  public void destroy() {
    application.destroy();
  }
}
