package dev.restcache.internal.jaxrs;

import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

/**
 * Finds Jakarta REST annotations where the specification lets them be (§3.6): on the method, or,
 * when the method declares none, on the method it implements in a superclass or interface.
 */
final class JaxrsAnnotations {
  private static final String JAXRS_PACKAGE = Path.class.getPackageName();

  private JaxrsAnnotations() {}

  /** The method whose Jakarta REST annotations apply to {@code method}. */
  static Method declaringMethod(Method method) {
    if (hasJaxrsAnnotations(method)) {
      return method;
    }
    Method inherited = inherited(method.getDeclaringClass(), method);
    return inherited != null ? inherited : method;
  }

  /** {@code type}'s annotation, or its superclasses' or interfaces'; null when none has it. */
  static <A extends Annotation> A onClass(Class<?> type, Class<A> annotation) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      A found = c.getAnnotation(annotation);
      if (found != null) {
        return found;
      }
      for (Class<?> i : c.getInterfaces()) {
        found = i.getAnnotation(annotation);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static Method inherited(Class<?> type, Method method) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Class<?> candidate : supertypes(c)) {
        try {
          Method declared =
              candidate.getDeclaredMethod(method.getName(), method.getParameterTypes());
          if (hasJaxrsAnnotations(declared)) {
            return declared;
          }
        } catch (NoSuchMethodException absent) {
          // Not declared there.
        }
      }
    }
    return null;
  }

  private static Class<?>[] supertypes(Class<?> type) {
    Class<?>[] interfaces = type.getInterfaces();
    Class<?>[] all = new Class<?>[interfaces.length + 1];
    all[0] = type.getSuperclass() == null ? Object.class : type.getSuperclass();
    System.arraycopy(interfaces, 0, all, 1, interfaces.length);
    return all;
  }

  private static boolean hasJaxrsAnnotations(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      if (isJaxrs(annotation)) {
        return true;
      }
    }
    for (Annotation[] parameter : method.getParameterAnnotations()) {
      for (Annotation annotation : parameter) {
        if (isJaxrs(annotation)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isJaxrs(Annotation annotation) {
    String name = annotation.annotationType().getPackageName();
    return name.equals(JAXRS_PACKAGE) || name.startsWith(JAXRS_PACKAGE + ".");
  }
}
