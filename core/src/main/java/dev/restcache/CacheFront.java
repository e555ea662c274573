package dev.restcache;

import dev.restcache.internal.CacheEngine;
import dev.restcache.internal.CacheRequest;
import dev.restcache.internal.HitReplay;
import dev.restcache.internal.http.CacheDirectives;
import dev.restcache.internal.http.RequestTarget;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The front: the facade through which a container adapter (a Grizzly handler, a servlet filter, a
 * Vert.x route) answers requests from the cache before the Jakarta REST application sees them.
 *
 * <p>It answers only what a shared cache in front of the application may already serve to anyone: a
 * fresh entry whose response was marked {@code public} or given {@code s-maxage}, for a GET or HEAD
 * that carries no credentials and no {@code Origin}. It shares the feature's store, keys, {@code
 * Vary}, {@code Age}, {@code Cache-Status} and evictions. Every other request goes on to the
 * application, whose JAX-RS lookup answers it as it would without the front. Switched on with
 * {@link ResponseCacheFeature.Builder#front(boolean)}.
 */
public final class CacheFront {
  private final CacheEngine engine;

  private CacheFront(CacheEngine engine) {
    this.engine = engine;
  }

  /**
   * The front of {@code feature}'s cache.
   *
   * @param feature the feature registered with the application behind the container
   * @return the front, or empty when the feature was built without {@code front(true)}
   */
  public static Optional<CacheFront> of(ResponseCacheFeature feature) {
    return feature.front() ? Optional.of(new CacheFront(feature.engine())) : Optional.empty();
  }

  /**
   * Looks a request up. The stage completes at once with an in-memory store; never exceptionally.
   *
   * @param method the request's method
   * @param scheme the connection's scheme, {@code http} or {@code https}
   * @param authority the request's {@code Host} field, null when absent
   * @param originForm the request line's target, path and query as sent
   * @param requestHeader a request field's lines by its lower-case name, null when absent
   * @return the hit to send whole (without its body for a HEAD), or null: the request goes on to
   *     the application
   */
  public CompletableFuture<RuntimeAdapter.Replay> lookup(
      String method,
      String scheme,
      String authority,
      String originForm,
      Function<String, List<String>> requestHeader) {
    Optional<RequestTarget> target = RequestTarget.ofOriginForm(scheme, authority, originForm);
    if (target.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    CacheRequest request =
        new CacheRequest(
            target.get(),
            requestHeader,
            engine.credentials(requestHeader),
            engine.settings().requestDirectives() == RequestDirectives.HONOR
                ? CacheDirectives.forRequest(
                    requestHeader.apply("cache-control"), requestHeader.apply("pragma"))
                : CacheDirectives.NONE,
            engine.now(),
            false);
    return engine
        .lookupAtFront(method, request)
        .thenApply(
            hit ->
                hit == null
                    ? null
                    : HitReplay.of(hit, engine.settings().cacheStatusName(), engine.now()));
  }
}
