package dev.restcache.bench;

import dev.restcache.ResponseCacheFeature;
import dev.restcache.spi.CacheStore;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** Starts the measured application on Grizzly, on 127.0.0.1 only. */
final class BenchServers {
  private BenchServers() {
  }

  static HttpServer start(int port, CacheStore store) {
    ResponseCacheFeature feature = ResponseCacheFeature.builder().store(store)
        .storeTimeout(Duration.ofSeconds(2)).build();
    ResourceConfig application = new ResourceConfig()
        .property(ServerProperties.WADL_FEATURE_DISABLE, true)
        .register(feature)
        .register(BenchResources.class);
    HttpServer server = GrizzlyHttpServerFactory.createHttpServer(
        URI.create("http://127.0.0.1:" + port + "/"), application, false);
    try {
      server.start();
    } catch (IOException e) {
      throw new IllegalStateException("could not start on port " + port, e);
    }
    return server;
  }
}
