package dev.restcache.quarkus.internal;

import dev.restcache.RuntimeAdapter.MethodRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.io.IOException;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/**
 * Answers a cached method's GET or HEAD from the cache, after authentication and authorization. A
 * lookup that cannot answer at once (a remote store, or another request filling the entry) suspends
 * the request, so that no thread waits for it: a hit from the in-memory store is answered on the
 * thread the request is on, event loop included. In an application without other request filters,
 * {@link EarlyLookupFilter} looks up instead.
 */
@ApplicationScoped
public class LookupFilter implements ContainerRequestFilter {
  private final CacheRuntime runtime;

  LookupFilter(CacheRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    if (!runtime.looksUpEarly()) {
      lookUp(request);
    }
  }

  void lookUp(ContainerRequestContext request) {
    MethodRules rules = runtime.rulesFor(request);
    if (!rules.cached()) {
      return;
    }
    ServerRequestContext server =
        ((ResteasyReactiveContainerRequestContext) request).getServerRequestContext();
    // Whatever ends the request, requests collapsed onto it are released then.
    server.registerCompletionCallback(failure -> runtime.adapter().requestCompleted(request));
    request.setProperty(CaptureInterceptor.SERVER_CONTEXT, server);
    runtime.prepareBackgroundRefresh(request, server);
    runtime.offerHitWriter(request);
    runtime.offerRequestTarget(request, server);
    rules.lookup(request, RequestSuspensions.of(request));
  }
}
