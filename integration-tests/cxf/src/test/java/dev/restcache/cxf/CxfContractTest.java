package dev.restcache.cxf;

import dev.restcache.testing.contract.ContractApplication;
import dev.restcache.testing.contract.ContractServer;
import dev.restcache.testing.contract.RuntimeContract;

/** The runtime contract on Apache CXF and its Jetty transport, deployed as a user's Application. */
class CxfContractTest extends RuntimeContract {
  @Override
  protected ContractServer start(ContractApplication application) {
    CxfServer server = CxfServer.start(application.asApplication());
    return ContractServer.of(server.baseUri(), server::close);
  }
}
