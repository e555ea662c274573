package dev.restcache.quarkus.internal;

import dev.restcache.ResponseCache;
import dev.restcache.RuntimeAdapter;
import dev.restcache.RuntimeAdapter.MethodRules;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.List;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/**
 * The runtime of an application with {@code quarkus.restcache.enabled=false}: no store, no rules,
 * no eviction. A request pays a call that returns a constant (the lookup, the eviction) and, in the
 * filters that act on a cached exchange, a read of a request property that is never set.
 */
final class DisabledCacheRuntime implements CacheRuntime {
  @Override
  public MethodRules rulesFor(ContainerRequestContext request) {
    return MethodRules.NONE;
  }

  @Override
  public void evictAfterWrite(ContainerRequestContext request, ContainerResponseContext response) {
    // Nothing is cached.
  }

  @Override
  public ResponseCache cache() {
    return DisabledCache.INSTANCE;
  }

  @Override
  public void resolve(
      List<ResourceMethodFacts> methods, boolean hitsToConnection, boolean lookupEarly) {
    // No method has rules while the cache is off.
  }

  @Override
  public RuntimeAdapter adapter() {
    throw new IllegalStateException("restcache is disabled: no request reaches the cache");
  }

  @Override
  public void prepareBackgroundRefresh(
      ContainerRequestContext request, ServerRequestContext server) {
    // Nothing is cached, so nothing is refreshed.
  }

  @Override
  public boolean looksUpEarly() {
    return false;
  }

  @Override
  public void offerHitWriter(ContainerRequestContext request) {
    // Nothing is cached, so nothing is hit.
  }

  @Override
  public void offerRequestTarget(ContainerRequestContext request, ServerRequestContext server) {
    // Nothing is looked up.
  }

  @Override
  public Handler<RoutingContext> frontRoute() {
    return RoutingContext::next;
  }

  @Override
  public void close() {
    // Nothing was opened.
  }
}
