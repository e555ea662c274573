package dev.restcache.internal.jaxrs;

import dev.restcache.internal.CacheEngine;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.reflect.Method;

/**
 * Binds restcache's filters to each resource method according to its annotations, and rejects
 * contradictory annotations at deployment.
 */
final class CacheBindings implements DynamicFeature {
  private final CacheEngine engine;

  CacheBindings(CacheEngine engine) {
    this.engine = engine;
  }

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    Method method = resource.getResourceMethod();
    Class<?> type = resource.getResourceClass();
    if (method == null || type == null) {
      return;
    }
    MethodFilters filters = MethodFilters.of(engine, method, type);
    register(context, filters.cacheControl(), MethodFilters.CACHE_CONTROL_PRIORITY);
    register(context, filters.neverCache(), MethodFilters.NEVER_CACHE_PRIORITY);
    register(context, filters.lookup(), engine.settings().lookupPriority());
    register(context, filters.resourceResponse(), MethodFilters.RESOURCE_RESPONSE_PRIORITY);
    register(context, filters.store(), MethodFilters.STORE_PRIORITY);
    if (filters.lookup() != null) {
      context.register(new BodyCaptureInterceptor(engine), MethodFilters.CAPTURE_PRIORITY);
      context.register(new StoreCommitInterceptor(engine), MethodFilters.COMMIT_PRIORITY);
    }
    register(context, filters.invalidates(), MethodFilters.INVALIDATION_PRIORITY + 1);
  }

  private static void register(FeatureContext context, Object filter, int priority) {
    if (filter != null) {
      context.register(filter, priority);
    }
  }
}
