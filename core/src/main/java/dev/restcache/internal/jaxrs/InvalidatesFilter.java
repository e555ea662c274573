package dev.restcache.internal.jaxrs;

import static java.lang.System.Logger.Level.WARNING;

import dev.restcache.internal.PathTemplates;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Set;

/**
 * Resolves {@code @Invalidates}' tags and paths after a 2xx or 3xx answer and hands them to the
 * {@link WriteInvalidationFilter}, which runs next, so that one write evicts everything in one
 * round of store operations and waits for a failing store only once.
 */
final class InvalidatesFilter implements ContainerResponseFilter {
  /** The request property holding the {@link Declared} evictions. */
  static final String PROPERTY = "dev.restcache.invalidates";

  private static final System.Logger LOG = System.getLogger("dev.restcache");

  /** The resolved paths and tags of one request's {@code @Invalidates}. */
  record Declared(Set<String> paths, Set<String> tags) {}

  private final List<String> tagTemplates;
  private final List<String> pathTemplates;

  InvalidatesFilter(List<String> tagTemplates, List<String> pathTemplates) {
    this.tagTemplates = tagTemplates;
    this.pathTemplates = pathTemplates;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!WriteInvalidationFilter.succeeded(response.getStatus())) {
      return;
    }
    try {
      MultivaluedMap<String, String> parameters = request.getUriInfo().getPathParameters();
      request.setProperty(
          PROPERTY,
          new Declared(
              PathTemplates.resolveAll(pathTemplates, parameters::getFirst),
              PathTemplates.resolveAll(tagTemplates, parameters::getFirst)));
    } catch (RuntimeException e) {
      LOG.log(WARNING, "@Invalidates could not resolve its templates", e);
    }
  }
}
