package dev.restcache.internal.jaxrs;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.WARNING;

import dev.restcache.internal.CacheEngine;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A stale-while-revalidate refresh to run through the application in the background: a copy of the
 * request that found the entry stale (its URI, headers and identity, taken while it was being
 * served) and the lookup's decision for it, a {@link CacheEngine.Miss} that leads the entry's fill.
 * The request dispatched for it carries it as a request property, which only code in the same
 * process can set; its lookup then goes to the resource with that decision.
 *
 * <p>The fill is released once, whatever happens: when the refreshed response is stored or refused,
 * when the dispatch ends without reaching the lookup (an application filter refused it), or after
 * the collapse timeout, so that a refresh that hangs never keeps the entry from being refreshed
 * again.
 */
public final class PendingRefresh {
  static final String PROPERTY = "dev.restcache.refresh";

  private static final System.Logger LOG = System.getLogger("dev.restcache");
  // The client's own conditions: the refresh asks with the entry's validators or none, never
  // with the client's, which would get a 304 the cache cannot use.
  private static final Set<String> CLIENT_CONDITIONS =
      Set.of(
          HttpHeaders.IF_NONE_MATCH.toLowerCase(Locale.ROOT),
          HttpHeaders.IF_MODIFIED_SINCE.toLowerCase(Locale.ROOT));

  private final CacheEngine engine;
  private final CacheEngine.Miss miss;
  private final URI baseUri;
  private final URI requestUri;
  private final Map<String, List<String>> headers;
  private final SecurityContext securityContext;
  private volatile boolean takenOver;

  private PendingRefresh(
      CacheEngine engine,
      CacheEngine.Miss miss,
      URI baseUri,
      URI requestUri,
      Map<String, List<String>> headers,
      SecurityContext securityContext) {
    this.engine = engine;
    this.miss = miss;
    this.baseUri = baseUri;
    this.requestUri = requestUri;
    this.headers = headers;
    this.securityContext = securityContext;
  }

  /**
   * Starts {@code refresh} for {@code request}, which is being answered from the stale entry, with
   * the runtime's {@code port}; releases it when it cannot start.
   */
  static void start(
      ContainerRequestContext request,
      CacheEngine engine,
      CacheEngine.Miss refresh,
      BackgroundRefresh port) {
    SecurityContext identity = SecuritySnapshot.of(request.getSecurityContext());
    PendingRefresh pending =
        new PendingRefresh(
            engine,
            refresh,
            request.getUriInfo().getBaseUri(),
            request.getUriInfo().getRequestUri(),
            copyOf(request.getHeaders()),
            identity);
    try {
      if (identity == null) {
        // Who asked cannot be told again: a refresh might run as someone else.
        throw new IllegalStateException("the security context cannot be read");
      }
      port.start(pending);
    } catch (RuntimeException e) {
      LOG.log(WARNING, "stale-while-revalidate refresh not started: " + refresh.primaryKey(), e);
      pending.finished();
      return;
    }
    LOG.log(DEBUG, "refreshing in the background: {0}", refresh.primaryKey());
    long timeout = engine.settings().collapseTimeout().toNanos();
    CompletableFuture.delayedExecutor(timeout, TimeUnit.NANOSECONDS).execute(pending::finished);
  }

  /** The refresh {@code request} was dispatched for; null for any other request. */
  static PendingRefresh of(ContainerRequestContext request) {
    return request.getProperty(PROPERTY) instanceof PendingRefresh pending ? pending : null;
  }

  private static Map<String, List<String>> copyOf(Map<String, List<String>> requestHeaders) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    requestHeaders.forEach(
        (name, values) -> {
          if (values != null && !CLIENT_CONDITIONS.contains(name.toLowerCase(Locale.ROOT))) {
            List<String> lines = new ArrayList<>(values.size());
            values.forEach(value -> lines.add(value == null ? "" : value));
            copy.put(name, List.copyOf(lines));
          }
        });
    return Map.copyOf(copy);
  }

  /**
   * The lookup's decision the refresh goes to the resource with, for the lookup of the request
   * dispatched for it, whose exchange releases the fill from then on.
   */
  CacheEngine.Miss takeOver() {
    takenOver = true;
    return miss;
  }

  /** The application's base URI, as the request that found the entry stale had it. */
  public URI baseUri() {
    return baseUri;
  }

  /** The absolute URI of the request that found the entry stale. */
  public URI requestUri() {
    return requestUri;
  }

  /**
   * That request's headers, every line, less its {@code If-None-Match} and {@code
   * If-Modified-Since}: the refresh asks with the entry's validators instead.
   */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * Who that request's security context said its user was, taken while it was served: the
   * principal, the scheme and whether the connection was secure. It answers no role: the
   * application's own filters establish roles again on the refresh.
   */
  public SecurityContext securityContext() {
    return securityContext;
  }

  /** Marks {@code dispatched}, the copy the runtime dispatches, as this refresh. */
  public void attachTo(ContainerRequestContext dispatched) {
    dispatched.setProperty(PROPERTY, this);
  }

  /**
   * The runtime is done dispatching: releases the fill, unless the dispatched request reached its
   * lookup, whose exchange releases it once the response is stored or refused (a store may still be
   * running). Safe to call more than once.
   */
  public void dispatched() {
    if (!takenOver) {
      finished();
    }
  }

  private void finished() {
    engine.finished(miss.fill());
  }

  /** A security context that keeps what the original one said, not the container's request. */
  private record SecuritySnapshot(
      Principal getUserPrincipal, boolean isSecure, String getAuthenticationScheme)
      implements SecurityContext {

    // The container's context may read its request, which it recycles once the client's
    // response is written; the refresh runs later. Null when the context cannot answer.
    static SecurityContext of(SecurityContext original) {
      if (original == null) {
        return new SecuritySnapshot(null, false, null);
      }
      try {
        return new SecuritySnapshot(
            original.getUserPrincipal(), original.isSecure(), original.getAuthenticationScheme());
      } catch (RuntimeException cannotTell) {
        return null;
      }
    }

    @Override
    public boolean isUserInRole(String role) {
      return false;
    }
  }
}
