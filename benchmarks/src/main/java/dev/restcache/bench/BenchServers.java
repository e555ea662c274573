package dev.restcache.bench;

import dev.restcache.ResponseCacheFeature;
import dev.restcache.grizzly.GrizzlyFront;
import dev.restcache.spi.CacheStore;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** Starts the measured application on Grizzly, on 127.0.0.1 only. */
final class BenchServers {
  private BenchServers() {}

  /** Starts on {@code port} with Grizzly's default worker pool. */
  static HttpServer start(int port, CacheStore store) {
    return start(port, ResponseCacheFeature.builder().store(store), 0);
  }

  /** Starts on {@code port} with Grizzly's default worker pool and the front installed. */
  static HttpServer startWithFront(int port, CacheStore store) {
    return start(port, ResponseCacheFeature.builder().store(store).front(true), 0);
  }

  /** Starts on {@code port} with {@code workers} worker threads, or Grizzly's default for 0. */
  static HttpServer start(int port, CacheStore store, int workers) {
    return start(port, ResponseCacheFeature.builder().store(store), workers);
  }

  /** Starts on {@code port} with {@code workers} worker threads, keys under {@code keyPrefix}. */
  static HttpServer start(int port, CacheStore store, int workers, String keyPrefix) {
    return start(port, ResponseCacheFeature.builder().store(store).keyPrefix(keyPrefix), workers);
  }

  private static HttpServer start(int port, ResponseCacheFeature.Builder builder, int workers) {
    ResponseCacheFeature feature = builder.storeTimeout(Duration.ofSeconds(2)).build();
    ResourceConfig application =
        new ResourceConfig()
            .property(ServerProperties.WADL_FEATURE_DISABLE, true)
            .register(feature)
            .register(BenchResources.class);
    HttpServer server =
        GrizzlyHttpServerFactory.createHttpServer(
            URI.create("http://127.0.0.1:" + port + "/"), application, false);
    GrizzlyFront.install(server, feature);
    if (workers > 0) {
      server
          .getListeners()
          .forEach(
              listener ->
                  listener
                      .getTransport()
                      .setWorkerThreadPoolConfig(
                          ThreadPoolConfig.defaultConfig()
                              .setCorePoolSize(workers)
                              .setMaxPoolSize(workers)));
    }
    try {
      server.start();
    } catch (IOException e) {
      throw new IllegalStateException("could not start on port " + port, e);
    }
    return server;
  }
}
