package dev.restcache.quarkus.internal;

import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import dev.restcache.ResponseCache;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.RuntimeAdapter;
import dev.restcache.RuntimeAdapter.MethodRules;
import dev.restcache.memory.InMemoryCacheStore;
import dev.restcache.quarkus.RestcacheConfig;
import dev.restcache.spi.CacheStore;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/**
 * The application's response cache, built from {@link RestcacheConfig} at startup, and what the
 * Quarkus REST filters share: the filters each resource method gets.
 */
@Singleton
@Startup
public class CacheRuntime {
  private static final System.Logger LOG = System.getLogger("dev.restcache");

  private final RuntimeAdapter adapter;
  private final CacheStore store;
  private final boolean ownsStore;
  private final Map<Method, MethodRules> rulesByMethod = new ConcurrentHashMap<>();

  // HazelcastStores through Instance: created, and Hazelcast loaded, only when it is chosen.
  CacheRuntime(RestcacheConfig config, Instance<CacheStore> applicationStore,
      Instance<HazelcastStores> hazelcastStores) {
    if (!config.enabled()) {
      LOG.log(INFO, "restcache: disabled");
      store = null;
      ownsStore = false;
      adapter = null;
      return;
    }
    if (applicationStore.isResolvable()) {
      store = applicationStore.get();
      ownsStore = false;
    } else if (config.store() == RestcacheConfig.Store.HAZELCAST) {
      HazelcastStores.Opened opened = hazelcastStores.get().open(config.hazelcast());
      store = opened.store();
      ownsStore = opened.owned();
    } else {
      store = new InMemoryCacheStore(config.memory().maxSize().asLongValue());
      ownsStore = true;
    }
    boolean storeCompletesInline = store.completesInline();
    adapter = RuntimeAdapter.of(feature(config, store),
        () -> !storeCompletesInline && onEventLoop());
    adapter.refreshInBackground(new VirtualRedispatch(Infrastructure.getDefaultWorkerPool()));
    LOG.log(INFO, "restcache: caching in {0}", store.getClass().getSimpleName());
  }

  private static ResponseCacheFeature feature(RestcacheConfig config, CacheStore store) {
    ResponseCacheFeature.Builder builder = ResponseCacheFeature.builder()
        .store(store)
        .defaultTtl(config.defaultTtl())
        .cacheAll(config.cacheAll())
        .maxEntrySize((int) Math.min(Integer.MAX_VALUE, config.maxEntrySize().asLongValue()))
        .requestDirectives(config.requestDirectives())
        .generateETags(config.generateEtags())
        .cacheStatusName(config.cacheStatusName())
        .storeTimeout(config.storeTimeout())
        .collapseTimeout(config.collapseTimeout())
        .keyPrefix(config.keyPrefix())
        .sortQueryParameters(config.sortQueryParameters())
        .revalidationRetention(config.revalidationRetention());
    config.ignoreQueryParameters()
        .ifPresent(names -> builder.ignoreQueryParameters(names.toArray(String[]::new)));
    config.anonymousCookies()
        .ifPresent(names -> builder.anonymousCookies(names.toArray(String[]::new)));
    config.credentialHeaders()
        .ifPresent(names -> builder.credentialHeaders(names.toArray(String[]::new)));
    return builder.build();
  }

  /** The cache, for {@code @Inject ResponseCache}; a disabled cache evicts nothing. */
  @Produces
  @Singleton
  ResponseCache responseCache() {
    return adapter != null ? adapter.cache() : DisabledCache.INSTANCE;
  }

  /** The adapter of the cache, or null when the cache is disabled. */
  RuntimeAdapter adapter() {
    return adapter;
  }

  /** The store, for the health check and the metrics; null when the cache is disabled. */
  CacheStore store() {
    return store;
  }

  /** The rules restcache applies to the request's resource method. */
  MethodRules rulesFor(ContainerRequestContext request) {
    if (adapter == null) {
      return MethodRules.NONE;
    }
    ResteasyReactiveResourceInfo resource = ((ResteasyReactiveContainerRequestContext) request)
        .getServerRequestContext().getResteasyReactiveResourceInfo();
    if (resource == null) {
      return MethodRules.NONE;
    }
    return rulesByMethod.computeIfAbsent(resource.getMethod(),
        method -> rulesOf(method, resource.getResourceClass()));
  }

  // The build rejects contradictory annotations it can see; one it cannot (on an interface the
  // index lacks) leaves the method uncached rather than failing its requests.
  private MethodRules rulesOf(Method method, Class<?> resourceClass) {
    try {
      return adapter.rulesFor(method, resourceClass);
    } catch (IllegalStateException e) {
      LOG.log(WARNING, e.getMessage() + "; the method is served without the cache");
      return MethodRules.NONE;
    }
  }

  /**
   * Offers {@code request} the background stale-while-revalidate refresh where the virtual
   * channel is open, and marks it as a refresh when it was dispatched for one.
   */
  void prepareBackgroundRefresh(ContainerRequestContext request, ServerRequestContext server) {
    if (VirtualRedispatch.available()) {
      adapter.offerBackgroundRefresh(request);
      VirtualRedispatch.attachRefresh(request, server);
    }
  }

  /** Whether the caller is a Vert.x event-loop thread, which must never wait. */
  static boolean onEventLoop() {
    return Context.isOnEventLoopThread();
  }

  @PreDestroy
  void close() {
    if (ownsStore && store != null) {
      store.close();
    }
  }
}
