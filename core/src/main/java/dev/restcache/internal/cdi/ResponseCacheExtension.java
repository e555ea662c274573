package dev.restcache.internal.cdi;

import dev.restcache.ResponseCache;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessBean;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The portable CDI extension behind {@code @Inject ResponseCache} on a Jakarta EE server (or any
 * CDI container that runs portable extensions): it adds a bean for the handle of the {@code
 * ResponseCacheFeature} the deployment's Jakarta REST application registered. The feature is built
 * by the application, not by CDI, so the bean answers with whichever feature registered itself when
 * its application was configured ({@link #register}); it resolves it at each call, so that a bean
 * created before the application is deployed still works.
 *
 * <p>Nothing is added when the application (or another extension, such as Quarkus's, which runs no
 * portable extension anyway) already has a bean of type {@code ResponseCache}.
 */
public final class ResponseCacheExtension implements Extension {
  private final Set<ResponseCache> registered = new CopyOnWriteArraySet<>();
  private volatile boolean declaredElsewhere;

  void noticeBean(@Observes ProcessBean<?> bean) {
    if (bean.getBean().getTypes().contains(ResponseCache.class)) {
      declaredElsewhere = true;
    }
  }

  void addHandleBean(@Observes AfterBeanDiscovery discovery) {
    if (!declaredElsewhere) {
      discovery
          .addBean()
          .beanClass(RegisteredCache.class)
          .types(ResponseCache.class, Object.class)
          .scope(Dependent.class)
          .createWith(context -> new RegisteredCache(this));
    }
  }

  /** Records {@code cache} as the handle of a feature a Jakarta REST application registered. */
  public void register(ResponseCache cache) {
    registered.add(cache);
  }

  /**
   * The handle of the deployment's one feature.
   *
   * @throws IllegalStateException when no feature, or more than one, has registered
   */
  ResponseCache cache() {
    List<ResponseCache> handles = List.copyOf(registered);
    if (handles.size() == 1) {
      return handles.get(0);
    }
    if (handles.isEmpty()) {
      throw new IllegalStateException(
          "@Inject ResponseCache: no ResponseCacheFeature has been "
              + "registered with a Jakarta REST application of this deployment yet");
    }
    throw new IllegalStateException(
        "@Inject ResponseCache: "
            + handles.size()
            + " ResponseCacheFeatures are registered in this deployment, so the injected handle "
            + "cannot tell which cache is meant; pass each feature's cache() where it is needed");
  }
}
