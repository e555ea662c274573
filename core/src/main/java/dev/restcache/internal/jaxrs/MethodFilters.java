package dev.restcache.internal.jaxrs;

import static java.lang.System.Logger.Level.WARNING;

import dev.restcache.CacheControl;
import dev.restcache.Cached;
import dev.restcache.Invalidates;
import dev.restcache.NeverCache;
import dev.restcache.internal.AnnotationRules;
import dev.restcache.internal.CacheEngine;
import dev.restcache.internal.ResourcePath;
import dev.restcache.internal.http.CacheDirectives;
import dev.restcache.internal.http.VarySpec;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The filters restcache's annotations bind to one resource method, each null where it does not
 * apply. Jersey registers them per method ({@link CacheBindings}); a container that registers
 * filters globally dispatches to them by method.
 *
 * @param cacheControl merges {@code @CacheControl} into the response
 * @param neverCache applies {@code @NeverCache}
 * @param lookup answers from the cache
 * @param resourceResponse sees the resource's response before any application filter
 * @param store decides whether the response is stored, after every application filter
 * @param invalidates resolves {@code @Invalidates} for the write invalidation
 */
public record MethodFilters(
    ContainerResponseFilter cacheControl,
    ContainerResponseFilter neverCache,
    CacheLookupFilter lookup,
    ContainerResponseFilter resourceResponse,
    CacheStoreFilter store,
    ContainerResponseFilter invalidates) {

  /** No filters: a method restcache has nothing to do with. */
  public static final MethodFilters NONE = new MethodFilters(null, null, null, null, null, null);

  /**
   * Response filters run in descending priority. The resource's response is seen first, before any
   * application filter.
   */
  public static final int RESOURCE_RESPONSE_PRIORITY = Integer.MAX_VALUE;

  /** Then {@code @CacheControl}, then {@code @NeverCache}, among the application's filters. */
  public static final int CACHE_CONTROL_PRIORITY = Priorities.HEADER_DECORATOR;

  /** See {@link #CACHE_CONTROL_PRIORITY}. */
  public static final int NEVER_CACHE_PRIORITY = Priorities.HEADER_DECORATOR - 100;

  /**
   * The store decision last, once every other filter has set its headers: 1, the lowest priority
   * Jersey honours (it reads zero or below as unset, and gives such a provider {@code
   * Priorities.USER}).
   */
  public static final int STORE_PRIORITY = 1;

  /** Inside Jersey's content encoding (ENTITY_CODER), so the captured bytes are uncompressed. */
  public static final int CAPTURE_PRIORITY = Priorities.USER;

  /** Outside every other writer interceptor, so it sees the headers as they were written. */
  public static final int COMMIT_PRIORITY = 1;

  /** The write invalidation; {@code @Invalidates} runs just before it, at one more. */
  public static final int INVALIDATION_PRIORITY = Priorities.USER;

  private static final System.Logger LOG = System.getLogger("dev.restcache");

  /**
   * The filters for {@code method} of resource class {@code type}, according to its annotations (a
   * method's annotation overrides its class's) and what it reads. Logs a warning for each input of
   * a cached method that restcache cannot key.
   *
   * @throws IllegalStateException for contradictory annotations, naming the method
   */
  public static MethodFilters of(CacheEngine engine, Method method, Class<?> type) {
    Cached cached = effective(Cached.class, method, type);
    NeverCache neverCache = effective(NeverCache.class, method, type);
    CacheControl cacheControl = effective(CacheControl.class, method, type);
    Invalidates invalidates = effective(Invalidates.class, method, type);
    String where = type.getName() + "." + method.getName();
    List<String> conflicts =
        AnnotationRules.conflicts(
            where,
            cached != null,
            neverCache != null,
            cacheControl != null && cacheControl.isPrivate(),
            cacheControl != null && cacheControl.isPublic());
    if (!conflicts.isEmpty()) {
      throw new IllegalStateException(conflicts.get(0));
    }
    boolean cachedGet =
        neverCache == null
            && JaxrsAnnotations.declaringMethod(method).isAnnotationPresent(GET.class)
            && (cached != null || engine.settings().cacheAll());
    CacheDirectives merged = cacheControl == null ? CacheDirectives.NONE : directives(cacheControl);
    CachedRoute route = cachedGet ? route(engine, cached, method, type, merged) : null;
    if (!cachedGet) {
      // A write's own template lets its eviction find every spelling even where no cached
      // read of the path has registered one yet (Quarkus resolves methods at first use).
      ResourcePath template = MethodInputs.resourcePath(method, type);
      if (template != null) {
        engine.resourcePaths().register(template);
      }
    }
    return new MethodFilters(
        cacheControl == null ? null : new CacheControlFilter(merged),
        neverCache == null ? null : new NeverCacheFilter(),
        route == null ? null : new CacheLookupFilter(engine, route, cacheControl == null),
        route == null ? null : new ResourceResponseFilter(engine),
        route == null ? null : new CacheStoreFilter(engine),
        invalidates == null
            ? null
            : new InvalidatesFilter(List.of(invalidates.tags()), List.of(invalidates.paths())));
  }

  private static CachedRoute route(
      CacheEngine engine,
      Cached cached,
      Method method,
      Class<?> type,
      CacheDirectives cacheControl) {
    Duration ttl =
        cached == null || cached.ttl() < 0
            ? engine.settings().defaultTtl()
            : Duration.ofSeconds(cached.ttl());
    MethodInputs inputs =
        MethodInputs.of(method, type, cached, engine.settings().anonymousCookies());
    inputs.warnings().forEach(warning -> LOG.log(WARNING, warning));
    if (inputs.resourcePath() != null) {
      engine.resourcePaths().register(inputs.resourcePath());
    }
    List<String> declaredVary = cached == null ? List.of() : Arrays.asList(cached.vary());
    VarySpec keyed = VarySpec.NONE.with(declaredVary).with(inputs.headers());
    return new CachedRoute(
        ttl,
        cached == null ? List.of() : List.of(cached.tags()),
        keyed,
        inputs.cookies(),
        inputs.personalised(),
        inputs.resourcePath(),
        cacheControl);
  }

  private static <A extends Annotation> A effective(Class<A> type, Method method, Class<?> cls) {
    // A method's own annotation wins; and a method that chose one of the two rivals (@Cached,
    // @NeverCache) is not given the class's other one, which would make a false conflict.
    A onMethod = method.getAnnotation(type);
    if (onMethod != null) {
      return onMethod;
    }
    Class<? extends Annotation> rival =
        type == Cached.class ? NeverCache.class : type == NeverCache.class ? Cached.class : null;
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
