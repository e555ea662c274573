package dev.restcache.quarkus.deployment;

import dev.restcache.ResponseCacheFeature;
import io.quarkus.resteasy.reactive.spi.ContainerRequestFilterBuildItem;
import io.quarkus.resteasy.reactive.spi.ContainerResponseFilterBuildItem;
import io.quarkus.resteasy.reactive.spi.WriterInterceptorBuildItem;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.ext.WriterInterceptor;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The providers of the application and of other extensions that a request or its response goes
 * through besides restcache's own. A hit may skip the JAX-RS response only when no foreign response
 * filter, writer interceptor or feature would see it, since those must see every hit as they see
 * every miss; the lookup may run before every other request filter, on the event loop ahead of a
 * blocking endpoint's hop to a worker, only when there are none to run after.
 */
final class ForeignProviders {
  private static final List<DotName> RESPONSE_PROVIDERS =
      Stream.of(
              ContainerResponseFilter.class,
              WriterInterceptor.class,
              DynamicFeature.class,
              Feature.class)
          .map(DotName::createSimple)
          .toList();
  private static final DotName SERVER_RESPONSE_FILTER =
      DotName.createSimple(ServerResponseFilter.class);

  private static final DotName REQUEST_FILTER = DotName.createSimple(ContainerRequestFilter.class);
  private static final DotName SERVER_REQUEST_FILTER =
      DotName.createSimple(ServerRequestFilter.class);

  private ForeignProviders() {}

  /**
   * The first provider other than restcache's that would see a hit's JAX-RS response, if any: a
   * response filter or writer interceptor another extension registers, a class of the index that is
   * one (registered with {@code @Provider} or by hand) or a feature, or a
   * {@code @ServerResponseFilter} method.
   */
  static Optional<String> responseProvider(
      List<ContainerResponseFilterBuildItem> responseFilters,
      List<WriterInterceptorBuildItem> writerInterceptors,
      IndexView index) {
    return firstForeign(
        Stream.concat(
            responseFilters.stream().map(ContainerResponseFilterBuildItem::getClassName),
            writerInterceptors.stream().map(WriterInterceptorBuildItem::getClassName)),
        RESPONSE_PROVIDERS,
        SERVER_RESPONSE_FILTER,
        index);
  }

  /**
   * The first request filter other than restcache's, if any: one another extension registers, a
   * class of the index that is one, or a {@code @ServerRequestFilter} method.
   */
  static Optional<String> requestFilter(
      List<ContainerRequestFilterBuildItem> requestFilters, IndexView index) {
    return firstForeign(
        requestFilters.stream().map(ContainerRequestFilterBuildItem::getClassName),
        List.of(REQUEST_FILTER),
        SERVER_REQUEST_FILTER,
        index);
  }

  // The first of the registered classes, the index's implementors of types and the methods
  // annotated filterMethod that is not restcache's own.
  private static Optional<String> firstForeign(
      Stream<String> registered, List<DotName> types, DotName filterMethod, IndexView index) {
    Stream<String> indexed =
        types.stream()
            .flatMap(type -> index.getAllKnownImplementations(type).stream())
            .map(provider -> provider.name().toString());
    Stream<String> filterMethods =
        index.getAnnotations(filterMethod).stream()
            .map(annotation -> annotation.target().toString());
    return Stream.of(registered, indexed, filterMethods)
        .flatMap(names -> names)
        .filter(name -> !restcaches(name))
        .findFirst();
  }

  // By package: an application's classes never live in restcache's internal packages.
  private static boolean restcaches(String className) {
    return className.startsWith("dev.restcache.internal.")
        || className.startsWith("dev.restcache.quarkus.internal.")
        || className.equals(ResponseCacheFeature.class.getName());
  }
}
