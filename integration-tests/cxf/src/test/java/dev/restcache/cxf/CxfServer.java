package dev.restcache.cxf;

import dev.restcache.testing.LoopbackPorts;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Feature;
import java.net.URI;
import java.util.Set;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxrs.utils.ResourceUtils;

/**
 * A Jakarta REST application served by Apache CXF with its Jetty transport, on a free port of
 * 127.0.0.1, with a bus of its own so that stopping it frees the port. Tests and runtime suites
 * start one with {@link #start(Feature, Class[])} and stop it with {@link #close()}.
 */
public final class CxfServer implements AutoCloseable {
  private final Bus bus;
  private final Server server;
  private final URI baseUri;

  private CxfServer(Bus bus, Server server, URI baseUri) {
    this.bus = bus;
    this.server = server;
    this.baseUri = baseUri;
  }

  /**
   * Serves {@code feature} with {@code classes}, resources (one instance per request) and
   * providers, as an {@link Application} whose {@code getClasses()} names them and whose {@code
   * getSingletons()} holds the feature: the way a TomEE application registers restcache.
   */
  public static CxfServer start(Feature feature, Class<?>... classes) {
    return start(
        new Application() {
          @Override
          public Set<Class<?>> getClasses() {
            return Set.of(classes);
          }

          // Deprecated since Jakarta REST 3.1 in favour of CDI, yet the one portable way to hand
          // over a configured instance, and how a TomEE application registers restcache.
          @Override
          @SuppressWarnings("deprecation")
          public Set<Object> getSingletons() {
            return Set.of(feature);
          }
        });
  }

  /** Serves {@code application}. */
  public static CxfServer start(Application application) {
    Bus bus = BusFactory.newInstance().createBus();
    return start(bus, ResourceUtils.createApplication(application, true, false, false, bus));
  }

  /**
   * Serves what {@code factory} was configured with (resources, providers, the feature), at its own
   * address on a free port; {@code factory} must use {@code bus}, a new one.
   */
  public static CxfServer start(Bus bus, JAXRSServerFactoryBean factory) {
    URI baseUri = URI.create("http://127.0.0.1:" + LoopbackPorts.free() + "/");
    factory.setBus(bus);
    factory.setAddress(baseUri.toString());
    try {
      return new CxfServer(bus, factory.create(), baseUri);
    } catch (RuntimeException e) {
      bus.shutdown(true);
      throw e;
    }
  }

  /** The application's base URI, ending with a slash. */
  public URI baseUri() {
    return baseUri;
  }

  /** The port the server listens on, on 127.0.0.1. */
  public int port() {
    return baseUri.getPort();
  }

  @Override
  public void close() {
    try {
      server.destroy();
    } finally {
      bus.shutdown(true);
    }
  }
}
