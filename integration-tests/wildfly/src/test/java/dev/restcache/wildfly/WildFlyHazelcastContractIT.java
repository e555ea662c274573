package dev.restcache.wildfly;

import dev.restcache.testing.contract.ContractApplication;
import dev.restcache.testing.contract.ContractServer;
import dev.restcache.testing.contract.HandleInjection;
import dev.restcache.testing.contract.RuntimeContract;
import java.util.EnumSet;
import java.util.Set;

/**
 * The runtime contract on WildFly with the Hazelcast store, over a member embedded in the
 * deployment on 127.0.0.1: the WAR deployed as {@code hazelcast.war} beside {@code memory.war},
 * registered the same way.
 */
class WildFlyHazelcastContractIT extends RuntimeContract {
  @Override
  protected ContractServer start(ContractApplication application) throws InterruptedException {
    return WildFlyDeployment.named("restcache.wildfly.hazelcast");
  }

  @Override
  protected Set<HandleInjection> handleInjections() {
    return EnumSet.allOf(HandleInjection.class);
  }
}
