package dev.restcache.internal.jaxrs;

import dev.restcache.ResponseCache;
import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.inject.AbstractBinder;

/**
 * Makes {@link ResponseCache} injectable with {@code @Context} on Jersey. Jakarta REST has no
 * portable way to add an injectable type, so this uses Jersey's binder; it is only loaded when
 * Jersey is on the class path.
 */
final class JerseyInjection {
  private static final boolean JERSEY_PRESENT = isPresent();

  private JerseyInjection() {
  }

  static void register(FeatureContext context, ResponseCache cache) {
    if (JERSEY_PRESENT) {
      context.register(new AbstractBinder() {
        @Override
        protected void configure() {
          bind(cache).to(ResponseCache.class);
        }
      });
    }
  }

  private static boolean isPresent() {
    try {
      Class.forName("org.glassfish.jersey.internal.inject.AbstractBinder", false,
          JerseyInjection.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
