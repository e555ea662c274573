package dev.restcache.wildfly;

import dev.restcache.testing.contract.ContractApplication;
import dev.restcache.testing.contract.ContractServer;
import dev.restcache.testing.contract.HandleInjection;
import dev.restcache.testing.contract.RuntimeContract;
import java.util.EnumSet;
import java.util.Set;

/**
 * The runtime contract on WildFly, a full Jakarta EE server, with the in-memory store: the WAR
 * deployed as {@code memory.war} registers the feature from its {@code Application}, as {@code
 * ContractApplication} configures it, and reaches the handle every way, {@code @Inject} included.
 */
class WildFlyMemoryContractIT extends RuntimeContract {
  @Override
  protected ContractServer start(ContractApplication application) throws InterruptedException {
    return WildFlyDeployment.named("restcache.wildfly.memory");
  }

  @Override
  protected Set<HandleInjection> handleInjections() {
    return EnumSet.allOf(HandleInjection.class);
  }
}
