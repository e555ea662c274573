package dev.restcache.grizzly;

import dev.restcache.ResponseCacheFeature;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.RequestExecutorProvider;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.server.ServerConfiguration;
import org.glassfish.grizzly.strategies.SameThreadIOStrategy;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** Jersey on Grizzly on an ephemeral port of 127.0.0.1, with the front installed. */
final class FrontServer implements AutoCloseable {
  private final HttpServer server;
  private final int port;

  private FrontServer(HttpServer server) {
    this.server = server;
    this.port = server.getListeners().iterator().next().getPort();
  }

  /** Starts {@code feature} and {@code components} (instances) behind the front. */
  static FrontServer start(ResponseCacheFeature feature, Object... components) {
    HttpServer server = unstarted(feature, components);
    GrizzlyFront.install(server, feature);
    return started(server);
  }

  /**
   * Starts {@code feature} and {@code components} behind the front, with the front and the
   * application running on Grizzly's selector threads rather than its worker threads.
   */
  static FrontServer startOnSelectorThreads(ResponseCacheFeature feature, Object... components) {
    HttpServer server = unstarted(feature, components);
    ServerConfiguration configuration = server.getServerConfiguration();
    Map.Entry<HttpHandler, HttpHandlerRegistration[]> jersey =
        configuration.getHttpHandlersWithMapping().entrySet().iterator().next();
    configuration.removeHttpHandler(jersey.getKey());
    configuration.addHttpHandler(
        GrizzlyFront.wrap(new OnSelectorThreads(jersey.getKey()), feature), jersey.getValue());
    server
        .getListeners()
        .forEach(
            listener -> listener.getTransport().setIOStrategy(SameThreadIOStrategy.getInstance()));
    return started(server);
  }

  private static HttpServer unstarted(ResponseCacheFeature feature, Object... components) {
    ResourceConfig config =
        new ResourceConfig()
            .property(ServerProperties.WADL_FEATURE_DISABLE, true)
            .register(feature);
    for (Object component : components) {
      config.register(component);
    }
    return GrizzlyHttpServerFactory.createHttpServer(
        URI.create("http://127.0.0.1:0/"), config, false);
  }

  private static FrontServer started(HttpServer server) {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new FrontServer(server);
  }

  /**
   * A handler that runs where Grizzly reads the request: on a selector thread, with SameThread IO.
   */
  private static final class OnSelectorThreads extends HttpHandler {
    private final HttpHandler application;

    OnSelectorThreads(HttpHandler application) {
      this.application = application;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
      application.service(request, response);
    }

    @Override
    public RequestExecutorProvider getRequestExecutorProvider() {
      return new RequestExecutorProvider.SameThreadProvider();
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

  int port() {
    return port;
  }

  HttpServer server() {
    return server;
  }

  RequestSpecification request() {
    return RestAssured.given().baseUri("http://127.0.0.1").port(port).urlEncodingEnabled(false);
  }

  @Override
  public void close() {
    server.shutdownNow();
  }
}
