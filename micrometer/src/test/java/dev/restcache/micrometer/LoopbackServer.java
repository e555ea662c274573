package dev.restcache.micrometer;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/** A Grizzly server on a free port of 127.0.0.1, driven with REST Assured. */
final class LoopbackServer implements AutoCloseable {
  private final HttpServer server;

  LoopbackServer(ResourceConfig application) {
    server =
        GrizzlyHttpServerFactory.createHttpServer(
            URI.create("http://127.0.0.1:0/"), application, false);
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the test server", e);
    }
  }

  RequestSpecification request() {
    int port = server.getListeners().iterator().next().getPort();
    return RestAssured.given().baseUri("http://127.0.0.1").port(port);
  }

  @Override
  public void close() {
    server.shutdownNow();
  }
}
