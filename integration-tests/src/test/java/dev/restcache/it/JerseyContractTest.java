package dev.restcache.it;

import dev.restcache.it.support.Apps;
import dev.restcache.it.support.TestServer;
import dev.restcache.testing.contract.ContractApplication;
import dev.restcache.testing.contract.ContractServer;
import dev.restcache.testing.contract.RuntimeContract;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;

/** The runtime contract on Jersey and Grizzly. */
class JerseyContractTest extends RuntimeContract {
  // Enough workers for every concurrent request of the suite to reach the application at once.
  private static final int WORKERS = 32;

  @Override
  protected ContractServer start(ContractApplication application) {
    List<Object> components = new ArrayList<>(application.classes());
    components.addAll(application.singletons());
    TestServer server =
        TestServer.start(
            Apps.of(application.feature(), components.toArray()),
            ThreadPoolConfig.defaultConfig().setCorePoolSize(WORKERS).setMaxPoolSize(WORKERS));
    return ContractServer.of(URI.create("http://127.0.0.1:" + server.port() + "/"), server::close);
  }
}
