package dev.restcache.wildfly;

import dev.restcache.testing.contract.ContractApplication;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Set;

/**
 * The contract application as a WAR registers it on an application server: the feature among the
 * singletons, beside the resources the application built around its handle; the resources and
 * providers as classes, which the server builds (as CDI beans, so that {@code @Inject
 * ResponseCache} reaches them). Each WAR has a subclass with its store.
 */
public abstract class ContractWarApplication extends Application {
  private final ContractApplication contract;

  /** The application that registers {@code contract}. */
  protected ContractWarApplication(ContractApplication contract) {
    this.contract = contract;
  }

  @Override
  public Set<Class<?>> getClasses() {
    return contract.classes();
  }

  // Deprecated since Jakarta REST 3.1 in favour of CDI, yet the one portable way to hand over a
  // configured instance: CDI cannot build the feature, which its builder configures.
  @Override
  @SuppressWarnings("deprecation")
  public Set<Object> getSingletons() {
    Set<Object> singletons = new HashSet<>(contract.singletons());
    singletons.add(contract.feature());
    return singletons;
  }
}
