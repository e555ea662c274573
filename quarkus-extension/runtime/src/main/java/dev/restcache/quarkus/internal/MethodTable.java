package dev.restcache.quarkus.internal;

import static java.lang.System.Logger.Level.WARNING;

import dev.restcache.RuntimeAdapter;
import dev.restcache.RuntimeAdapter.MethodRules;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.common.util.DeploymentUtils;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.util.MethodId;

/**
 * The rules of the resource methods restcache concerns, resolved at startup and keyed by the
 * identifier Quarkus REST gives each method ({@link ResteasyReactiveResourceInfo#getMethodId}), so
 * that a request finds its method's rules with one lookup and no reflection.
 */
final class MethodTable {
  static final MethodTable EMPTY = new MethodTable(Map.of());

  private static final System.Logger LOG = System.getLogger("dev.restcache");

  private final Map<String, MethodRules> rulesByMethodId;

  private MethodTable(Map<String, MethodRules> rulesByMethodId) {
    this.rulesByMethodId = rulesByMethodId;
  }

  /**
   * Resolves the rules of {@code methods}: those with restcache's annotations and the writes
   * always, the other GETs only under {@code cacheAll}. Loads each class and method as Quarkus REST
   * does, so the keys are the ones it gives requests.
   *
   * @throws IllegalStateException for contradictory annotations, naming every method at fault
   */
  static MethodTable resolve(
      RuntimeAdapter adapter, List<ResourceMethodFacts> methods, boolean cacheAll) {
    Map<String, MethodRules> rules = new HashMap<>();
    List<String> conflicts = new ArrayList<>();
    for (ResourceMethodFacts facts : methods) {
      if (!facts.concern().resolvedWith(cacheAll)) {
        continue;
      }
      Class<?> type;
      Class<?>[] parameters;
      Method method;
      try {
        type = DeploymentUtils.loadClass(facts.resourceClass());
        parameters =
            facts.parameterTypes().stream()
                .map(DeploymentUtils::loadClass)
                .toArray(Class<?>[]::new);
        method = type.getMethod(facts.name(), parameters);
      } catch (NoSuchMethodException | RuntimeException e) {
        LOG.log(
            WARNING,
            "restcache: "
                + facts.resourceClass()
                + "."
                + facts.name()
                + " could not be loaded; it is served without the cache",
            e);
        continue;
      }
      try {
        rules.put(MethodId.get(facts.name(), type, parameters), adapter.rulesFor(method, type));
      } catch (IllegalStateException e) {
        conflicts.add(e.getMessage());
      }
    }
    if (!conflicts.isEmpty()) {
      throw new IllegalStateException(String.join("\n", conflicts));
    }
    return new MethodTable(Map.copyOf(rules));
  }

  /** The rules of {@code resource}'s method; none for a method restcache does not concern. */
  MethodRules rulesFor(ResteasyReactiveResourceInfo resource) {
    return resource == null
        ? MethodRules.NONE
        : rulesByMethodId.getOrDefault(resource.getMethodId(), MethodRules.NONE);
  }
}
