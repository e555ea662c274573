package dev.restcache.it.support;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/** A real Grizzly server on an ephemeral port of 127.0.0.1, driven with REST Assured. */
public final class TestServer implements AutoCloseable {
  private final HttpServer server;
  private final int port;

  private TestServer(HttpServer server) {
    this.server = server;
    this.port = server.getListeners().iterator().next().getPort();
  }

  /** Starts {@code application} with the given worker pool (null for Grizzly's default). */
  public static TestServer start(ResourceConfig application, ThreadPoolConfig workers) {
    HttpServer server =
        GrizzlyHttpServerFactory.createHttpServer(
            URI.create("http://127.0.0.1:0/"), application, false);
    if (workers != null) {
      server
          .getListeners()
          .forEach(listener -> listener.getTransport().setWorkerThreadPoolConfig(workers));
    }
    // Grizzly refuses a DELETE with a body unless told otherwise.
    server.getServerConfiguration().setAllowPayloadForUndefinedHttpMethods(true);
    try {
      server.start();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("could not start the test server", e);
    }
    return new TestServer(server);
  }

  /** The port this server listens on, on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** A request to this server. */
  public RequestSpecification request() {
    return RestAssured.given().baseUri("http://127.0.0.1").port(port).urlEncodingEnabled(false);
  }

  @Override
  public void close() {
    server.shutdownNow();
  }
}
