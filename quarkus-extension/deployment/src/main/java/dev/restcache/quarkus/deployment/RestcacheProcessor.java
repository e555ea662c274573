package dev.restcache.quarkus.deployment;

import dev.restcache.CacheControl;
import dev.restcache.Cached;
import dev.restcache.NeverCache;
import dev.restcache.RuntimeAdapter;
import dev.restcache.quarkus.RestcacheBuildConfig;
import dev.restcache.quarkus.internal.CacheMetrics;
import dev.restcache.quarkus.internal.CacheRuntime;
import dev.restcache.quarkus.internal.CaptureInterceptor;
import dev.restcache.quarkus.internal.CommitInterceptor;
import dev.restcache.quarkus.internal.HazelcastStores;
import dev.restcache.quarkus.internal.HeaderRulesFilter;
import dev.restcache.quarkus.internal.InvalidationFilter;
import dev.restcache.quarkus.internal.LookupFilter;
import dev.restcache.quarkus.internal.ResourceResponseAdapter;
import dev.restcache.quarkus.internal.StoreDecisionFilter;
import dev.restcache.quarkus.internal.StoreHealthCheck;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem.ValidationErrorBuildItem;
import io.quarkus.bootstrap.classloading.QuarkusClassLoader;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.resteasy.reactive.spi.ContainerRequestFilterBuildItem;
import io.quarkus.resteasy.reactive.spi.ContainerResponseFilterBuildItem;
import io.quarkus.resteasy.reactive.spi.WriterInterceptorBuildItem;
import io.quarkus.smallrye.health.deployment.spi.HealthBuildItem;
import io.quarkus.vertx.http.deployment.RequireSocketHttpBuildItem;
import io.quarkus.vertx.http.deployment.RequireVirtualHttpBuildItem;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;

/**
 * Wires restcache into a Quarkus REST application at build time: its filters and interceptor,
 * its beans, the optional metrics and health check, and the checks that reject contradictory
 * annotations before the application starts.
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
  void beans(BuildProducer<AdditionalBeanBuildItem> beans) {
    beans.produce(AdditionalBeanBuildItem.unremovableOf(CacheRuntime.class));
    beans.produce(AdditionalBeanBuildItem.unremovableOf(HazelcastStores.class));
  }

  // Registered for every resource method: each filter asks the cache which of restcache's rules
  // apply to the method it runs for, because cache-all and write eviction concern methods
  // without restcache's annotations too.
  @BuildStep
  void filters(RestcacheBuildConfig config,
      BuildProducer<ContainerRequestFilterBuildItem> requestFilters,
      BuildProducer<ContainerResponseFilterBuildItem> responseFilters,
      BuildProducer<WriterInterceptorBuildItem> writerInterceptors) {
    requestFilters.produce(new ContainerRequestFilterBuildItem.Builder(LookupFilter.class.getName())
        .setPriority(config.lookupPriority()).setRegisterAsBean(true).build());
    responseFilters.produce(responseFilter(ResourceResponseAdapter.class,
        RuntimeAdapter.RESOURCE_RESPONSE_PRIORITY));
    responseFilters.produce(responseFilter(InvalidationFilter.class,
        RuntimeAdapter.INVALIDATION_PRIORITY));
    responseFilters.produce(responseFilter(HeaderRulesFilter.class,
        RuntimeAdapter.HEADER_RULES_PRIORITY));
    responseFilters.produce(responseFilter(StoreDecisionFilter.class,
        RuntimeAdapter.STORE_PRIORITY));
    writerInterceptors.produce(
        new WriterInterceptorBuildItem.Builder(CaptureInterceptor.class.getName())
            .setPriority(RuntimeAdapter.CAPTURE_PRIORITY).setRegisterAsBean(true).build());
    writerInterceptors.produce(
        new WriterInterceptorBuildItem.Builder(CommitInterceptor.class.getName())
            .setPriority(RuntimeAdapter.COMMIT_PRIORITY).setRegisterAsBean(true).build());
  }

  private static ContainerResponseFilterBuildItem responseFilter(Class<?> filter, int priority) {
    return new ContainerResponseFilterBuildItem.Builder(filter.getName())
        .setPriority(priority).setRegisterAsBean(true).build();
  }

  // The in-process channel the background stale-while-revalidate refresh is dispatched on; the
  // socket is asked for too, since asking for the channel alone closes it in production.
  @BuildStep
  void backgroundRefresh(RestcacheBuildConfig config,
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
  void validateAnnotations(CombinedIndexBuildItem combinedIndex,
      BuildProducer<ValidationErrorBuildItem> validationErrors) {
    IndexView index = combinedIndex.getIndex();
    List<String> errors = new ArrayList<>();
    for (AnnotationInstance cached : index.getAnnotations(CACHED)) {
      AnnotationTarget target = cached.target();
      errors.addAll(RuntimeAdapter.annotationConflicts(describe(target), true,
          declares(target, NEVER_CACHE), false, false));
    }
    for (AnnotationInstance cacheControl : index.getAnnotations(CACHE_CONTROL)) {
      errors.addAll(RuntimeAdapter.annotationConflicts(describe(cacheControl.target()), false,
          false, isTrue(cacheControl.value("isPrivate")),
          isTrue(cacheControl.value("isPublic"))));
    }
    errors.forEach(error ->
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
