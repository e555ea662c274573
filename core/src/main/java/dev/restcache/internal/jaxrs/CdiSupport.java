package dev.restcache.internal.jaxrs;

import dev.restcache.ResponseCache;
import dev.restcache.internal.cdi.ResponseCacheExtension;
import jakarta.enterprise.inject.spi.CDI;

/**
 * Hands the feature's handle to restcache's CDI extension where a CDI container runs the
 * application and deployed the extension (a Jakarta EE server), so that {@code @Inject
 * ResponseCache} answers with it. Without the CDI API, a container, or the extension, it does
 * nothing.
 */
final class CdiSupport {
  private static final boolean CDI_PRESENT = isPresent();

  private CdiSupport() {}

  static void register(ResponseCache cache) {
    if (!CDI_PRESENT) {
      return;
    }
    ResponseCacheExtension extension;
    try {
      extension = CDI.current().getBeanManager().getExtension(ResponseCacheExtension.class);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // No CDI container here, or one that did not run the extension: nothing to inject into.
      return;
    }
    extension.register(cache);
  }

  private static boolean isPresent() {
    try {
      Class.forName("jakarta.enterprise.inject.spi.CDI", false, CdiSupport.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
