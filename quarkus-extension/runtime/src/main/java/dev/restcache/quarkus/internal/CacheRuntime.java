package dev.restcache.quarkus.internal;

import dev.restcache.ResponseCache;
import dev.restcache.RuntimeAdapter;
import dev.restcache.RuntimeAdapter.MethodRules;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.List;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/**
 * restcache's part in a Quarkus REST application, chosen once at startup from {@code
 * quarkus.restcache.enabled}: {@link EnabledCacheRuntime}, or {@link DisabledCacheRuntime}, which
 * leaves every request to its resource. Each request starts by asking it for the rules of its
 * resource method; only a request whose rules cache it goes further.
 */
public interface CacheRuntime {
  /** The request property carrying the rules of the request's method, once resolved. */
  String RULES = "dev.restcache.quarkus.rules";

  /**
   * The rules of the request's resource method: looked up once per request, among those resolved at
   * startup, then carried on the request; none while disabled.
   */
  MethodRules rulesFor(ContainerRequestContext request);

  /**
   * Evicts what a successful write changed, with the request suspended while the store has not
   * evicted; nothing while disabled.
   */
  void evictAfterWrite(ContainerRequestContext request, ContainerResponseContext response);

  /** The cache, for {@code @Inject ResponseCache}; a disabled cache evicts nothing. */
  ResponseCache cache();

  /**
   * Resolves, once at startup, the rules of every method the build found restcache concerned with,
   * so that none is resolved on a request.
   *
   * @param hitsToConnection whether hits may be sent straight to the connection: the build found no
   *     response filter, writer interceptor or feature of the application that a JAX-RS response
   *     would go through
   * @param lookupEarly whether the lookup runs before every request filter ({@link
   *     EarlyLookupFilter}): the build found no request filter but restcache's, and hits may be
   *     sent straight to the connection
   * @throws IllegalStateException for contradictory annotations, naming every method at fault
   */
  void resolve(List<ResourceMethodFacts> methods, boolean hitsToConnection, boolean lookupEarly);

  /** Whether {@link EarlyLookupFilter} looks up rather than {@link LookupFilter}. */
  boolean looksUpEarly();

  /**
   * The cache's adapter, for a request whose rules cache it. Never asked while disabled: no rules
   * cache anything then.
   */
  RuntimeAdapter adapter();

  /**
   * Offers {@code request} the background stale-while-revalidate refresh, and marks it as a refresh
   * when it was dispatched for one; nothing while disabled.
   */
  void prepareBackgroundRefresh(ContainerRequestContext request, ServerRequestContext server);

  /**
   * Lets a hit for {@code request} be sent straight to the connection, where the build allowed it;
   * nothing while disabled.
   */
  void offerHitWriter(ContainerRequestContext request);

  /**
   * Gives the lookup of {@code request} its target as Vert.x read it off the connection, where that
   * is what Quarkus REST's absolute URI is made of; nothing while disabled.
   */
  void offerRequestTarget(ContainerRequestContext request, ServerRequestContext server);

  /**
   * The route that answers requests from public entries before Quarkus REST, with {@code
   * quarkus.restcache.front.enabled}; otherwise one that passes every request on.
   */
  Handler<RoutingContext> frontRoute();

  /** Releases what the runtime opened, when the application stops. */
  void close();

  /** Whether the caller is a Vert.x event-loop thread, which must never wait for the store. */
  static boolean onEventLoop() {
    return Context.isOnEventLoopThread();
  }
}
