package dev.restcache.cxf;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * An application response filter that adds a field with a null value, named by the request's {@code
 * X-Null-Field}: CXF sends such a field with an empty value.
 */
@Provider
public class NullFieldFilter implements ContainerResponseFilter {
  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    String name = request.getHeaderString("X-Null-Field");
    if (name != null && !name.isBlank()) {
      response.getHeaders().add(name, null);
    }
  }
}
