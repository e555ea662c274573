package dev.restcache.quarkus.deployment;

import dev.restcache.CacheControl;
import dev.restcache.Cached;
import dev.restcache.Invalidates;
import dev.restcache.NeverCache;
import dev.restcache.quarkus.internal.ResourceMethodFacts;
import dev.restcache.quarkus.internal.ResourceMethodFacts.Concern;
import io.quarkus.resteasy.reactive.server.deployment.ResteasyReactiveResourceMethodEntriesBuildItem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.jboss.resteasy.reactive.common.model.ResourceMethod;

/**
 * The resource methods restcache concerns, read at build time from Quarkus REST's endpoints and the
 * Jandex index: those that declare one of its annotations (or whose class does), the GETs that
 * {@code cache-all} may cache, and the writes whose eviction reads their path template.
 */
final class ConcernedMethods {
  private static final List<DotName> ANNOTATIONS =
      List.of(
          DotName.createSimple(Cached.class),
          DotName.createSimple(NeverCache.class),
          DotName.createSimple(CacheControl.class),
          DotName.createSimple(Invalidates.class));
  // RFC 9110 §9.2.1: every other method may change what a GET of its path answers.
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private ConcernedMethods() {}

  /** The facts of each endpoint restcache concerns, for the runtime to resolve at startup. */
  static List<ResourceMethodFacts> of(
      List<ResteasyReactiveResourceMethodEntriesBuildItem.Entry> endpoints, IndexView index) {
    List<ResourceMethodFacts> concerned = new ArrayList<>();
    for (ResteasyReactiveResourceMethodEntriesBuildItem.Entry endpoint : endpoints) {
      ResourceMethod method = endpoint.getResourceMethod();
      // A sub-resource locator has no HTTP method: the methods it leads to are endpoints too.
      if (method.getHttpMethod() == null) {
        continue;
      }
      Concern concern =
          annotated(endpoint, index)
              ? Concern.ANNOTATED
              : method.getHttpMethod().equals("GET")
                  ? Concern.GET
                  : SAFE_METHODS.contains(method.getHttpMethod()) ? null : Concern.WRITE;
      if (concern != null) {
        concerned.add(
            new ResourceMethodFacts(
                endpoint.getActualClassInfo().name().toString(),
                method.getName(),
                // An ArrayList, which the recorder knows how to rebuild.
                Arrays.stream(method.getParameters())
                    .map(p -> p.declaredUnresolvedType)
                    .collect(Collectors.toList()),
                concern));
      }
    }
    return concerned;
  }

  // Wider than the rules themselves (which read the method as reflection finds it, and its
  // class): a method counted here that has no rules only costs a resolution at startup.
  private static boolean annotated(
      ResteasyReactiveResourceMethodEntriesBuildItem.Entry endpoint, IndexView index) {
    MethodInfo declared = endpoint.getMethodInfo();
    if (declares(declared) || declares(endpoint.getActualClassInfo())) {
      return true;
    }
    for (ClassInfo type = endpoint.getActualClassInfo();
        type != null;
        type = type.superName() == null ? null : index.getClassByName(type.superName())) {
      for (MethodInfo candidate : type.methods()) {
        if (candidate.name().equals(declared.name())
            && candidate.parametersCount() == declared.parametersCount()
            && declares(candidate)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean declares(AnnotationTarget target) {
    return ANNOTATIONS.stream().anyMatch(target::hasDeclaredAnnotation);
  }
}
