package dev.restcache;

import dev.restcache.internal.AnnotationRules;
import dev.restcache.internal.CacheEngine;
import dev.restcache.internal.http.RequestTarget;
import dev.restcache.internal.jaxrs.BackgroundRefresh;
import dev.restcache.internal.jaxrs.BodyCaptureInterceptor;
import dev.restcache.internal.jaxrs.CacheFeatures;
import dev.restcache.internal.jaxrs.CacheLookupFilter;
import dev.restcache.internal.jaxrs.MethodFilters;
import dev.restcache.internal.jaxrs.PendingRefresh;
import dev.restcache.internal.jaxrs.StoreCommitInterceptor;
import dev.restcache.internal.jaxrs.WriteInvalidationFilter;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.InterceptorContext;
import jakarta.ws.rs.ext.WriterInterceptor;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * What the glue of a Jakarta REST runtime needs of restcache, for the authors of runtime adapters
 * (the Quarkus extension, and those of runtimes to come): they use this facade and never
 * restcache's {@code internal} packages. Applications do not need it; they register {@link
 * ResponseCacheFeature}, which does the same on a runtime with dynamic features.
 *
 * <p>The filters and interceptors it hands out are registered at the priorities given here:
 * globally, each asking {@link #rulesFor} what applies to its resource method, or bound by name to
 * the annotation whose rule they apply ({@code @CacheControl}, {@code @NeverCache},
 * {@code @Invalidates}).
 */
public final class RuntimeAdapter {
  /** The response filter that sees the resource's response first. */
  public static final int RESOURCE_RESPONSE_PRIORITY = MethodFilters.RESOURCE_RESPONSE_PRIORITY;

  /** The response filter of {@code @CacheControl}. */
  public static final int HEADER_RULES_PRIORITY = MethodFilters.CACHE_CONTROL_PRIORITY;

  /** The response filter of {@code @NeverCache}, after {@code @CacheControl}'s. */
  public static final int NEVER_CACHE_PRIORITY = MethodFilters.NEVER_CACHE_PRIORITY;

  /** The store decision, the last response filter. */
  public static final int STORE_PRIORITY = MethodFilters.STORE_PRIORITY;

  /** The body capture, inside the container's content coding. */
  public static final int CAPTURE_PRIORITY = MethodFilters.CAPTURE_PRIORITY;

  /** The final store decision, outside every other writer interceptor. */
  public static final int COMMIT_PRIORITY = MethodFilters.COMMIT_PRIORITY;

  /** The eviction after a successful write. */
  public static final int INVALIDATION_PRIORITY = MethodFilters.INVALIDATION_PRIORITY;

  /** The resolution of {@code @Invalidates}, just before the eviction. */
  public static final int INVALIDATES_PRIORITY = MethodFilters.INVALIDATION_PRIORITY + 1;

  private final CacheEngine engine;
  private final ResponseCache cache;
  private final WriterInterceptor capture;
  private final WriterInterceptor commit;
  private final WriteInvalidationFilter writeInvalidation;
  private volatile BackgroundRefresh backgroundRefresh;

  private RuntimeAdapter(ResponseCacheFeature feature, BooleanSupplier mustNotBlock) {
    this.engine = feature.engine();
    this.cache = feature.cache();
    this.capture = new BodyCaptureInterceptor(engine);
    this.commit = new StoreCommitInterceptor(engine, mustNotBlock);
    this.writeInvalidation = new WriteInvalidationFilter(engine);
  }

  /**
   * The adapter of {@code feature}'s cache.
   *
   * @param feature the feature whose cache the runtime serves
   * @param mustNotBlock says whether the calling thread must never wait for the store (an event
   *     loop): a body captured there is stored without waiting for the store's answer
   * @return the adapter; one per feature
   */
  public static RuntimeAdapter of(ResponseCacheFeature feature, BooleanSupplier mustNotBlock) {
    return new RuntimeAdapter(feature, mustNotBlock);
  }

  /**
   * The cache's handle, for injection.
   *
   * @return the handle {@link ResponseCacheFeature#cache()} gives
   */
  public ResponseCache cache() {
    return cache;
  }

  /**
   * Whether the store answers a read within the store timeout, for health checks.
   *
   * @return true when a read answered in time
   */
  public boolean storeAnswers() {
    return engine.storeAnswers();
  }

  /**
   * The rules for {@code method} of resource class {@code resourceClass}, resolved from its
   * annotations and what it reads; resolve them once per method.
   *
   * @param method the resource method, as the runtime matched it
   * @param resourceClass the class whose instance serves it (may be a subclass of the method's)
   * @return the rules; {@link MethodRules#NONE} for a method restcache has nothing to do with
   * @throws IllegalStateException for contradictory annotations, naming the method
   */
  public MethodRules rulesFor(Method method, Class<?> resourceClass) {
    return new MethodRules(MethodFilters.of(engine, method, resourceClass));
  }

  /**
   * The writer interceptor that captures a body to store, at {@link #CAPTURE_PRIORITY}.
   *
   * @return one interceptor for every request
   */
  public WriterInterceptor bodyCapture() {
    return capture;
  }

  /**
   * The writer interceptor that stores what was written, at {@link #COMMIT_PRIORITY}.
   *
   * @return one interceptor for every request
   */
  public WriterInterceptor storeCommit() {
    return commit;
  }

  /**
   * Evicts after a write, at {@link #INVALIDATION_PRIORITY}, before the response is sent; where the
   * store does not evict at once, with the request suspended.
   *
   * @param request the write's request
   * @param response its response; only a 2xx or 3xx evicts
   * @param suspension how to suspend the request, or null where the runtime cannot (the eviction
   *     then waits on the calling thread)
   */
  public void evictAfterWrite(
      ContainerRequestContext request,
      ContainerResponseContext response,
      RequestSuspension suspension) {
    writeInvalidation.filter(request, response, suspension);
  }

  /**
   * Ends the cache's part in {@code request} whatever ended it, so that requests collapsed onto it
   * go on at once; call it from the runtime's end-of-request hook. Safe to call twice.
   *
   * @param request the request that ended
   */
  public void requestCompleted(ContainerRequestContext request) {
    CacheFeatures.requestCompleted(request, engine);
  }

  /**
   * Lets the cache answer the request that finds an entry inside its stale-while-revalidate window
   * at once, and run the refresh in the background with {@code redispatch}; call it once at
   * startup. Without it, that request refreshes the entry itself and waits.
   *
   * @param redispatch how the runtime dispatches a refresh through the application
   */
  public void refreshInBackground(Redispatch redispatch) {
    backgroundRefresh = pending -> redispatch.start(new Refresh(pending));
  }

  /**
   * Offers {@code request} the background refresh, before its lookup; a request that is not offered
   * it refreshes a stale entry itself and waits.
   *
   * @param request the request about to be looked up
   */
  public void offerBackgroundRefresh(ContainerRequestContext request) {
    BackgroundRefresh refresh = backgroundRefresh;
    if (refresh != null) {
      request.setProperty(BackgroundRefresh.PROPERTY, refresh);
    }
  }

  /**
   * Lets the cache send a hit for {@code request} with {@code writer} rather than as a JAX-RS
   * response, before its lookup. Offer it only where nothing of the application would see that
   * response: no response filter, writer interceptor or dynamic feature of the application applies
   * to the request's method.
   *
   * @param request the request, before its lookup
   * @param writer what sends its hit, if it is one
   */
  public void offerHitWriter(ContainerRequestContext request, HitWriter writer) {
    request.setProperty(CacheLookupFilter.HIT_WRITER, writer);
  }

  /**
   * Gives the lookup of {@code request} its target as the runtime read it off the connection, so
   * that the lookup does not ask for the request's absolute URI, which some runtimes build and
   * parse anew on each call. Offer only what the runtime's own absolute URI is made of: a runtime
   * that rewrites scheme or host from proxy headers must not offer the connection's. A target that
   * is not plain origin form is ignored, and the lookup asks the request's {@code UriInfo} as
   * usual.
   *
   * @param request the request, before its lookup
   * @param scheme the connection's scheme, {@code http} or {@code https}
   * @param authority the request's {@code Host} field
   * @param originForm the request line's target, path and query as sent
   */
  public void offerRequestTarget(
      ContainerRequestContext request, String scheme, String authority, String originForm) {
    RequestTarget.ofOriginForm(scheme, authority, originForm)
        .ifPresent(target -> request.setProperty(CacheLookupFilter.REQUEST_TARGET, target));
  }

  /**
   * What a hit sends, in the order to send it: status, header fields, then the body, which is null
   * for a {@code 304} or an empty stored body.
   */
  public interface Replay {
    /**
     * The status code to send.
     *
     * @return the status code
     */
    int status();

    /**
     * Gives {@code action} each field line to send, in order, several for a repeated field.
     *
     * @param action takes a field's name and one line of its value
     */
    void forEachHeader(BiConsumer<String, String> action);

    /**
     * The body to send, never changed by the caller.
     *
     * @return the body, or null when there is none
     */
    byte[] body();
  }

  /**
   * How a runtime sends a hit straight to the connection, skipping the JAX-RS response (its
   * response filters, writer interceptors and message body writers), which costs a cached read much
   * of its time on some runtimes. Offered per request with {@link #offerHitWriter}.
   */
  @FunctionalInterface
  public interface HitWriter {
    /**
     * Sends {@code replay} as the whole response to {@code request} (without its body for a HEAD),
     * and ends the request's processing; or sends nothing and answers false, and the hit is sent as
     * a JAX-RS response.
     *
     * @param request the request the hit answers
     * @param replay what to send
     * @return whether it was sent
     */
    boolean write(ContainerRequestContext request, Replay replay);
  }

  /**
   * How a runtime runs a stale-while-revalidate refresh in the background: it dispatches a GET to
   * {@link Refresh#requestUri()} with {@link Refresh#headers()} through the application (its
   * filters, the resource, its writers), calls {@link Refresh#attachTo} on that request before
   * restcache's lookup runs for it, writes the response to no client, and calls {@link
   * Refresh#dispatched()} once done.
   */
  @FunctionalInterface
  public interface Redispatch {
    /**
     * Starts {@code refresh} without waiting for it.
     *
     * @param refresh the refresh to dispatch
     * @throws RuntimeException when it cannot; the refresh is then released
     */
    void start(Refresh refresh);
  }

  /** One stale-while-revalidate refresh to dispatch; see {@link Redispatch}. */
  public static final class Refresh {
    private final PendingRefresh pending;

    private Refresh(PendingRefresh pending) {
      this.pending = pending;
    }

    /**
     * The absolute URI of the request that found the entry stale.
     *
     * @return the URI to dispatch the refresh to
     */
    public URI requestUri() {
      return pending.requestUri();
    }

    /**
     * That request's headers, less its own conditions, to send with the refresh.
     *
     * @return the header fields by name, each with its lines
     */
    public Map<String, List<String>> headers() {
      return pending.headers();
    }

    /**
     * Marks {@code dispatched}, the request the runtime dispatched, as this refresh.
     *
     * @param dispatched the request the runtime dispatched, before restcache's lookup
     */
    public void attachTo(ContainerRequestContext dispatched) {
      pending.attachTo(dispatched);
    }

    /** The dispatch is over, whatever its outcome; safe to call more than once. */
    public void dispatched() {
      pending.dispatched();
    }
  }

  /**
   * Whether the write eviction may evict anything for {@code request}.
   *
   * @param request a request before its response filters
   * @return false for a safe method that {@code @Invalidates} did not mark, which evicts nothing
   */
  public static boolean mayEvict(ContainerRequestContext request) {
    return WriteInvalidationFilter.mayEvict(request);
  }

  /**
   * Whether {@code request} went to its resource with a response to store or refresh.
   *
   * @param request a request after its lookup
   * @return true when its response filters have a response to take
   */
  public static boolean awaitsResponse(ContainerRequestContext request) {
    return CacheFeatures.awaitsResponse(request);
  }

  /**
   * Whether the body about to be written is one the cache will store.
   *
   * @param context the writer interceptor's context
   * @return true when the capture and commit interceptors have work to do
   */
  public static boolean awaitsBody(InterceptorContext context) {
    return CacheFeatures.awaitsBody(context);
  }

  /**
   * The contradictions among restcache's annotations on one declaration, each a message naming it,
   * for build-time validation; empty when there are none.
   *
   * @param where how the messages name the declaration, such as {@code Books.list}
   * @param cached whether it carries {@code @Cached}
   * @param neverCache whether it carries {@code @NeverCache}
   * @param isPrivate whether its {@code @CacheControl} says {@code isPrivate}
   * @param isPublic whether its {@code @CacheControl} says {@code isPublic}
   * @return one message per contradiction
   */
  public static List<String> annotationConflicts(
      String where, boolean cached, boolean neverCache, boolean isPrivate, boolean isPublic) {
    return AnnotationRules.conflicts(where, cached, neverCache, isPrivate, isPublic);
  }

  /** The rules restcache applies to one resource method; each step does nothing if none applies. */
  public static final class MethodRules {
    /** No rules: a method restcache has nothing to do with. */
    public static final MethodRules NONE = new MethodRules(MethodFilters.NONE);

    private final MethodFilters filters;

    private MethodRules(MethodFilters filters) {
      this.filters = filters;
    }

    /**
     * Whether the method's GETs are answered from and stored in the cache.
     *
     * @return true for a {@code @Cached} method, or a GET under cache-all
     */
    public boolean cached() {
      return filters.lookup() != null;
    }

    /**
     * The lookup. Where it cannot answer at once (a remote store, another request filling the same
     * entry), the request is suspended with {@code suspension} until it has; a runtime that cannot
     * suspend passes null, and the lookup waits on its thread.
     *
     * @param request the request, after every application request filter
     * @param suspension how to suspend the request, or null
     */
    public void lookup(ContainerRequestContext request, RequestSuspension suspension) {
      if (filters.lookup() != null) {
        filters.lookup().filter(request, suspension);
      }
    }

    /**
     * Takes the response as the resource produced it, at the first response filter.
     *
     * @param request the request
     * @param response the response, before any other response filter
     * @throws IOException never from restcache; declared as a response filter's
     */
    public void resourceResponse(ContainerRequestContext request, ContainerResponseContext response)
        throws IOException {
      apply(filters.resourceResponse(), request, response);
    }

    /**
     * Applies {@code @CacheControl}, at {@link RuntimeAdapter#HEADER_RULES_PRIORITY}.
     *
     * @param request the request
     * @param response the response whose {@code Cache-Control} it merges into
     * @throws IOException never from restcache; declared as a response filter's
     */
    public void cacheControl(ContainerRequestContext request, ContainerResponseContext response)
        throws IOException {
      apply(filters.cacheControl(), request, response);
    }

    /**
     * Applies {@code @NeverCache}, at {@link RuntimeAdapter#NEVER_CACHE_PRIORITY}.
     *
     * @param request the request
     * @param response the response it marks as never to be stored
     * @throws IOException never from restcache; declared as a response filter's
     */
    public void neverCache(ContainerRequestContext request, ContainerResponseContext response)
        throws IOException {
      apply(filters.neverCache(), request, response);
    }

    /**
     * The store decision, at the last response filter; where it stores and the store does not
     * answer at once, with the request suspended as {@link #lookup} does.
     *
     * @param request the request
     * @param response the response with the headers every other filter set
     * @param suspension how to suspend the request, or null
     */
    public void store(
        ContainerRequestContext request,
        ContainerResponseContext response,
        RequestSuspension suspension) {
      if (filters.store() != null) {
        filters.store().filter(request, response, suspension);
      }
    }

    /**
     * Resolves {@code @Invalidates} for the write eviction, which runs next, at {@link
     * RuntimeAdapter#INVALIDATES_PRIORITY}.
     *
     * @param request the write's request
     * @param response its response
     * @throws IOException never from restcache; declared as a response filter's
     */
    public void invalidates(ContainerRequestContext request, ContainerResponseContext response)
        throws IOException {
      apply(filters.invalidates(), request, response);
    }

    private static void apply(
        ContainerResponseFilter filter,
        ContainerRequestContext request,
        ContainerResponseContext response)
        throws IOException {
      if (filter != null) {
        filter.filter(request, response);
      }
    }
  }
}
