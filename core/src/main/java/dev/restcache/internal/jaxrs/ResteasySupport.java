package dev.restcache.internal.jaxrs;

import dev.restcache.ResponseCache;
import dev.restcache.internal.CacheEngine;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.CompletionCallback;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import org.jboss.resteasy.core.PostResourceMethodInvoker;
import org.jboss.resteasy.core.PostResourceMethodInvokers;
import org.jboss.resteasy.core.ResteasyContext;
import org.jboss.resteasy.plugins.server.Cleanables;
import org.jboss.resteasy.spi.ContextInjector;
import org.jboss.resteasy.spi.HttpRequest;
import org.jboss.resteasy.spi.ResteasyAsynchronousContext;
import org.jboss.resteasy.spi.ResteasyAsynchronousResponse;
import org.jboss.resteasy.spi.ResteasyProviderFactory;

/**
 * What Jakarta REST has no portable hook for, done with RESTEasy's own: {@code @Context
 * ResponseCache} injection (a {@code ContextInjector}); the end of every request, which releases
 * the requests collapsed onto it whatever ended it (RESTEasy's clean-up at the end of a dispatch,
 * or the completion of a suspended request); and whether the resource method returned, which lets
 * an error the resource made fresh itself be stored, as on Jersey. Only loaded when RESTEasy runs
 * the application.
 */
final class ResteasySupport {
  private static final boolean RESTEASY_PRESENT = isPresent();

  private ResteasySupport() {}

  static void register(FeatureContext context, CacheEngine engine, ResponseCache cache) {
    if (RESTEASY_PRESENT && context.getConfiguration() instanceof ResteasyProviderFactory) {
      context.register(new HandleInjector(cache));
      // First of all request filters, so that no filter that fails or aborts before the
      // lookup can keep the hooks from the request.
      context.register(new RequestHooks(engine), Integer.MIN_VALUE);
    }
  }

  private static boolean isPresent() {
    try {
      Class.forName(
          "org.jboss.resteasy.core.ResteasyContext", false, ResteasySupport.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** Injects the cache's handle where a resource or provider asks for it with {@code @Context}. */
  static final class HandleInjector implements ContextInjector<ResponseCache, ResponseCache> {
    private final ResponseCache cache;

    HandleInjector(ResponseCache cache) {
      this.cache = cache;
    }

    @Override
    public ResponseCache resolve(
        Class<? extends ResponseCache> rawType, Type genericType, Annotation[] annotations) {
      return cache;
    }
  }

  /**
   * Puts the end-of-request and resource-returned hooks on every GET and HEAD, before the cache's
   * lookup runs.
   */
  static final class RequestHooks implements ContainerRequestFilter {
    private final CacheEngine engine;

    RequestHooks(CacheEngine engine) {
      this.engine = engine;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      String method = request.getMethod();
      if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
        return;
      }
      PostResourceMethodInvokers returned =
          ResteasyContext.getContextData(PostResourceMethodInvokers.class);
      if (returned != null) {
        returned.addInvokers(new ResourceReturned(request));
      }
      Cleanables cleanables = ResteasyContext.getContextData(Cleanables.class);
      HttpRequest dispatched = ResteasyContext.getContextData(HttpRequest.class);
      if (cleanables != null && dispatched != null) {
        cleanables.addCleanable(() -> dispatchEnded(request, dispatched));
      }
    }

    // RESTEasy cleans up when the dispatching thread is done with the request; a suspended
    // request (an asynchronous resource) ends later, when its response completes. RESTEasy
    // marks a suspended response done before it writes it, on the thread that resumed it: the
    // exchange is then left to that write, whose store path finishes it (and, should the write
    // skip the cache's filters, to the bounds behind every fill). Finishing it here would let
    // the next request lead a second fill while the first is still being stored.
    private void dispatchEnded(ContainerRequestContext request, HttpRequest dispatched) {
      ResteasyAsynchronousContext async = dispatched.getAsyncContext();
      if (!async.isSuspended()) {
        CacheFeatures.requestCompleted(request, engine);
        return;
      }
      ResteasyAsynchronousResponse response = async.getAsyncResponse();
      if (response != null && !response.isDone()) {
        response.register(
            (CompletionCallback) failure -> CacheFeatures.requestCompleted(request, engine));
      }
    }
  }

  /**
   * Run by RESTEasy once the resource method returned (its stage completed, for an asynchronous
   * one), and only then: never when it, or the conversion of one of its parameters, threw.
   */
  private static final class ResourceReturned implements PostResourceMethodInvoker {
    private final ContainerRequestContext request;

    ResourceReturned(ContainerRequestContext request) {
      this.request = request;
    }

    @Override
    public void invoke() {
      CacheFeatures.resourceMethodStarted(request);
    }

    @Override
    public void close() {
      // Nothing held.
    }
  }
}
