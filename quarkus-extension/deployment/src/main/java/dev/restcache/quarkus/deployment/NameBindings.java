package dev.restcache.quarkus.deployment;

import java.lang.annotation.Annotation;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

/**
 * Whether Quarkus REST's name binding reaches every declaration of one of restcache's annotations.
 * It binds a method by the annotations of the declaration that carries its Jakarta REST
 * annotations, and its class's; restcache, as on Jersey, reads the method the resource class
 * implements. A method that takes its Jakarta REST annotations from an interface or a superclass
 * (it declares none of its own, Jakarta REST §3.6) keeps its own restcache annotations out of the
 * binding, so a filter for such an annotation stays global.
 */
final class NameBindings {
  private static final String JAKARTA_REST = "jakarta.ws.rs.";

  private NameBindings() {}

  /** Whether the filter of {@code annotation} may be bound by name in the indexed application. */
  static boolean reachEvery(IndexView index, Class<? extends Annotation> annotation) {
    for (AnnotationInstance instance : index.getAnnotations(DotName.createSimple(annotation))) {
      if (instance.target().kind() == AnnotationTarget.Kind.METHOD
          && !declaresJakartaRest(instance.target().asMethod())) {
        return false;
      }
    }
    return true;
  }

  // On the method or its parameters, as Jakarta REST §3.6 counts them.
  private static boolean declaresJakartaRest(MethodInfo method) {
    return method.annotations().stream()
        .anyMatch(annotation -> annotation.name().toString().startsWith(JAKARTA_REST));
  }
}
