package dev.restcache.servlet;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Function;

/** A servlet request's field lines by name, as {@code CacheFront.lookup} reads them. */
final class ServletRequestHeaders implements Function<String, List<String>> {
  private final HttpServletRequest request;

  ServletRequestHeaders(HttpServletRequest request) {
    this.request = request;
  }

  /** The lines of the field {@code name} (any case), or null when the request has none. */
  @Override
  public List<String> apply(String name) {
    // Null where the container withholds the fields (Servlet 6.0, getHeaders).
    Enumeration<String> lines = request.getHeaders(name);
    return lines == null || !lines.hasMoreElements() ? null : Collections.list(lines);
  }
}
