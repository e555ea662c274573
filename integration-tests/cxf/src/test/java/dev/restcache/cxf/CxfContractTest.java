package dev.restcache.cxf;

import dev.restcache.testing.contract.ContractApplication;
import dev.restcache.testing.contract.ContractServer;
import dev.restcache.testing.contract.RuntimeContract;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Set;

/** The runtime contract on Apache CXF and its Jetty transport, deployed as a user's Application. */
class CxfContractTest extends RuntimeContract {
  @Override
  protected ContractServer start(ContractApplication application) {
    CxfServer server =
        CxfServer.start(
            new Application() {
              @Override
              public Set<Class<?>> getClasses() {
                return application.classes();
              }

              // Deprecated since Jakarta REST 3.1, yet how a TomEE application hands over the
              // configured feature and the resources built around its handle.
              @Override
              @SuppressWarnings("deprecation")
              public Set<Object> getSingletons() {
                Set<Object> singletons = new HashSet<>(application.singletons());
                singletons.add(application.feature());
                return singletons;
              }
            });
    return ContractServer.of(server.baseUri(), server::close);
  }
}
