package dev.restcache.resteasy;

import dev.restcache.testing.contract.ContractApplication;
import dev.restcache.testing.contract.ContractServer;
import dev.restcache.testing.contract.RuntimeContract;

/** The runtime contract on RESTEasy and Undertow, deployed as a user's Application. */
class ResteasyContractTest extends RuntimeContract {
  @Override
  protected ContractServer start(ContractApplication application) {
    return UndertowContractServer.start(application);
  }
}
