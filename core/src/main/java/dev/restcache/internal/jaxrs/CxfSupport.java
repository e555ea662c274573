package dev.restcache.internal.jaxrs;

import dev.restcache.ResponseCache;
import dev.restcache.internal.CacheEngine;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;
import org.apache.cxf.jaxrs.ext.ContextProvider;
import org.apache.cxf.message.Message;

/**
 * What Jakarta REST has no portable hook for, done with Apache CXF's own: {@code @Context
 * ResponseCache} through CXF's context SPI, and the request's course through its interceptor chains
 * ({@link CxfRequestHooks}). Only loaded when CXF is on the class path, and only acts in a CXF
 * server's feature context, so that a Jersey application using CXF's client gets nothing.
 */
final class CxfSupport {
  private static final boolean CXF_PRESENT = isPresent();

  private CxfSupport() {}

  static void register(FeatureContext context, CacheEngine engine, ResponseCache cache) {
    if (CXF_PRESENT
        && context.getClass().getName().startsWith("org.apache.cxf.")
        && context.getConfiguration().getRuntimeType() == RuntimeType.SERVER) {
      context.register(new CacheContextProvider(cache));
      // First of the request filters: the hooks are in place before the lookup leads a fill.
      context.register(new CxfRequestHooks(engine), Integer.MIN_VALUE);
    }
  }

  private static boolean isPresent() {
    try {
      Class.forName(
          "org.apache.cxf.jaxrs.ext.ContextProvider", false, CxfSupport.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /**
   * Serves {@code @Context ResponseCache}. CXF matches a context provider by the type argument its
   * class declares, so this is a named class, not a lambda.
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
}
