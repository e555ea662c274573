package dev.restcache.resteasy;

import dev.restcache.testing.LoopbackPorts;
import dev.restcache.testing.contract.ContractApplication;
import dev.restcache.testing.contract.ContractServer;
import io.undertow.Undertow;
import jakarta.ws.rs.core.Application;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer;

/** The contract application on RESTEasy and Undertow, deployed as a user's Application. */
final class UndertowContractServer {
  // Enough workers for every concurrent request of the suite to reach the application at once.
  private static final int WORKERS = 32;

  private UndertowContractServer() {}

  /** Starts {@code application} on a free port of 127.0.0.1. */
  static ContractServer start(ContractApplication application) {
    int port = LoopbackPorts.free();
    UndertowJaxrsServer server =
        new UndertowJaxrsServer()
            .start(Undertow.builder().addHttpListener(port, "127.0.0.1").setWorkerThreads(WORKERS));
    server.deploy(new Bookstore(application));
    return ContractServer.of(URI.create("http://127.0.0.1:" + port + "/"), server::stop);
  }

  /** The application as a user of RESTEasy declares it: classes, and the instances it built. */
  private static final class Bookstore extends Application {
    private final ContractApplication application;

    Bookstore(ContractApplication application) {
      this.application = application;
    }

    @Override
    public Set<Class<?>> getClasses() {
      return application.classes();
    }

    @Override
    @SuppressWarnings("deprecation")
    public Set<Object> getSingletons() {
      Set<Object> singletons = new HashSet<>(application.singletons());
      singletons.add(application.feature());
      return singletons;
    }
  }
}
