package dev.restcache.internal.jaxrs;

import dev.restcache.internal.CacheEngine;
import jakarta.ws.rs.core.FeatureContext;

/** Registers everything a response cache needs with a Jakarta REST application. */
public final class CacheFeatures {
  private CacheFeatures() {
  }

  /** Registers the per-method bindings, the write invalidation and, on Jersey, its hooks. */
  public static void register(FeatureContext context, CacheEngine engine) {
    context.register(new CacheBindings(engine));
    context.register(new WriteInvalidationFilter(engine), CacheBindings.INVALIDATION_PRIORITY);
    JerseySupport.register(context, engine);
  }
}
