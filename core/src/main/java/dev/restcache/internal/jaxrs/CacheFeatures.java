package dev.restcache.internal.jaxrs;

import dev.restcache.ResponseCache;
import dev.restcache.internal.CacheEngine;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.InterceptorContext;

/** Registers everything a response cache needs with a Jakarta REST application. */
public final class CacheFeatures {
  private CacheFeatures() {}

  /**
   * Registers the per-method bindings, the write invalidation and, on Jersey, RESTEasy and CXF,
   * their hooks and the injection of {@code cache}, the engine's public handle; where CDI runs
   * restcache's extension, hands it {@code cache} for {@code @Inject}.
   */
  public static void register(FeatureContext context, CacheEngine engine, ResponseCache cache) {
    context.register(new CacheBindings(engine));
    context.register(new WriteInvalidationFilter(engine), MethodFilters.INVALIDATION_PRIORITY);
    JerseySupport.register(context, engine, cache);
    ResteasySupport.register(context, engine, cache);
    CxfSupport.register(context, engine, cache);
    CdiSupport.register(cache);
  }

  /** Whether {@code request} went to its resource with a response to store or refresh. */
  public static boolean awaitsResponse(ContainerRequestContext request) {
    return request.getProperty(CacheExchange.PROPERTY) instanceof CacheExchange exchange
        && !exchange.answeredByCache();
  }

  /** Whether the body about to be written is one the cache will store. */
  public static boolean awaitsBody(InterceptorContext context) {
    return context.getProperty(CacheExchange.PROPERTY) instanceof CacheExchange exchange
        && exchange.awaitsBody();
  }

  /**
   * Records that {@code request}'s resource method was invoked, as a runtime that can tell reports
   * it: only then may an error the resource made fresh itself be stored, never one produced before
   * the method ran (a parameter that failed to convert).
   */
  public static void resourceMethodStarted(ContainerRequestContext request) {
    if (request.getProperty(CacheExchange.PROPERTY) instanceof CacheExchange exchange) {
      exchange.resourceRan();
    }
  }

  /**
   * Records that an exception was raised for {@code request} (by a parameter conversion or the
   * resource), as a runtime that can tell reports it: an error answered for it is never stored.
   */
  public static void exceptionRaised(ContainerRequestContext request) {
    if (request.getProperty(CacheExchange.PROPERTY) instanceof CacheExchange exchange) {
      exchange.exceptionRaised();
    }
  }

  /**
   * Ends the cache's part in {@code request}, whatever ended the request (an exception in a later
   * filter or a writer, a client gone away), so that the requests collapsed onto it go on at once
   * rather than after the collapse timeout. Safe to call more than once.
   */
  public static void requestCompleted(ContainerRequestContext request, CacheEngine engine) {
    if (request.getProperty(CacheExchange.PROPERTY) instanceof CacheExchange exchange) {
      exchange.finish(engine);
    }
  }
}
