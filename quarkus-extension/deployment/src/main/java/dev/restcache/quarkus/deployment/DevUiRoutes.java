package dev.restcache.quarkus.deployment;

import dev.restcache.CacheControl;
import dev.restcache.Cached;
import dev.restcache.Invalidates;
import dev.restcache.NeverCache;
import dev.restcache.quarkus.internal.DevUiRouteFacts;
import io.quarkus.resteasy.reactive.server.deployment.ResteasyReactiveResourceMethodEntriesBuildItem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.DotName;
import org.jboss.resteasy.reactive.common.model.ResourceMethod;

/**
 * The routes the Dev UI lists, read at build time from Quarkus REST's endpoints and the annotations
 * they and their classes declare (a method's own annotation wins over its class's).
 */
final class DevUiRoutes {
  private static final DotName CACHED = DotName.createSimple(Cached.class);
  private static final DotName CACHE_CONTROL = DotName.createSimple(CacheControl.class);
  private static final DotName NEVER_CACHE = DotName.createSimple(NeverCache.class);
  private static final DotName INVALIDATES = DotName.createSimple(Invalidates.class);

  private DevUiRoutes() {}

  static List<DevUiRouteFacts> of(
      List<ResteasyReactiveResourceMethodEntriesBuildItem.Entry> endpoints) {
    // ArrayLists throughout, which the recorder knows how to rebuild.
    List<DevUiRouteFacts> routes = new ArrayList<>();
    for (ResteasyReactiveResourceMethodEntriesBuildItem.Entry endpoint : endpoints) {
      ResourceMethod method = endpoint.getResourceMethod();
      if (method.getHttpMethod() == null) {
        continue;
      }
      Optional<AnnotationInstance> cached = annotation(endpoint, CACHED);
      Optional<AnnotationInstance> invalidates = annotation(endpoint, INVALIDATES);
      List<String> evicted = new ArrayList<>();
      invalidates.ifPresent(
          found -> {
            strings(found.value("tags")).forEach(tag -> evicted.add("tag:" + tag));
            strings(found.value("paths")).forEach(path -> evicted.add("path:" + path));
          });
      routes.add(
          new DevUiRouteFacts(
              method.getHttpMethod(),
              path(endpoint.getBasicResourceClassInfo().getPath(), method.getPath()),
              endpoint.getActualClassInfo().name() + "." + method.getName(),
              cached.isPresent(),
              cached
                  .map(found -> found.value("ttl"))
                  .map(AnnotationValue::asLong)
                  .orElse(Cached.DEFAULT_TTL),
              cached.map(found -> strings(found.value("tags"))).orElseGet(ArrayList::new),
              cached.map(found -> strings(found.value("vary"))).orElseGet(ArrayList::new),
              annotation(endpoint, CACHE_CONTROL)
                  .map(DevUiRoutes::directives)
                  .orElseGet(ArrayList::new),
              annotation(endpoint, NEVER_CACHE).isPresent(),
              evicted));
    }
    return routes;
  }

  private static Optional<AnnotationInstance> annotation(
      ResteasyReactiveResourceMethodEntriesBuildItem.Entry endpoint, DotName name) {
    AnnotationInstance own = endpoint.getMethodInfo().declaredAnnotation(name);
    return Optional.ofNullable(
        own != null ? own : endpoint.getActualClassInfo().declaredAnnotation(name));
  }

  private static List<String> directives(AnnotationInstance cacheControl) {
    List<String> set = new ArrayList<>();
    for (AnnotationValue value : cacheControl.values()) {
      set.add(value.name() + "=" + value.value());
    }
    return set;
  }

  private static List<String> strings(AnnotationValue value) {
    return value == null
        ? new ArrayList<>()
        : new ArrayList<>(Arrays.asList(value.asStringArray()));
  }

  private static String path(String classPath, String methodPath) {
    String joined =
        (classPath == null ? "" : classPath) + "/" + (methodPath == null ? "" : methodPath);
    String collapsed = joined.replaceAll("/+", "/");
    return collapsed.length() > 1 && collapsed.endsWith("/")
        ? collapsed.substring(0, collapsed.length() - 1)
        : collapsed;
  }
}
