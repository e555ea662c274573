package dev.restcache.quarkus.internal;

import static java.lang.System.Logger.Level.DEBUG;

import io.quarkus.arc.runtime.BeanContainer;
import io.quarkus.runtime.annotations.Recorder;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** Replays at startup what the build found out about the application's resource methods. */
@Recorder
public class RestcacheRecorder {
  private static final System.Logger LOG = System.getLogger("dev.restcache");

  /**
   * Starts restcache's runtime and resolves the rules of {@code methods}, before the application
   * takes its first request.
   *
   * @param foreignProvider a provider other than restcache's that would see a hit's JAX-RS
   *     response, or null when there is none and hits may skip it
   * @param foreignRequestFilter a request filter other than restcache's, or null when there is none
   *     and, with no foreign provider either, the lookup may run before every filter
   * @throws IllegalStateException for contradictory annotations, naming every method at fault
   */
  public void resolveRules(
      BeanContainer beans,
      List<ResourceMethodFacts> methods,
      String foreignProvider,
      String foreignRequestFilter) {
    if (foreignProvider == null) {
      LOG.log(DEBUG, "restcache: hits are written straight to the connection");
    } else {
      LOG.log(
          DEBUG, "restcache: hits go through the JAX-RS response, which {0} sees", foreignProvider);
    }
    boolean lookupEarly = foreignProvider == null && foreignRequestFilter == null;
    if (foreignProvider == null && !lookupEarly) {
      LOG.log(
          DEBUG, "restcache: looks up after the request filters, {0} first", foreignRequestFilter);
    }
    beans.beanInstance(CacheRuntime.class).resolve(methods, foreignProvider == null, lookupEarly);
  }

  /**
   * The route ahead of Quarkus REST: the front with {@code quarkus.restcache.front.enabled}, a
   * route that passes every request on otherwise.
   *
   * @param beans the application's beans, restcache's runtime among them
   * @return the handler of the route
   */
  public Handler<RoutingContext> frontRoute(BeanContainer beans) {
    return beans.beanInstance(CacheRuntime.class).frontRoute();
  }
}
