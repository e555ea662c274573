package dev.restcache.it.support;

import io.restassured.specification.RequestSpecification;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test's server, started by the test with its own application and stopped after each test:
 * {@code @RegisterExtension final RunningServer server = new RunningServer();}.
 */
public final class RunningServer implements AfterEachCallback {
  private TestServer server;

  /** Starts {@code application} with Grizzly's default worker pool. */
  public void start(ResourceConfig application) {
    start(application, null);
  }

  /** Starts {@code application} with the given worker pool. */
  public void start(ResourceConfig application, ThreadPoolConfig workers) {
    server = TestServer.start(application, workers);
  }

  /** A request to the running server. */
  public RequestSpecification request() {
    return server.request();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (server != null) {
      server.close();
      server = null;
    }
  }
}
