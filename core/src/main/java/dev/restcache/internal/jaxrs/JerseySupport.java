package dev.restcache.internal.jaxrs;

import dev.restcache.ResponseCache;
import dev.restcache.internal.CacheEngine;
import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

/**
 * What Jakarta REST has no portable hook for, done with Jersey's own: {@code @Context
 * ResponseCache} injection; the end of every request, which releases the requests collapsed onto it
 * whatever ended it (an exception in a later filter or a writer, a client gone away) rather than
 * after the collapse timeout; and dispatching a request again, which runs stale-while-revalidate
 * refreshes in the background ({@link JerseyRefresh}). Only loaded when Jersey is on the class
 * path.
 */
final class JerseySupport {
  private static final boolean JERSEY_PRESENT = isPresent();

  private JerseySupport() {}

  static void register(FeatureContext context, CacheEngine engine, ResponseCache cache) {
    if (JERSEY_PRESENT) {
      context.register(
          new AbstractBinder() {
            @Override
            protected void configure() {
              bind(cache).to(ResponseCache.class);
            }
          });
      JerseyRefresh refresh = new JerseyRefresh();
      context.register(refresh);
      context.register(new RequestCompletion(engine, refresh));
    }
  }

  private static boolean isPresent() {
    try {
      Class.forName(
          "org.glassfish.jersey.server.monitoring.ApplicationEventListener",
          false,
          JerseySupport.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /**
   * Offers each request the background refresh, tells its exchange when its resource method starts,
   * and finishes it once Jersey is done with the request, whatever happened.
   */
  private static final class RequestCompletion implements ApplicationEventListener {
    private final CacheEngine engine;
    private final JerseyRefresh refresh;

    RequestCompletion(CacheEngine engine, JerseyRefresh refresh) {
      this.engine = engine;
      this.refresh = refresh;
    }

    @Override
    public void onEvent(ApplicationEvent event) {
      // Only request events matter.
    }

    @Override
    public RequestEventListener onRequest(RequestEvent start) {
      if (refresh.ready()) {
        start.getContainerRequest().setProperty(BackgroundRefresh.PROPERTY, refresh);
      }
      return event -> {
        if (event.getType() == RequestEvent.Type.RESOURCE_METHOD_START) {
          CacheFeatures.resourceMethodStarted(event.getContainerRequest());
        } else if (event.getType() == RequestEvent.Type.ON_EXCEPTION) {
          CacheFeatures.exceptionRaised(event.getContainerRequest());
        } else if (event.getType() == RequestEvent.Type.FINISHED) {
          CacheFeatures.requestCompleted(event.getContainerRequest(), engine);
        }
      };
    }
  }
}
