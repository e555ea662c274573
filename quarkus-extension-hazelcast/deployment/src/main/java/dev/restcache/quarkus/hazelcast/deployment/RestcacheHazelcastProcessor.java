package dev.restcache.quarkus.hazelcast.deployment;

import dev.restcache.quarkus.hazelcast.internal.HazelcastStores;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.FeatureBuildItem;

/**
 * Adds the Hazelcast store to {@code quarkus-restcache}: the bean that provides it under the name
 * {@code quarkus.restcache.store=hazelcast} chooses. The bean is kept although nothing injects it
 * by type, since restcache looks it up by name at startup.
 */
class RestcacheHazelcastProcessor {
  private static final String FEATURE = "restcache-hazelcast";

  @BuildStep
  FeatureBuildItem feature() {
    return new FeatureBuildItem(FEATURE);
  }

  @BuildStep
  AdditionalBeanBuildItem stores() {
    return AdditionalBeanBuildItem.unremovableOf(HazelcastStores.class);
  }
}
