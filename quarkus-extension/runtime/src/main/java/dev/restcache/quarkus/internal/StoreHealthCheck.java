package dev.restcache.quarkus.internal;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Whether the cache's store answers within the store timeout. Down only means the cache is
 * bypassed: requests are still served, from their resources, so this is a readiness check the
 * application may choose to ignore. A bean only with {@code quarkus-smallrye-health}.
 */
@Readiness
@ApplicationScoped
public class StoreHealthCheck implements HealthCheck {
  private final CacheRuntime runtime;

  StoreHealthCheck(CacheRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("restcache store");
    if (!(runtime instanceof EnabledCacheRuntime enabled)) {
      return response.up().withData("enabled", false).build();
    }
    response.withData("store", enabled.store().getClass().getSimpleName());
    return enabled.adapter().storeAnswers() ? response.up().build() : response.down().build();
  }
}
