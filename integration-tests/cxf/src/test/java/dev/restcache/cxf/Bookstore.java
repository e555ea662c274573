package dev.restcache.cxf;

import dev.restcache.ResponseCacheFeature;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The bookstore on CXF for one test: {@code @RegisterExtension final Bookstore bookstore = new
 * Bookstore();}, then {@link #start}. Titles and call counts start empty; the server stops after
 * the test.
 */
public final class Bookstore implements BeforeEachCallback, AfterEachCallback {
  private CxfServer server;

  /** Serves {@link BookResource}, its providers and {@code more} with {@code feature}. */
  public void start(ResponseCacheFeature feature, Class<?>... more) {
    List<Class<?>> classes =
        new ArrayList<>(
            List.of(
                BookResource.class, FailingResponseFilter.class, NoSuchBookException.Mapper.class));
    classes.addAll(List.of(more));
    server = CxfServer.start(feature, classes.toArray(Class<?>[]::new));
  }

  /** A request to the bookstore. */
  public RequestSpecification request() {
    return RestAssured.given()
        .baseUri("http://127.0.0.1")
        .port(server.port())
        .urlEncodingEnabled(false);
  }

  /** The port it listens on, on 127.0.0.1. */
  public int port() {
    return server.port();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Calls.reset();
    BookResource.reset();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (server != null) {
      server.close();
      server = null;
    }
  }
}
