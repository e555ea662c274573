package dev.restcache.servlet;

import dev.restcache.CacheFront;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.RuntimeAdapter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The front for servlet containers (Tomcat, Jetty, Undertow, WildFly, Open Liberty, TomEE): a
 * filter in front of the Jakarta REST servlet that answers a GET or HEAD from a fresh entry the
 * application marked {@code public} or gave {@code s-maxage}, without calling the rest of the
 * chain, as a reverse proxy in front of the application would. Every other request goes on down the
 * chain unchanged, to the application and its own lookup. See {@link CacheFront} for what it
 * answers.
 *
 * <p>Register one instance per application, with the feature the application registered, mapped to
 * the application's paths for {@link DispatcherType#REQUEST} and marked async-supported (it never
 * starts async processing itself, but a filter that is not async-supported forbids it to the
 * servlet behind it):
 *
 * <pre>{@code
 * FilterRegistration.Dynamic front =
 *     servletContext.addFilter("restcache-front", new CacheFrontFilter(feature));
 * front.setAsyncSupported(true);
 * front.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
 * }</pre>
 *
 * <p>A lookup that waits for a remote store (Hazelcast) blocks the request's thread, as the
 * application's own lookup would; past {@code maxWait} the request goes on to the application.
 */
public final class CacheFrontFilter implements Filter {
  /** How long a request waits for its lookup by default before going on to the application. */
  public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(1);

  private static final System.Logger LOG = System.getLogger("dev.restcache");

  private final CacheFront front;
  private final long maxWaitNanos;

  /**
   * A filter that serves {@code feature}'s public entries, waiting at most {@link
   * #DEFAULT_MAX_WAIT} for a lookup.
   *
   * @param feature the feature the application behind this filter registered, built with {@code
   *     front(true)}
   * @throws IllegalArgumentException when the feature was built without {@code front(true)}
   */
  public CacheFrontFilter(ResponseCacheFeature feature) {
    this(feature, DEFAULT_MAX_WAIT);
  }

  /**
   * A filter that serves {@code feature}'s public entries, waiting at most {@code maxWait} for a
   * lookup.
   *
   * @param feature the feature the application behind this filter registered, built with {@code
   *     front(true)}
   * @param maxWait how long a request waits for its lookup before going on to the application; more
   *     than zero. The feature's store timeout already bounds each store read; this bounds the
   *     whole lookup.
   * @throws IllegalArgumentException when the feature was built without {@code front(true)}, or
   *     {@code maxWait} is not positive
   */
  public CacheFrontFilter(ResponseCacheFeature feature, Duration maxWait) {
    this.front =
        CacheFront.of(feature)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "CacheFrontFilter needs a ResponseCacheFeature built with front(true)"));
    if (maxWait.isNegative() || maxWait.isZero()) {
      throw new IllegalArgumentException("maxWait must be positive: " + maxWait);
    }
    this.maxWaitNanos = maxWait.toNanos();
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request instanceof HttpServletRequest http
        && response instanceof HttpServletResponse httpResponse
        && http.getDispatcherType() == DispatcherType.REQUEST) {
      RuntimeAdapter.Replay replay = lookUp(http);
      if (replay != null) {
        ReplayWriter.send(replay, "HEAD".equals(http.getMethod()), httpResponse);
        return;
      }
    }
    chain.doFilter(request, response);
  }

  // The hit for the request, or null. Never fails: whatever goes wrong, the application answers.
  private RuntimeAdapter.Replay lookUp(HttpServletRequest request) {
    String method = request.getMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      return null;
    }
    String query = request.getQueryString();
    try {
      return front
          .lookup(
              method,
              request.getScheme(),
              HostField.authorityOf(request),
              query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query,
              new ServletRequestHeaders(request))
          .get(maxWaitNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (TimeoutException e) {
      LOG.log(System.Logger.Level.DEBUG, "front: no answer from the store in time, passed on");
      return null;
    } catch (ExecutionException | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "front: lookup failed, request passed on", e);
      return null;
    }
  }
}
