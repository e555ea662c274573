package dev.restcache.internal.jaxrs;

import static java.lang.System.Logger.Level.WARNING;

import dev.restcache.RequestSuspension;
import dev.restcache.internal.CacheEngine;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * After a successful (2xx or 3xx) unsafe request, evicts every entry of its path and of the
 * same-origin paths in {@code Location} and {@code Content-Location} (RFC 9111 §4.4), together with
 * what {@code @Invalidates} declared. Runs before the response is written, so the client that made
 * the change never reads the old state.
 */
public final class WriteInvalidationFilter implements ContainerResponseFilter {
  private static final System.Logger LOG = System.getLogger("dev.restcache");
  // RFC 9110 §9.2.1.
  private static final Set<String> SAFE_METHODS =
      Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, "TRACE");

  private static final CompletableFuture<Void> EVICTED = CompletableFuture.completedFuture(null);

  private final CacheEngine engine;

  /** The filter evicting through {@code engine}. */
  public WriteInvalidationFilter(CacheEngine engine) {
    this.engine = engine;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    filter(request, response, null);
  }

  /**
   * As {@link #filter}; where the store does not evict at once, suspends the request with {@code
   * suspension} instead of waiting on this thread, and resumes it once the store has evicted (or
   * the store timeout passed).
   *
   * @param suspension how the runtime suspends the request; null to wait on this thread
   */
  public void filter(
      ContainerRequestContext request,
      ContainerResponseContext response,
      RequestSuspension suspension) {
    CompletableFuture<Void> evicting = evict(request, response);
    Continuation.after(evicting, suspension, evicting::join);
  }

  // Completes once the store has evicted; never exceptionally.
  private CompletableFuture<Void> evict(
      ContainerRequestContext request, ContainerResponseContext response) {
    InvalidatesFilter.Declared declared =
        (InvalidatesFilter.Declared) request.getProperty(InvalidatesFilter.PROPERTY);
    boolean write = !SAFE_METHODS.contains(request.getMethod()) && succeeded(response.getStatus());
    if (!write && declared == null) {
      return EVICTED;
    }
    try {
      Set<String> paths = new LinkedHashSet<>();
      if (write) {
        URI requestUri = request.getUriInfo().getRequestUri();
        paths.add(requestUri.getRawPath());
        sameOriginPath(requestUri, response.getHeaderString(HttpHeaders.LOCATION), paths);
        sameOriginPath(requestUri, response.getHeaderString(HttpHeaders.CONTENT_LOCATION), paths);
      }
      if (declared != null) {
        paths.addAll(declared.paths());
      }
      return engine.invalidate(paths, declared == null ? Set.of() : declared.tags());
    } catch (RuntimeException e) {
      LOG.log(WARNING, "invalidation after " + request.getMethod() + " failed", e);
      return EVICTED;
    }
  }

  /**
   * Whether {@link #filter} may evict anything for {@code request}: an unsafe method, or evictions
   * {@code @Invalidates} declared (which its filter, running first, recorded).
   */
  public static boolean mayEvict(ContainerRequestContext request) {
    return !SAFE_METHODS.contains(request.getMethod())
        || request.getProperty(InvalidatesFilter.PROPERTY) != null;
  }

  static boolean succeeded(int status) {
    Response.Status.Family family = Response.Status.Family.familyOf(status);
    return family == Response.Status.Family.SUCCESSFUL
        || family == Response.Status.Family.REDIRECTION;
  }

  private static void sameOriginPath(URI requestUri, String location, Set<String> paths) {
    if (location == null || location.isBlank()) {
      return;
    }
    URI target;
    try {
      target = requestUri.resolve(location.trim());
    } catch (IllegalArgumentException malformed) {
      return;
    }
    // RFC 9111 §4.4: a cache must not invalidate for a Location of another origin.
    if (Objects.equals(lower(target.getScheme()), lower(requestUri.getScheme()))
        && Objects.equals(lower(target.getHost()), lower(requestUri.getHost()))
        && target.getPort() == requestUri.getPort()) {
      paths.add(target.getRawPath());
    }
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }
}
