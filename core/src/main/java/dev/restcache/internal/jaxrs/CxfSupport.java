package dev.restcache.internal.jaxrs;

import dev.restcache.ResponseCache;
import dev.restcache.internal.CacheEngine;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.cxf.interceptor.Interceptor;
import org.apache.cxf.interceptor.ServiceInvokerInterceptor;
import org.apache.cxf.jaxrs.ext.ContextProvider;
import org.apache.cxf.jaxrs.impl.ContainerRequestContextImpl;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.FaultMode;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.phase.PhaseInterceptorChain;

/**
 * What Jakarta REST has no portable hook for, done with Apache CXF's own: {@code @Context
 * ResponseCache} through CXF's context SPI; whether the resource method ran and whether an
 * exception was raised, which decide whether an error may be stored; and the end of every
 * request, which releases the requests collapsed onto it whatever ended it. CXF runs no
 * response filter for an exception that no mapper handles, nor the later ones after a response
 * filter that throws; its interceptor chains see both. Only loaded when CXF is on the class path,
 * and only acts in a CXF server's feature context.
 */
final class CxfSupport {
  private static final boolean CXF_PRESENT = isPresent();

  private CxfSupport() {
  }

  static void register(FeatureContext context, CacheEngine engine, ResponseCache cache) {
    if (CXF_PRESENT && context.getClass().getName().startsWith("org.apache.cxf.")
        && context.getConfiguration().getRuntimeType() == RuntimeType.SERVER) {
      context.register(new CacheContextProvider(cache));
      // First of the request filters: the hooks are in place before the lookup leads a fill.
      context.register(new RequestHooks(engine), Integer.MIN_VALUE);
    }
  }

  private static boolean isPresent() {
    try {
      Class.forName("org.apache.cxf.jaxrs.ext.ContextProvider", false,
          CxfSupport.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  // The request as restcache's filters saw it (its properties are the in message's); null when
  // the exchange has none left.
  private static ContainerRequestContext requestOf(Message message) {
    Message in = message.getExchange().getInMessage();
    return in == null ? null : new ContainerRequestContextImpl(in, false, false);
  }

  /**
   * Serves {@code @Context ResponseCache}. CXF matches a context provider by the type argument
   * its class declares, so this is a named class, not a lambda.
   */
  private static final class CacheContextProvider implements ContextProvider<ResponseCache> {
    private final ResponseCache cache;

    CacheContextProvider(ResponseCache cache) {
      this.cache = cache;
    }

    @Override
    public ResponseCache createContext(Message message) {
      return cache;
    }
  }

  /**
   * Puts the hooks on each request's interceptor chains: its own, and those CXF builds for its
   * response and for a fault. They are added per request, from the message, so that they need
   * nothing of the endpoint, which a Jakarta REST feature cannot reach.
   */
  private static final class RequestHooks implements ContainerRequestFilter {
    private final MethodStart methodStart = new MethodStart();
    private final List<Interceptor<? extends Message>> response;
    private final List<Interceptor<? extends Message>> fault;

    RequestHooks(CacheEngine engine) {
      RequestEnd end = new RequestEnd(engine);
      this.response = List.of(new ResponseStart(engine), end);
      this.fault = List.of(new FaultStart(engine), end);
    }

    @Override
    public void filter(ContainerRequestContext request) {
      Message message = PhaseInterceptorChain.getCurrentMessage();
      if (message == null || message.getInterceptorChain() == null) {
        return;
      }
      message.getInterceptorChain().add(methodStart);
      addTo(message, Message.OUT_INTERCEPTORS, response);
      addTo(message, Message.FAULT_OUT_INTERCEPTORS, fault);
    }

    // Another component may have put interceptors of its own there: keep them.
    private static void addTo(Message message, String key,
        List<Interceptor<? extends Message>> hooks) {
      if (message.get(key) instanceof Collection<?> present && !present.isEmpty()) {
        List<Object> both = new ArrayList<>(present);
        both.addAll(hooks);
        message.put(key, both);
      } else {
        message.put(key, hooks);
      }
    }
  }

  /**
   * Just before CXF invokes the resource method, once its parameters are converted: the
   * equivalent of Jersey's {@code RESOURCE_METHOD_START}. A request a filter aborted, or whose
   * parameters failed, never reaches it.
   */
  private static final class MethodStart extends AbstractPhaseInterceptor<Message> {
    MethodStart() {
      super(Phase.INVOKE);
      addBefore(ServiceInvokerInterceptor.class.getName());
    }

    @Override
    public void handleMessage(Message message) {
      ContainerRequestContext request = requestOf(message);
      if (request != null && message.getExchange().get(Response.class) == null) {
        CacheFeatures.resourceMethodStarted(request);
      }
    }
  }

  /**
   * First on the response's chain, before the response filters: tells the exchange when the
   * response was mapped from an exception, which CXF records on the request (a failed parameter
   * or filter) or as the request's {@link FaultMode} (the resource method threw). When a later
   * step of the chain throws, CXF unwinds through here: the request is over.
   */
  private static final class ResponseStart extends AbstractPhaseInterceptor<Message> {
    private final CacheEngine engine;

    ResponseStart(CacheEngine engine) {
      super(Phase.SETUP);
      this.engine = engine;
    }

    @Override
    public void handleMessage(Message message) {
      Exchange exchange = message.getExchange();
      ContainerRequestContext request = requestOf(message);
      if (request != null && (exchange.get(Throwable.class) != null
          || exchange.getInMessage().get(FaultMode.class) != null)) {
        CacheFeatures.exceptionRaised(request);
      }
    }

    @Override
    public void handleFault(Message message) {
      ContainerRequestContext request = requestOf(message);
      if (request != null) {
        CacheFeatures.requestCompleted(request, engine);
      }
    }
  }

  /**
   * First on the fault's chain: an exception was raised. When no mapper handles it, CXF rethrows
   * it from this chain to the container, and nothing after this point runs: the request ends here.
   */
  private static final class FaultStart extends AbstractPhaseInterceptor<Message> {
    private final CacheEngine engine;

    FaultStart(CacheEngine engine) {
      super(Phase.SETUP);
      this.engine = engine;
    }

    @Override
    public void handleMessage(Message message) {
      ContainerRequestContext request = requestOf(message);
      if (request == null) {
        return;
      }
      CacheFeatures.exceptionRaised(request);
      if (Boolean.TRUE.equals(message.getExchange().get(Message.PROPOGATE_EXCEPTION))) {
        CacheFeatures.requestCompleted(request, engine);
      }
    }
  }

  /** Last on the response's chain and the fault's, once the response is written. */
  private static final class RequestEnd extends AbstractPhaseInterceptor<Message> {
    private final CacheEngine engine;

    RequestEnd(CacheEngine engine) {
      super(Phase.SETUP_ENDING);
      this.engine = engine;
    }

    @Override
    public void handleMessage(Message message) {
      ContainerRequestContext request = requestOf(message);
      if (request != null) {
        CacheFeatures.requestCompleted(request, engine);
      }
    }
  }
}
