package dev.restcache.wildfly.hazelcast;

import dev.restcache.hazelcast.HazelcastCacheStore;
import dev.restcache.testing.contract.ContractApplication;
import dev.restcache.testing.contract.HandleInjection;
import dev.restcache.wildfly.ContractWarApplication;
import jakarta.ws.rs.ApplicationPath;
import java.util.EnumSet;

/**
 * The contract application of {@code hazelcast.war}: the Hazelcast store, over the deployment's
 * embedded member ({@link LoopbackMember}).
 */
@ApplicationPath("/")
public class HazelcastContractApplication extends ContractWarApplication {
  /** The application, with a feature of its own over the deployment's member. */
  public HazelcastContractApplication() {
    super(
        ContractApplication.of(
            EnumSet.allOf(HandleInjection.class),
            new HazelcastCacheStore(LoopbackMember.instance())));
  }
}
