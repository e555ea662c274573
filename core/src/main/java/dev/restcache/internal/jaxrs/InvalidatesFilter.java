package dev.restcache.internal.jaxrs;

import static java.lang.System.Logger.Level.WARNING;

import dev.restcache.internal.CacheEngine;
import dev.restcache.internal.PathTemplates;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;

/** Evicts {@code @Invalidates}' tags and paths after a 2xx or 3xx answer. */
final class InvalidatesFilter implements ContainerResponseFilter {
  private static final System.Logger LOG = System.getLogger("dev.restcache");

  private final CacheEngine engine;
  private final List<String> tagTemplates;
  private final List<String> pathTemplates;

  InvalidatesFilter(CacheEngine engine, List<String> tagTemplates, List<String> pathTemplates) {
    this.engine = engine;
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
      engine.invalidateTags(PathTemplates.resolveAll(tagTemplates, parameters::getFirst));
      PathTemplates.resolveAll(pathTemplates, parameters::getFirst)
          .forEach(engine::invalidatePath);
    } catch (RuntimeException e) {
      LOG.log(WARNING, "@Invalidates eviction failed", e);
    }
  }
}
