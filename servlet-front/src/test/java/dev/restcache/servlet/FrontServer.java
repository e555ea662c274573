package dev.restcache.servlet;

import dev.restcache.ResponseCacheFeature;
import dev.restcache.testing.LoopbackPorts;
import io.undertow.Undertow;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.util.ImmediateInstanceFactory;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.ws.rs.core.Application;
import java.net.URI;
import java.util.EnumSet;
import java.util.Set;
import org.jboss.resteasy.core.ResteasyDeploymentImpl;
import org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer;
import org.jboss.resteasy.spi.ResteasyDeployment;

/**
 * RESTEasy's servlet on Undertow with the front before it, registered as a WAR would: by a servlet
 * context listener, through {@code ServletContext.addFilter}.
 */
final class FrontServer implements AutoCloseable {
  final URI base;
  final int port;
  final Counts counts = new Counts();
  private final UndertowJaxrsServer server;

  private FrontServer(ResponseCacheFeature feature, Filter before, CacheFrontFilter front) {
    port = LoopbackPorts.free();
    base = URI.create("http://127.0.0.1:" + port + "/");
    ResteasyDeployment deployment = new ResteasyDeploymentImpl();
    deployment.setApplication(new TestApplication(feature, counts));
    server = new UndertowJaxrsServer().start(Undertow.builder().addHttpListener(port, "127.0.0.1"));
    DeploymentInfo info =
        server
            .undertowDeployment(deployment)
            .setClassLoader(FrontServer.class.getClassLoader())
            .setContextPath("/")
            .setDeploymentName("front")
            .addListener(
                Servlets.listener(
                    FrontRegistration.class,
                    new ImmediateInstanceFactory<>(new FrontRegistration(before, front))));
    server.deploy(info);
  }

  /** The application with {@code feature}, the front serving it on a free port of 127.0.0.1. */
  static FrontServer start(ResponseCacheFeature feature) {
    return new FrontServer(feature, null, new CacheFrontFilter(feature));
  }

  /** As {@link #start(ResponseCacheFeature)}, with {@code front} as the filter. */
  static FrontServer start(ResponseCacheFeature feature, CacheFrontFilter front) {
    return new FrontServer(feature, null, front);
  }

  /** As {@link #start(ResponseCacheFeature)}, with {@code before} ahead of the front. */
  static FrontServer startBehind(Filter before, ResponseCacheFeature feature) {
    return new FrontServer(feature, before, new CacheFrontFilter(feature));
  }

  @Override
  public void close() {
    server.stop();
  }

  /** What a WAR's listener does to put the front before the Jakarta REST servlet. */
  static final class FrontRegistration implements ServletContextListener {
    private final Filter before;
    private final CacheFrontFilter front;

    FrontRegistration(Filter before, CacheFrontFilter front) {
      this.before = before;
      this.front = front;
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
      if (before != null) {
        add(event.getServletContext().addFilter("before-front", before));
      }
      add(event.getServletContext().addFilter("restcache-front", front));
    }

    private static void add(FilterRegistration.Dynamic registration) {
      registration.setAsyncSupported(true);
      registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
    }
  }

  private static final class TestApplication extends Application {
    private final ResponseCacheFeature feature;
    private final Counts counts;

    TestApplication(ResponseCacheFeature feature, Counts counts) {
      this.feature = feature;
      this.counts = counts;
    }

    @Override
    @SuppressWarnings("deprecation")
    public Set<Object> getSingletons() {
      return Set.of(feature, new FrontResources(counts), new CountingRequestFilter(counts));
    }
  }
}
