package dev.restcache.wildfly.memory;

import dev.restcache.testing.contract.ContractApplication;
import dev.restcache.testing.contract.HandleInjection;
import dev.restcache.wildfly.ContractWarApplication;
import jakarta.ws.rs.ApplicationPath;
import java.util.EnumSet;

/** The contract application of {@code memory.war}: the in-memory store. */
@ApplicationPath("/")
public class MemoryContractApplication extends ContractWarApplication {
  /** The application, with a feature of its own. */
  public MemoryContractApplication() {
    super(ContractApplication.of(EnumSet.allOf(HandleInjection.class)));
  }
}
