package dev.restcache.demo;

import dev.restcache.ResponseCacheFeature;
import java.net.URI;
import java.time.Duration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * Runs the bookstore on Grizzly at {@code http://127.0.0.1:8080/} (or the port given as the first
 * argument) with an in-memory cache, until interrupted.
 */
public final class BookstoreDemo {
  private BookstoreDemo() {}

  /** The demo application: the bookstore with a response cache. */
  public static ResourceConfig application(ResponseCacheFeature feature, BookRepository books) {
    return new ResourceConfig()
        .property(ServerProperties.WADL_FEATURE_DISABLE, true)
        .register(new BooksResource(books))
        .register(feature);
  }

  /** Starts the server; {@code args[0]} is an optional port. */
  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
    URI base = URI.create("http://127.0.0.1:" + port + "/");
    ResponseCacheFeature feature =
        ResponseCacheFeature.builder().defaultTtl(Duration.ofMinutes(2)).build();
    HttpServer server =
        GrizzlyHttpServerFactory.createHttpServer(
            base, application(feature, BookRepository.withSampleBooks(Duration.ofMillis(300))));
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
    System.out.printf(
        """
        restcache bookstore demo on %1$s (reads take 300 ms unless cached)
          curl -i %1$sbooks/1          twice: the second says Cache-Status: restcache; hit
          curl -i -X PUT -H 'Content-Type: application/json' \\
               -d '{"title":"Kindred","author":"Octavia E. Butler","year":1979}' %1$sbooks/1
          curl -s %1$sbooks/cache-stats
        Ctrl+C stops it.
        """,
        base);
    Thread.currentThread().join();
  }
}
