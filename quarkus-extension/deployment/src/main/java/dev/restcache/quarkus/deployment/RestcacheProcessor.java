package dev.restcache.quarkus.deployment;

import dev.restcache.CacheControl;
import dev.restcache.Cached;
import dev.restcache.Invalidates;
import dev.restcache.NeverCache;
import dev.restcache.RuntimeAdapter;
import dev.restcache.quarkus.RestcacheBuildConfig;
import dev.restcache.quarkus.internal.CacheControlResponseFilter;
import dev.restcache.quarkus.internal.CacheMetrics;
import dev.restcache.quarkus.internal.CacheRuntime;
import dev.restcache.quarkus.internal.CaptureInterceptor;
import dev.restcache.quarkus.internal.CommitInterceptor;
import dev.restcache.quarkus.internal.EarlyLookupFilter;
import dev.restcache.quarkus.internal.InvalidatesResponseFilter;
import dev.restcache.quarkus.internal.InvalidationFilter;
import dev.restcache.quarkus.internal.LookupFilter;
import dev.restcache.quarkus.internal.NeverCacheResponseFilter;
import dev.restcache.quarkus.internal.ResourceResponseAdapter;
import dev.restcache.quarkus.internal.RestcacheBeans;
import dev.restcache.quarkus.internal.RestcacheRecorder;
import dev.restcache.quarkus.internal.StoreDecisionFilter;
import dev.restcache.quarkus.internal.StoreHealthCheck;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.BeanContainerBuildItem;
import io.quarkus.arc.deployment.UnremovableBeanBuildItem;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem.ValidationErrorBuildItem;
import io.quarkus.bootstrap.classloading.QuarkusClassLoader;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.AdditionalIndexedClassesBuildItem;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.ServiceStartBuildItem;
import io.quarkus.resteasy.reactive.server.deployment.ResteasyReactiveDeploymentBuildItem;
import io.quarkus.resteasy.reactive.server.deployment.ResteasyReactiveResourceMethodEntriesBuildItem;
import io.quarkus.resteasy.reactive.spi.ContainerRequestFilterBuildItem;
import io.quarkus.resteasy.reactive.spi.ContainerResponseFilterBuildItem;
import io.quarkus.resteasy.reactive.spi.WriterInterceptorBuildItem;
import io.quarkus.smallrye.health.deployment.spi.HealthBuildItem;
import io.quarkus.vertx.http.deployment.RequireSocketHttpBuildItem;
import io.quarkus.vertx.http.deployment.RequireVirtualHttpBuildItem;
import io.quarkus.vertx.http.deployment.RouteBuildItem;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;

/**
 * Wires restcache into a Quarkus REST application at build time: its filters and interceptors,
 * global or bound by name to its annotations, its beans, the optional metrics and health check, the
 * checks that reject contradictory annotations, and the resource methods whose rules the runtime
 * resolves at startup.
 */
class RestcacheProcessor {
  private static final String FEATURE = "restcache";
  private static final DotName CACHED = DotName.createSimple(Cached.class);
  private static final DotName NEVER_CACHE = DotName.createSimple(NeverCache.class);
  private static final DotName CACHE_CONTROL = DotName.createSimple(CacheControl.class);

  @BuildStep
  FeatureBuildItem feature() {
    return new FeatureBuildItem(FEATURE);
  }

  @BuildStep
  void beans(
      BuildProducer<AdditionalBeanBuildItem> beans,
      BuildProducer<UnremovableBeanBuildItem> unremovable) {
    beans.produce(AdditionalBeanBuildItem.unremovableOf(RestcacheBeans.class));
    unremovable.produce(UnremovableBeanBuildItem.beanTypes(CacheRuntime.class));
  }

  // Quarkus REST binds a filter by name only to annotations that the index shows to be
  // @NameBinding ones; restcache's jar is not indexed otherwise.
  @BuildStep
  AdditionalIndexedClassesBuildItem bindingAnnotations() {
    return new AdditionalIndexedClassesBuildItem(
        CacheControl.class.getName(), NeverCache.class.getName(), Invalidates.class.getName());
  }

  // Cache-all (a run-time setting) concerns GETs without restcache's annotations, and the
  // eviction after a write concerns every write: those filters are global, and each request
  // finds its method's rules once. @CacheControl, @NeverCache and @Invalidates concern only
  // the methods that declare them: their filters are bound by name, wherever name binding
  // reaches every declaration (NameBindings).
  @BuildStep
  void filters(
      RestcacheBuildConfig config,
      CombinedIndexBuildItem index,
      BuildProducer<ContainerRequestFilterBuildItem> requestFilters,
      BuildProducer<ContainerResponseFilterBuildItem> responseFilters,
      BuildProducer<WriterInterceptorBuildItem> writerInterceptors) {
    requestFilters.produce(
        new ContainerRequestFilterBuildItem.Builder(LookupFilter.class.getName())
            .setPriority(config.lookupPriority())
            .setRegisterAsBean(true)
            .build());
    // First of all filters, so that Quarkus REST may run it on the event loop before a blocking
    // endpoint's hop to a worker; it looks up only where no other request filter exists.
    requestFilters.produce(
        new ContainerRequestFilterBuildItem.Builder(EarlyLookupFilter.class.getName())
            .setPriority(Integer.MIN_VALUE)
            .setNonBlockingRequired(true)
            .setRegisterAsBean(true)
            .build());
    responseFilters.produce(
        responseFilter(ResourceResponseAdapter.class, RuntimeAdapter.RESOURCE_RESPONSE_PRIORITY));
    responseFilters.produce(
        responseFilter(InvalidationFilter.class, RuntimeAdapter.INVALIDATION_PRIORITY));
    responseFilters.produce(
        boundResponseFilter(
            index.getIndex(),
            InvalidatesResponseFilter.class,
            RuntimeAdapter.INVALIDATES_PRIORITY,
            Invalidates.class));
    responseFilters.produce(
        boundResponseFilter(
            index.getIndex(),
            CacheControlResponseFilter.class,
            RuntimeAdapter.HEADER_RULES_PRIORITY,
            CacheControl.class));
    responseFilters.produce(
        boundResponseFilter(
            index.getIndex(),
            NeverCacheResponseFilter.class,
            RuntimeAdapter.NEVER_CACHE_PRIORITY,
            NeverCache.class));
    responseFilters.produce(
        responseFilter(StoreDecisionFilter.class, RuntimeAdapter.STORE_PRIORITY));
    writerInterceptors.produce(
        new WriterInterceptorBuildItem.Builder(CaptureInterceptor.class.getName())
            .setPriority(RuntimeAdapter.CAPTURE_PRIORITY)
            .setRegisterAsBean(true)
            .build());
    writerInterceptors.produce(
        new WriterInterceptorBuildItem.Builder(CommitInterceptor.class.getName())
            .setPriority(RuntimeAdapter.COMMIT_PRIORITY)
            .setRegisterAsBean(true)
            .build());
  }

  private static ContainerResponseFilterBuildItem responseFilter(Class<?> filter, int priority) {
    return new ContainerResponseFilterBuildItem.Builder(filter.getName())
        .setPriority(priority)
        .setRegisterAsBean(true)
        .build();
  }

  private static ContainerResponseFilterBuildItem boundResponseFilter(
      IndexView index, Class<?> filter, int priority, Class<? extends Annotation> binding) {
    ContainerResponseFilterBuildItem.Builder builder =
        new ContainerResponseFilterBuildItem.Builder(filter.getName());
    if (NameBindings.reachEvery(index, binding)) {
      builder.setNameBindingNames(Set.of(binding.getName()));
    }
    return builder.setPriority(priority).setRegisterAsBean(true).build();
  }

  /**
   * Records the resource methods restcache concerns, so that the runtime resolves their rules at
   * startup, before the first request, and reports a contradiction there rather than on a request.
   * The rules themselves come from core, by reflection, as on Jersey. Hits are sent straight to the
   * connection when nothing of the application would see their JAX-RS response, and looked up
   * before every filter when there is no other request filter ({@link ForeignProviders}).
   */
  @BuildStep
  @Record(ExecutionTime.RUNTIME_INIT)
  ServiceStartBuildItem resolveRules(
      RestcacheRecorder recorder,
      BeanContainerBuildItem beans,
      Optional<ResteasyReactiveResourceMethodEntriesBuildItem> endpoints,
      CombinedIndexBuildItem index,
      List<ContainerRequestFilterBuildItem> requestFilters,
      List<ContainerResponseFilterBuildItem> responseFilters,
      List<WriterInterceptorBuildItem> writerInterceptors) {
    recorder.resolveRules(
        beans.getValue(),
        endpoints
            .map(found -> ConcernedMethods.of(found.getEntries(), index.getIndex()))
            .orElseGet(ArrayList::new),
        ForeignProviders.responseProvider(responseFilters, writerInterceptors, index.getIndex())
            .orElse(null),
        ForeignProviders.requestFilter(requestFilters, index.getIndex()).orElse(null));
    return new ServiceStartBuildItem(FEATURE);
  }

  /**
   * Puts the front's route ahead of Quarkus REST, on the paths it serves. Quarkus REST's route
   * comes after the default route (before it with servlets); the front's comes before the default
   * route, so before Quarkus REST either way, and after every Vert.x filter: Quarkus's HTTP
   * security, CORS and the application's route filters still run for a front hit. Whether it
   * answers anything is a run-time setting ({@code quarkus.restcache.front.enabled}); off, it
   * passes every request on.
   */
  @BuildStep
  @Record(ExecutionTime.RUNTIME_INIT)
  void front(
      RestcacheRecorder recorder,
      BeanContainerBuildItem beans,
      Optional<ResteasyReactiveDeploymentBuildItem> rest,
      BuildProducer<RouteBuildItem> routes) {
    if (rest.isEmpty()) {
      return;
    }
    Handler<RoutingContext> front = recorder.frontRoute(beans.getValue());
    // One prefix route, so that no request meets the front twice; a path of the prefix that
    // Quarkus REST does not serve has no entry, so the front passes it on.
    routes.produce(
        RouteBuildItem.builder()
            .orderedRoute(
                rest.get().getApplicationPath() + "*", RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
            .handler(front)
            .build());
  }

  // The in-process channel the background stale-while-revalidate refresh is dispatched on; the
  // socket is asked for too, since asking for the channel alone closes it in production.
  @BuildStep
  void backgroundRefresh(
      RestcacheBuildConfig config,
      BuildProducer<RequireVirtualHttpBuildItem> virtualHttp,
      BuildProducer<RequireSocketHttpBuildItem> socketHttp) {
    if (config.backgroundRefresh()) {
      virtualHttp.produce(RequireVirtualHttpBuildItem.MARKER);
      socketHttp.produce(RequireSocketHttpBuildItem.MARKER);
    }
  }

  @BuildStep
  void metrics(BuildProducer<AdditionalBeanBuildItem> beans) {
    if (QuarkusClassLoader.isClassPresentAtRuntime(
        "io.quarkus.micrometer.runtime.MicrometerRecorder")) {
      beans.produce(AdditionalBeanBuildItem.unremovableOf(CacheMetrics.class));
    }
  }

  @BuildStep
  void health(Capabilities capabilities, BuildProducer<HealthBuildItem> checks) {
    if (capabilities.isPresent(Capability.SMALLRYE_HEALTH)) {
      checks.produce(new HealthBuildItem(StoreHealthCheck.class.getName(), true));
    }
  }

  /** Fails the build on contradictory annotations, naming every declaration at fault. */
  @BuildStep
  void validateAnnotations(
      CombinedIndexBuildItem combinedIndex,
      BuildProducer<ValidationErrorBuildItem> validationErrors) {
    IndexView index = combinedIndex.getIndex();
    List<String> errors = new ArrayList<>();
    for (AnnotationInstance cached : index.getAnnotations(CACHED)) {
      AnnotationTarget target = cached.target();
      errors.addAll(
          RuntimeAdapter.annotationConflicts(
              describe(target), true, declares(target, NEVER_CACHE), false, false));
    }
    for (AnnotationInstance cacheControl : index.getAnnotations(CACHE_CONTROL)) {
      errors.addAll(
          RuntimeAdapter.annotationConflicts(
              describe(cacheControl.target()),
              false,
              false,
              isTrue(cacheControl.value("isPrivate")),
              isTrue(cacheControl.value("isPublic"))));
    }
    errors.forEach(
        error ->
            validationErrors.produce(new ValidationErrorBuildItem(new DeploymentException(error))));
  }

  private static boolean declares(AnnotationTarget target, DotName annotation) {
    return switch (target.kind()) {
      case METHOD -> target.asMethod().hasDeclaredAnnotation(annotation);
      case CLASS -> target.asClass().hasDeclaredAnnotation(annotation);
      default -> false;
    };
  }

  private static boolean isTrue(AnnotationValue value) {
    return value != null && value.asBoolean();
  }

  private static String describe(AnnotationTarget target) {
    return switch (target.kind()) {
      case METHOD -> target.asMethod().declaringClass().name() + "." + target.asMethod().name();
      case CLASS -> target.asClass().name().toString();
      default -> target.toString();
    };
  }
}
