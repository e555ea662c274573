package dev.restcache.quarkus.internal;

import dev.restcache.CacheStats;
import dev.restcache.Cached;
import dev.restcache.memory.InMemoryCacheStore;
import dev.restcache.quarkus.RestcacheConfig;
import java.util.Comparator;
import java.util.List;

/**
 * The JSON-RPC methods of restcache's Dev UI page: the routes the cache acts on, with their rules;
 * the live statistics; clearing the cache. A bean only in dev mode, registered by the deployment's
 * Dev UI build step; no other mode loads it.
 */
public class RestcacheJsonRpcService {
  // Set at each start of the dev-mode application, before its first request.
  private static volatile List<DevUiRouteFacts> routes = List.of();

  private final CacheRuntime runtime;
  private final RestcacheConfig config;

  RestcacheJsonRpcService(CacheRuntime runtime, RestcacheConfig config) {
    this.runtime = runtime;
    this.config = config;
  }

  static void routes(List<DevUiRouteFacts> found) {
    routes = List.copyOf(found);
  }

  /** One route restcache acts on, with its rules as this application's configuration makes them. */
  public record Route(
      String httpMethod,
      String path,
      String resource,
      boolean cached,
      String ttl,
      List<String> tags,
      List<String> vary,
      List<String> cacheControl,
      boolean neverCache,
      List<String> invalidates) {}

  /**
   * The cache's counters since the start, and the entries held where the store knows (the in-memory
   * store; null for another).
   */
  public record Statistics(
      boolean enabled,
      String store,
      long hits,
      long misses,
      long stores,
      long notStored,
      long invalidations,
      long storeErrors,
      Long entries) {}

  /** {@return the routes the cache acts on: cached GETs, {@code @NeverCache} and writes} */
  public List<Route> getRoutes() {
    boolean enabled = runtime instanceof EnabledCacheRuntime;
    return routes.stream()
        .map(facts -> route(facts, enabled))
        .filter(
            route ->
                route.cached()
                    || route.neverCache()
                    || !route.invalidates().isEmpty()
                    || !route.httpMethod().equals("GET"))
        .sorted(Comparator.comparing(Route::path).thenComparing(Route::httpMethod))
        .toList();
  }

  /** {@return how many routes are cached, for the card's label} */
  public String getCachedRouteCount() {
    return Long.toString(getRoutes().stream().filter(Route::cached).count());
  }

  private Route route(DevUiRouteFacts facts, boolean enabled) {
    boolean get = facts.httpMethod().equals("GET");
    boolean cached =
        enabled && get && !facts.neverCache() && (facts.annotatedCached() || config.cacheAll());
    String ttl =
        !cached
            ? ""
            : facts.ttlSeconds() == Cached.DEFAULT_TTL
                ? "default (" + config.defaultTtl() + ")"
                : facts.ttlSeconds() + "s";
    return new Route(
        facts.httpMethod(),
        facts.path(),
        facts.resource(),
        cached,
        ttl,
        facts.tags(),
        facts.vary(),
        facts.cacheControl(),
        facts.neverCache(),
        facts.invalidates());
  }

  /** {@return the cache's counters now} */
  public Statistics getStatistics() {
    CacheStats stats = runtime.cache().stats();
    String store = "none (disabled)";
    Long entries = null;
    if (runtime instanceof EnabledCacheRuntime enabled) {
      store = enabled.store().getClass().getSimpleName();
      if (enabled.store() instanceof InMemoryCacheStore memory) {
        entries = memory.size();
      }
    }
    return new Statistics(
        runtime instanceof EnabledCacheRuntime,
        store,
        stats.hits(),
        stats.misses(),
        stats.stores(),
        stats.notStored(),
        stats.invalidations(),
        stats.storeErrors(),
        entries);
  }

  /** Removes every entry; {@return the counters afterwards} */
  public Statistics clear() {
    runtime.cache().clear();
    return getStatistics();
  }
}
