package dev.restcache.internal.jaxrs;

import dev.restcache.internal.CacheEngine;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.cxf.interceptor.Interceptor;
import org.apache.cxf.interceptor.ServiceInvokerInterceptor;
import org.apache.cxf.jaxrs.impl.ContainerRequestContextImpl;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.FaultMode;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.phase.PhaseInterceptorChain;

/**
 * Tells each request's {@link CacheExchange} what CXF alone can tell, as Jersey's request events do
 * ({@link JerseySupport}): that the resource method is invoked, that an exception was raised (which
 * decide whether an error may be stored), and that the request is over, whatever ended it, which
 * releases the requests collapsed onto it. CXF runs no response filter for an exception no mapper
 * handles, nor the later ones after a response filter that throws; its interceptor chains see both.
 * A request filter puts the hooks on the request's own chain and on those CXF builds for its
 * response and for a fault, from the message: a Jakarta REST feature cannot reach the endpoint.
 */
final class CxfRequestHooks implements ContainerRequestFilter {
  private final Hook methodStart = new MethodStart();
  private final List<Interceptor<? extends Message>> response;
  private final List<Interceptor<? extends Message>> fault;

  CxfRequestHooks(CacheEngine engine) {
    Hook end = new RequestEnd(engine);
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

  // Another component may have put interceptors of its own there: keep them. A sub-resource's
  // filters run this filter again for the same message.
  private static void addTo(
      Message message, String key, List<Interceptor<? extends Message>> hooks) {
    if (message.get(key) instanceof Collection<?> present && present.containsAll(hooks)) {
      return;
    }
    if (message.get(key) instanceof Collection<?> present && !present.isEmpty()) {
      List<Object> both = new ArrayList<>(present);
      both.addAll(hooks);
      message.put(key, both);
    } else {
      message.put(key, hooks);
    }
  }

  /**
   * An interceptor that acts on the request as restcache's filters saw it (its properties are the
   * in message's), and on nothing once the exchange has no request left.
   */
  private abstract static class Hook extends AbstractPhaseInterceptor<Message> {
    Hook(String phase) {
      super(phase);
    }

    @Override
    public final void handleMessage(Message message) {
      Exchange exchange = message.getExchange();
      if (exchange.getInMessage() != null) {
        onMessage(new ContainerRequestContextImpl(exchange.getInMessage(), false, false), exchange);
      }
    }

    abstract void onMessage(ContainerRequestContext request, Exchange exchange);
  }

  /**
   * Just before CXF invokes the resource method, once its parameters are converted: Jersey's {@code
   * RESOURCE_METHOD_START}. A request a filter aborted, or whose parameters failed, never gets
   * here.
   */
  private static final class MethodStart extends Hook {
    MethodStart() {
      super(Phase.INVOKE);
      addBefore(ServiceInvokerInterceptor.class.getName());
    }

    @Override
    void onMessage(ContainerRequestContext request, Exchange exchange) {
      if (exchange.get(Response.class) == null) {
        CacheFeatures.resourceMethodStarted(request);
      }
    }
  }

  /**
   * First on the response's chain, before the response filters: the response was mapped from an
   * exception when CXF recorded one on the exchange (a filter or a parameter failed) or a {@link
   * FaultMode} on the request (the resource method threw). When a later step of the chain throws,
   * CXF unwinds through here: the request is over.
   */
  private static final class ResponseStart extends Hook {
    private final CacheEngine engine;

    ResponseStart(CacheEngine engine) {
      super(Phase.SETUP);
      this.engine = engine;
    }

    @Override
    void onMessage(ContainerRequestContext request, Exchange exchange) {
      if (exchange.get(Throwable.class) != null
          || exchange.getInMessage().get(FaultMode.class) != null) {
        CacheFeatures.exceptionRaised(request);
      }
    }

    @Override
    public void handleFault(Message message) {
      Message in = message.getExchange().getInMessage();
      if (in != null) {
        CacheFeatures.requestCompleted(new ContainerRequestContextImpl(in, false, false), engine);
      }
    }
  }

  /**
   * First on the fault's chain: an exception was raised. When no mapper handles it, CXF rethrows it
   * from this chain to the container and nothing after this point runs: the request ends here.
   */
  private static final class FaultStart extends Hook {
    private final CacheEngine engine;

    FaultStart(CacheEngine engine) {
      super(Phase.SETUP);
      this.engine = engine;
    }

    @Override
    void onMessage(ContainerRequestContext request, Exchange exchange) {
      CacheFeatures.exceptionRaised(request);
      if (Boolean.TRUE.equals(exchange.get(Message.PROPOGATE_EXCEPTION))) {
        CacheFeatures.requestCompleted(request, engine);
      }
    }
  }

  /** Last on the response's chain and the fault's, once the response is written. */
  private static final class RequestEnd extends Hook {
    private final CacheEngine engine;

    RequestEnd(CacheEngine engine) {
      super(Phase.SETUP_ENDING);
      this.engine = engine;
    }

    @Override
    void onMessage(ContainerRequestContext request, Exchange exchange) {
      CacheFeatures.requestCompleted(request, engine);
    }
  }
}
