package dev.restcache.quarkus.internal;

import static java.lang.System.Logger.Level.INFO;

import dev.restcache.CacheFront;
import dev.restcache.ResponseCache;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.RuntimeAdapter;
import dev.restcache.RuntimeAdapter.MethodRules;
import dev.restcache.quarkus.RestcacheConfig;
import dev.restcache.spi.CacheStore;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/**
 * The application's response cache, built from {@link RestcacheConfig} at startup, and what the
 * Quarkus REST filters share: the rules of each resource method, resolved at startup.
 */
final class EnabledCacheRuntime implements CacheRuntime {
  private static final System.Logger LOG = System.getLogger("dev.restcache");

  private final RuntimeAdapter adapter;
  private final CacheStore store;
  private final boolean ownsStore;
  private final boolean cacheAll;
  private final boolean targetsFromConnection;
  private final Handler<RoutingContext> frontRoute;
  // Filled once at startup, before the first request; read without locking afterwards.
  private volatile MethodTable methods = MethodTable.EMPTY;
  private volatile boolean hitsToConnection;
  private volatile boolean lookupEarly;

  EnabledCacheRuntime(RestcacheConfig config, ChosenStore chosen) {
    cacheAll = config.cacheAll();
    // With proxy address forwarding, Quarkus takes scheme and host from proxy headers, so the
    // connection's are not what the request's URI is made of.
    targetsFromConnection =
        !ConfigProvider.getConfig()
            .getOptionalValue("quarkus.http.proxy.proxy-address-forwarding", Boolean.class)
            .orElse(false);
    store = chosen.store();
    ownsStore = chosen.owned();
    boolean storeCompletesInline = store.completesInline();
    ResponseCacheFeature feature = feature(config, store);
    adapter = RuntimeAdapter.of(feature, () -> !storeCompletesInline && CacheRuntime.onEventLoop());
    frontRoute = frontRoute(feature, !targetsFromConnection);
    adapter.refreshInBackground(new VirtualRedispatch(Infrastructure.getDefaultWorkerPool()));
    LOG.log(INFO, "restcache: caching in {0}", store.getClass().getSimpleName());
  }

  private static ResponseCacheFeature feature(RestcacheConfig config, CacheStore store) {
    ResponseCacheFeature.Builder builder =
        ResponseCacheFeature.builder()
            .store(store)
            .defaultTtl(config.defaultTtl())
            .cacheAll(config.cacheAll())
            .maxEntrySize((int) Math.min(Integer.MAX_VALUE, config.maxEntrySize().asLongValue()))
            .requestDirectives(config.requestDirectives())
            .generateETags(config.generateEtags())
            .cacheStatusName(config.cacheStatusName())
            .storeTimeout(config.storeTimeout())
            .evictionTimeout(config.evictionTimeout())
            .collapseTimeout(config.collapseTimeout())
            .keyPrefix(config.keyPrefix())
            .sortQueryParameters(config.sortQueryParameters())
            .revalidationRetention(config.revalidationRetention())
            .front(config.front().enabled());
    config
        .ignoreQueryParameters()
        .ifPresent(names -> builder.ignoreQueryParameters(names.toArray(String[]::new)));
    config
        .anonymousCookies()
        .ifPresent(names -> builder.anonymousCookies(names.toArray(String[]::new)));
    config
        .credentialHeaders()
        .ifPresent(names -> builder.credentialHeaders(names.toArray(String[]::new)));
    return builder.build();
  }

  // Behind a proxy Quarkus takes the request's URI from the proxy's headers, as the JAX-RS
  // lookup then does; the front, reading the connection, would key another URI than the
  // application's, so it passes every request on.
  private static Handler<RoutingContext> frontRoute(
      ResponseCacheFeature feature, boolean behindProxy) {
    Optional<CacheFront> front = CacheFront.of(feature);
    if (front.isEmpty()) {
      return RoutingContext::next;
    }
    if (behindProxy) {
      LOG.log(
          INFO,
          "restcache: the front is off: quarkus.http.proxy.proxy-address-forwarding takes the"
              + " request's URI from proxy headers");
      return RoutingContext::next;
    }
    LOG.log(INFO, "restcache: the front answers from public entries before Quarkus REST");
    return new FrontRoute(front.get());
  }

  @Override
  public Handler<RoutingContext> frontRoute() {
    return frontRoute;
  }

  @Override
  public ResponseCache cache() {
    return adapter.cache();
  }

  @Override
  public RuntimeAdapter adapter() {
    return adapter;
  }

  /** The store, for the health check and the metrics. */
  CacheStore store() {
    return store;
  }

  @Override
  public void resolve(
      List<ResourceMethodFacts> resourceMethods, boolean hitsToConnection, boolean lookupEarly) {
    methods = MethodTable.resolve(adapter, resourceMethods, cacheAll);
    this.hitsToConnection = hitsToConnection;
    this.lookupEarly = lookupEarly;
  }

  @Override
  public boolean looksUpEarly() {
    return lookupEarly;
  }

  @Override
  public void offerHitWriter(ContainerRequestContext request) {
    if (hitsToConnection) {
      adapter.offerHitWriter(request, ConnectionHitWriter.INSTANCE);
    }
  }

  @Override
  public void offerRequestTarget(ContainerRequestContext request, ServerRequestContext server) {
    if (!targetsFromConnection) {
      return;
    }
    // Quarkus REST would build the absolute URI through Vert.x Web's forwarded-header parser
    // and then parse and normalise it: a tenth of a hit's time on an event loop.
    HttpServerRequest http =
        ((ResteasyReactiveRequestContext) server).serverRequest().unwrap(HttpServerRequest.class);
    if (http != null && http.connection() != null) {
      adapter.offerRequestTarget(
          request,
          http.connection().isSsl() ? "https" : "http",
          http.getHeader(HttpHeaders.HOST),
          http.uri());
    }
  }

  @Override
  public MethodRules rulesFor(ContainerRequestContext request) {
    if (request.getProperty(RULES) instanceof MethodRules carried) {
      return carried;
    }
    MethodRules rules =
        methods.rulesFor(
            ((ResteasyReactiveContainerRequestContext) request)
                .getServerRequestContext()
                .getResteasyReactiveResourceInfo());
    if (rules != MethodRules.NONE) {
      request.setProperty(RULES, rules);
    }
    return rules;
  }

  @Override
  public void evictAfterWrite(ContainerRequestContext request, ContainerResponseContext response) {
    if (RuntimeAdapter.mayEvict(request)) {
      adapter.evictAfterWrite(request, response, RequestSuspensions.of(request));
    }
  }

  @Override
  public void prepareBackgroundRefresh(
      ContainerRequestContext request, ServerRequestContext server) {
    if (VirtualRedispatch.available()) {
      adapter.offerBackgroundRefresh(request);
      VirtualRedispatch.attachRefresh(request, server);
    }
  }

  @Override
  public void close() {
    if (ownsStore) {
      store.close();
    }
  }
}
