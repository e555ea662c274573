package dev.restcache.internal.jaxrs;

import dev.restcache.CacheControl;
import dev.restcache.Cached;
import dev.restcache.Invalidates;
import dev.restcache.NeverCache;
import dev.restcache.internal.CacheEngine;
import dev.restcache.internal.http.CacheDirectives;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Binds restcache's filters to each resource method according to its annotations (a method's
 * annotation overrides its class's), and rejects contradictory annotations at deployment.
 */
final class CacheBindings implements DynamicFeature {
  // Request filters below this priority (authentication, authorization) run before a lookup.
  static final int LOOKUP_PRIORITY = Priorities.AUTHORIZATION + 500;
  // Response filters run in descending priority: @CacheControl, then @NeverCache, then the
  // store decision last, once every other filter has set its headers.
  static final int CACHE_CONTROL_PRIORITY = Priorities.HEADER_DECORATOR;
  static final int NEVER_CACHE_PRIORITY = Priorities.HEADER_DECORATOR - 100;
  static final int STORE_PRIORITY = 100;
  // Inside Jersey's content encoding (ENTITY_CODER), so the captured bytes are uncompressed.
  static final int CAPTURE_PRIORITY = Priorities.USER;
  static final int INVALIDATION_PRIORITY = Priorities.USER;

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
    Cached cached = effective(Cached.class, method, type);
    NeverCache neverCache = effective(NeverCache.class, method, type);
    CacheControl cacheControl = effective(CacheControl.class, method, type);
    Invalidates invalidates = effective(Invalidates.class, method, type);
    String where = type.getName() + "." + method.getName();
    if (cached != null && neverCache != null) {
      throw new IllegalStateException(
          "restcache: @Cached and @NeverCache on the same declaration: " + where);
    }
    if (cacheControl != null && cacheControl.isPrivate() && cacheControl.isPublic()) {
      throw new IllegalStateException(
          "restcache: @CacheControl with both isPrivate and isPublic: " + where);
    }
    if (cacheControl != null) {
      context.register(new CacheControlFilter(directives(cacheControl)), CACHE_CONTROL_PRIORITY);
    }
    if (neverCache != null) {
      context.register(new NeverCacheFilter(), NEVER_CACHE_PRIORITY);
    } else if (method.isAnnotationPresent(GET.class)
        && (cached != null || engine.settings().cacheAll())) {
      CachedRoute route = route(cached);
      context.register(new CacheLookupFilter(engine, route), LOOKUP_PRIORITY);
      context.register(new CacheStoreFilter(engine, route), STORE_PRIORITY);
      context.register(new BodyCaptureInterceptor(engine), CAPTURE_PRIORITY);
    }
    if (invalidates != null) {
      // Runs just before the write invalidation filter, which evicts what it declares.
      context.register(new InvalidatesFilter(List.of(invalidates.tags()),
          List.of(invalidates.paths())), INVALIDATION_PRIORITY + 1);
    }
  }

  private CachedRoute route(Cached cached) {
    Duration ttl = cached == null || cached.ttl() < 0
        ? engine.settings().defaultTtl()
        : Duration.ofSeconds(cached.ttl());
    return cached == null
        ? new CachedRoute(ttl, List.of(), List.of())
        : new CachedRoute(ttl, List.of(cached.tags()), Arrays.asList(cached.vary()));
  }

  private static <A extends Annotation> A effective(Class<A> type, Method method, Class<?> cls) {
    // A method's own annotation wins; and a method that chose one of the two rivals (@Cached,
    // @NeverCache) is not given the class's other one, which would make a false conflict.
    A onMethod = method.getAnnotation(type);
    if (onMethod != null) {
      return onMethod;
    }
    Class<? extends Annotation> rival = type == Cached.class ? NeverCache.class
        : type == NeverCache.class ? Cached.class
        : null;
    return rival != null && method.isAnnotationPresent(rival) ? null : cls.getAnnotation(type);
  }

  private static CacheDirectives directives(CacheControl annotation) {
    return CacheDirectives.builder()
        .maxAge(annotation.maxAge())
        .sMaxAge(annotation.sMaxAge())
        .staleWhileRevalidate(annotation.staleWhileRevalidate())
        .staleIfError(annotation.staleIfError())
        .noCache(annotation.noCache())
        .noStore(annotation.noStore())
        .noTransform(annotation.noTransform())
        .mustRevalidate(annotation.mustRevalidate())
        .proxyRevalidate(annotation.proxyRevalidate())
        .isPrivate(annotation.isPrivate())
        .isPublic(annotation.isPublic())
        .immutable(annotation.immutable())
        .build();
  }
}
