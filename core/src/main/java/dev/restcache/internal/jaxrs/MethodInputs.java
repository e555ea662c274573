package dev.restcache.internal.jaxrs;

import dev.restcache.Cached;
import dev.restcache.internal.NamePatterns;
import dev.restcache.internal.ParameterSpelling;
import dev.restcache.internal.ResourcePath;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.SecurityContext;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * What a resource method's response can depend on beyond its URI, read once from its declaration:
 * the request headers and cookies it reads, whether it reads who the user is, whether the container
 * chooses its media type from {@code Accept}, and its path template. The same rules hold on every
 * runtime, since they come from the Jakarta REST annotations alone.
 *
 * @param headers lower-case request headers to key on and add to {@code Vary}
 * @param cookies cookies to key on by value, sorted: every one it reads (an identifying one also
 *     makes the request credentialed, but a page marked public that greets the user by his session
 *     cookie must still never reach another user)
 * @param personalised whether it injects the {@code SecurityContext} ({@code @Context}), or with
 *     {@code @Inject} a {@code Principal} (a MicroProfile {@code JsonWebToken}), Jakarta Security's
 *     {@code SecurityContext} or Quarkus's {@code SecurityIdentity}, without
 *     {@code @Cached(identityIndependent = true)}
 * @param resourcePath its path template with the canonical spelling of its typed parameters; null
 *     when no parameter has one
 * @param warnings what it reads that restcache cannot key, one line each, naming the method
 */
record MethodInputs(
    Set<String> headers,
    List<String> cookies,
    boolean personalised,
    ResourcePath resourcePath,
    List<String> warnings) {

  /** Headers {@code Request.selectVariant} and {@code HttpHeaders} negotiate on. */
  static final List<String> NEGOTIATION_HEADERS =
      List.of("accept", "accept-charset", "accept-encoding", "accept-language");

  // Injectable types that hand the method every request header; named, not loaded, since the
  // servlet API may be absent.
  private static final Set<String> OPAQUE_REQUEST_TYPES =
      Set.of(
          "jakarta.ws.rs.container.ContainerRequestContext",
          "jakarta.servlet.http.HttpServletRequest",
          "jakarta.servlet.ServletRequest");
  // Types that tell who the user is when CDI injects them (@Inject), named since the APIs may be
  // absent: Jakarta Security's context, Quarkus's identity, MicroProfile JWT (a Principal).
  private static final Set<String> IDENTITY_TYPES =
      Set.of(
          "jakarta.security.enterprise.SecurityContext",
          "io.quarkus.security.identity.SecurityIdentity");
  private static final String INJECT = "jakarta.inject.Inject";
  private static final int MAX_BEAN_DEPTH = 4;

  static MethodInputs of(
      Method method, Class<?> resourceClass, Cached cached, NamePatterns anonymousCookies) {
    Method declared = JaxrsAnnotations.declaringMethod(method);
    Reads reads = Reads.of(declared, resourceClass);
    String where = resourceClass.getName() + "." + method.getName();
    boolean declaresVary = cached != null && cached.vary().length > 0;
    Set<String> headers = new TreeSet<>(reads.headers);
    List<String> warnings = new ArrayList<>();
    if (negotiatesMediaType(declared, resourceClass)) {
      headers.add("accept");
    }
    if (reads.request || reads.httpHeaders) {
      headers.addAll(NEGOTIATION_HEADERS);
    }
    if (reads.httpHeaders) {
      // HttpHeaders hands over every cookie: a page marked public that reads a session cookie
      // through it must stay that session's.
      headers.add("cookie");
    }
    if (reads.httpHeaders && !declaresVary) {
      warnings.add(
          "restcache: "
              + where
              + " reads @Context HttpHeaders; only Accept,"
              + " Accept-Charset, Accept-Encoding, Accept-Language and Cookie are keyed for it:"
              + " name every other header it reads in @Cached(vary = ...)");
    }
    if (reads.opaque != null && !declaresVary) {
      warnings.add(
          "restcache: "
              + where
              + " reads @Context "
              + reads.opaque
              + ", whose headers restcache cannot see: name the headers it reads in"
              + " @Cached(vary = ...)");
    }
    List<String> cookies = List.copyOf(new TreeSet<>(reads.cookies));
    boolean personalised =
        reads.securityContext && (cached == null || !cached.identityIndependent());
    return new MethodInputs(
        Set.copyOf(headers),
        cookies,
        personalised,
        resourcePath(declared, resourceClass, reads.pathParameterTypes),
        List.copyOf(warnings));
  }

  // The container chooses among several media types, or any type a writer offers, by Accept;
  // and among several GET methods of one path by their @Produces.
  private static boolean negotiatesMediaType(Method method, Class<?> resourceClass) {
    List<String> produced = produces(method, resourceClass);
    if (produced.size() != 1 || produced.get(0).contains("*")) {
      return true;
    }
    String path = methodPath(method);
    for (Method other : resourceClass.getMethods()) {
      Method sibling = JaxrsAnnotations.declaringMethod(other);
      if (!other.equals(method)
          && !sibling.equals(method)
          && sibling.isAnnotationPresent(GET.class)
          && Objects.equals(normalise(methodPath(sibling)), normalise(path))) {
        return true;
      }
    }
    return false;
  }

  private static List<String> produces(Method method, Class<?> resourceClass) {
    Produces produces = method.getAnnotation(Produces.class);
    if (produces == null) {
      produces = JaxrsAnnotations.onClass(resourceClass, Produces.class);
    }
    List<String> types = new ArrayList<>();
    if (produces != null) {
      for (String value : produces.value()) {
        for (String type : value.split(",")) {
          if (!type.isBlank()) {
            types.add(type.trim());
          }
        }
      }
    }
    return types;
  }

  private static String methodPath(Method method) {
    Path path = method.getAnnotation(Path.class);
    return path == null ? "" : path.value();
  }

  private static String normalise(String path) {
    String trimmed = path.replaceAll("^/+|/+$", "");
    // A parameter's name and regex do not change which requests a template matches by much;
    // treating {id} and {key} alike errs towards keying on Accept.
    return trimmed.replaceAll("\\{[^}]*}", "{}");
  }

  /**
   * The template of any resource method, read or write, with the canonical spelling of its typed
   * path parameters; null when it has none.
   */
  static ResourcePath resourcePath(Method method, Class<?> resourceClass) {
    Method declared = JaxrsAnnotations.declaringMethod(method);
    return resourcePath(
        declared, resourceClass, Reads.of(declared, resourceClass).pathParameterTypes);
  }

  private static ResourcePath resourcePath(
      Method method, Class<?> resourceClass, Map<String, Class<?>> parameterTypes) {
    Map<String, UnaryOperator<String>> spellings = new HashMap<>();
    parameterTypes.forEach(
        (name, type) -> {
          UnaryOperator<String> spelling = ParameterSpelling.forType(type);
          if (spelling != null) {
            spellings.put(name, spelling);
          }
        });
    if (spellings.isEmpty()) {
      return null;
    }
    Path classPath = JaxrsAnnotations.onClass(resourceClass, Path.class);
    String template = "/" + (classPath == null ? "" : classPath.value()) + "/" + methodPath(method);
    return ResourcePath.of(template.replaceAll("/{2,}", "/"), spellings);
  }

  /** What the method, its bean parameters and its resource class inject. */
  private static final class Reads {
    final Set<String> headers = new HashSet<>();
    final Set<String> cookies = new HashSet<>();
    final Map<String, Class<?>> pathParameterTypes = new HashMap<>();
    boolean securityContext;
    boolean httpHeaders;
    boolean request;
    String opaque;

    static Reads of(Method declared, Class<?> resourceClass) {
      Reads reads = new Reads();
      for (java.lang.reflect.Parameter parameter : declared.getParameters()) {
        reads.element(parameter, parameter.getType(), 0);
      }
      reads.resourceClass(resourceClass);
      return reads;
    }

    void resourceClass(Class<?> type) {
      for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
        members(c, 0);
      }
      for (Constructor<?> constructor : type.getDeclaredConstructors()) {
        boolean injected = annotatedWith(constructor, INJECT);
        for (java.lang.reflect.Parameter parameter : constructor.getParameters()) {
          element(parameter, parameter.getType(), 0);
          securityContext |= injected && isIdentity(parameter.getType());
        }
      }
    }

    // Fields and single-argument setters, which Jakarta REST injects per request too.
    void members(Class<?> type, int depth) {
      for (Field field : type.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers())) {
          element(field, field.getType(), depth);
        }
      }
      for (Method setter : type.getDeclaredMethods()) {
        if (setter.getParameterCount() == 1 && !Modifier.isStatic(setter.getModifiers())) {
          element(setter, setter.getParameterTypes()[0], depth);
        }
      }
    }

    void element(AnnotatedElement element, Class<?> type, int depth) {
      HeaderParam header = element.getAnnotation(HeaderParam.class);
      if (header != null) {
        headers.add(header.value().trim().toLowerCase(Locale.ROOT));
      }
      CookieParam cookie = element.getAnnotation(CookieParam.class);
      if (cookie != null) {
        cookies.add(cookie.value());
      }
      PathParam path = element.getAnnotation(PathParam.class);
      if (path != null) {
        pathParameterTypes.putIfAbsent(path.value(), type);
      }
      if (element.isAnnotationPresent(BeanParam.class) && depth < MAX_BEAN_DEPTH) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
          members(c, depth + 1);
        }
      }
      if (element.isAnnotationPresent(Context.class)) {
        context(type);
      }
      securityContext |= annotatedWith(element, INJECT) && isIdentity(type);
    }

    private static boolean annotatedWith(AnnotatedElement element, String annotation) {
      for (java.lang.annotation.Annotation present : element.getAnnotations()) {
        if (present.annotationType().getName().equals(annotation)) {
          return true;
        }
      }
      return false;
    }

    private static boolean isIdentity(Class<?> type) {
      return Principal.class.isAssignableFrom(type)
          || SecurityContext.class.isAssignableFrom(type)
          || IDENTITY_TYPES.contains(type.getName());
    }

    private void context(Class<?> type) {
      if (SecurityContext.class.isAssignableFrom(type)) {
        securityContext = true;
      } else if (HttpHeaders.class.isAssignableFrom(type)) {
        httpHeaders = true;
      } else if (Request.class.isAssignableFrom(type)) {
        request = true;
      } else if (isOpaque(type)) {
        opaque = type.getSimpleName();
      }
    }

    private static boolean isOpaque(Class<?> type) {
      return OPAQUE_REQUEST_TYPES.contains(type.getName());
    }
  }
}
