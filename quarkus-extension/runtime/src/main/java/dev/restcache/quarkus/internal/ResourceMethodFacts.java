package dev.restcache.quarkus.internal;

import java.util.List;

/**
 * What the build knows of one resource method restcache may concern, recorded for startup: the
 * method as Quarkus REST identifies it, and why restcache concerns it.
 *
 * @param resourceClass the resource class Quarkus REST serves the method for
 * @param name the method's name
 * @param parameterTypes its parameter types, as Quarkus REST names them to load them
 * @param concern why restcache concerns it
 */
public record ResourceMethodFacts(
    String resourceClass, String name, List<String> parameterTypes, Concern concern) {

  /** Why restcache concerns a resource method, which says whether its rules are resolved. */
  public enum Concern {
    /** It, or its class, declares one of restcache's annotations: always resolved. */
    ANNOTATED,
    /** A GET without them: cached only with {@code quarkus.restcache.cache-all}. */
    GET,
    /**
     * An unsafe method without them: its path template lets the eviction after it find every
     * spelling of the path.
     */
    WRITE;

    /** Whether a method of this concern has rules to resolve under {@code cacheAll}. */
    public boolean resolvedWith(boolean cacheAll) {
      return this != GET || cacheAll;
    }
  }
}
