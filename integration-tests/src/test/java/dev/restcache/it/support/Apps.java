package dev.restcache.it.support;

import dev.restcache.ResponseCacheFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** Builds the Jersey applications the tests start. */
public final class Apps {
  private Apps() {}

  /** An application of {@code resources} (instances or classes) with {@code feature}. */
  public static ResourceConfig of(ResponseCacheFeature feature, Object... resources) {
    ResourceConfig config =
        new ResourceConfig()
            .property(ServerProperties.WADL_FEATURE_DISABLE, true)
            .register(feature);
    for (Object resource : resources) {
      if (resource instanceof Class<?> type) {
        config.register(type);
      } else {
        config.register(resource);
      }
    }
    return config;
  }
}
