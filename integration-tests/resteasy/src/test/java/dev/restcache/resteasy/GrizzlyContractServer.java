package dev.restcache.resteasy;

import dev.restcache.testing.contract.ContractApplication;
import dev.restcache.testing.contract.ContractServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** The contract application on Jersey and Grizzly, registered in a {@code ResourceConfig}. */
final class GrizzlyContractServer {
  private GrizzlyContractServer() {}

  /** Starts {@code application} on a free port of 127.0.0.1. */
  static ContractServer start(ContractApplication application) {
    ResourceConfig config =
        new ResourceConfig(application.classes())
            .property(ServerProperties.WADL_FEATURE_DISABLE, true)
            .register(application.feature());
    application.singletons().forEach(config::register);
    HttpServer server =
        GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), config, false);
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start Grizzly", e);
    }
    int port = server.getListeners().iterator().next().getPort();
    return ContractServer.of(URI.create("http://127.0.0.1:" + port + "/"), server::shutdownNow);
  }
}
