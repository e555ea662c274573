package dev.restcache.internal.jaxrs;

import static java.lang.System.Logger.Level.WARNING;

import dev.restcache.RequestDirectives;
import dev.restcache.RequestSuspension;
import dev.restcache.RuntimeAdapter;
import dev.restcache.internal.CacheEngine;
import dev.restcache.internal.CacheRequest;
import dev.restcache.internal.Credentials;
import dev.restcache.internal.ForwardReason;
import dev.restcache.internal.HitReplay;
import dev.restcache.internal.NotStoredReason;
import dev.restcache.internal.PathTemplates;
import dev.restcache.internal.StoredResponse;
import dev.restcache.internal.http.CacheDirectives;
import dev.restcache.internal.http.CacheStatus;
import dev.restcache.internal.http.RequestTarget;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Answers a GET or HEAD from the cache when it can; otherwise lets the request through with a
 * {@link CacheExchange} that the response side completes. Its priority is the feature's lookup
 * priority, by default after every request filter of the application, so a hit skips none of them.
 */
public final class CacheLookupFilter implements ContainerRequestFilter {
  /** The request property of the runtime's {@link RuntimeAdapter.HitWriter}, when offered. */
  public static final String HIT_WRITER = "dev.restcache.hitWriter";

  /** The request property of the {@link RequestTarget} the runtime read, when offered. */
  public static final String REQUEST_TARGET = "dev.restcache.requestTarget";

  private static final System.Logger LOG = System.getLogger("dev.restcache");

  private final CacheEngine engine;
  private final CachedRoute route;
  // @CacheControl's filter merges its directives into every response, hits included: only
  // without it may a hit skip the JAX-RS response.
  private final boolean hitsSentAsStored;

  CacheLookupFilter(CacheEngine engine, CachedRoute route, boolean hitsSentAsStored) {
    this.engine = engine;
    this.route = route;
    this.hitsSentAsStored = hitsSentAsStored;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    filter(request, null);
  }

  /**
   * As {@link #filter}, without making the thread wait for the store: when the lookup cannot answer
   * at once (a remote store, or another request filling the same entry), the request is suspended
   * with {@code suspension} and resumed once the lookup has answered.
   *
   * @param suspension how the runtime suspends the request; null to wait on this thread
   */
  public void filter(ContainerRequestContext request, RequestSuspension suspension) {
    // Jersey shows a HEAD routed to a GET method as GET here; both read the GET entry.
    String method = request.getMethod();
    if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
      return;
    }
    // The runtime's glue puts its background refresh on the request, where it can run one.
    BackgroundRefresh port =
        request.getProperty(BackgroundRefresh.PROPERTY) instanceof BackgroundRefresh dispatcher
            ? dispatcher
            : null;
    CacheRequest facts;
    CompletableFuture<CacheEngine.Lookup> found;
    try {
      facts = facts(request, port != null);
      PendingRefresh refresh = PendingRefresh.of(request);
      if (refresh != null) {
        // Dispatched in the background to refresh a stale entry: the lookup that found it
        // decided.
        found = CompletableFuture.completedFuture(refresh.takeOver());
      } else if (route.personalised() && facts.credentials() != Credentials.NONE) {
        found =
            CompletableFuture.completedFuture(new CacheEngine.Bypass(NotStoredReason.PERSONALISED));
      } else {
        found = engine.lookup(facts, () -> route.resourcePath(facts.target().rawPath()));
      }
    } catch (RuntimeException e) {
      LOG.log(WARNING, "lookup failed, serving without the cache", e);
      return;
    }
    Continuation.after(found, suspension, () -> applyOrBypass(request, facts, found, port));
  }

  private CacheRequest facts(ContainerRequestContext request, boolean refreshableInBackground) {
    Function<String, List<String>> header = headersOf(request);
    // A runtime's absolute URI can be costly to build (Quarkus REST parses and normalises one
    // for each call); one that read the target off the connection offers it.
    RequestTarget target =
        request.getProperty(REQUEST_TARGET) instanceof RequestTarget offered
            ? offered
            : RequestTarget.of(request.getUriInfo().getRequestUri());
    return new CacheRequest(
        target,
        header,
        engine.credentials(header).and(Principals.of(request)),
        engine.settings().requestDirectives() == RequestDirectives.HONOR
            ? CacheDirectives.forRequest(header.apply("cache-control"), header.apply("pragma"))
            : CacheDirectives.NONE,
        engine.now(),
        refreshableInBackground);
  }

  // A lookup that failed, or a failure to act on it, serves the request without the cache;
  // a fill it leads is released at once, so that nobody waits for it.
  private void applyOrBypass(
      ContainerRequestContext request,
      CacheRequest facts,
      CompletableFuture<CacheEngine.Lookup> found,
      BackgroundRefresh port) {
    CacheEngine.Lookup lookup = null;
    try {
      lookup = found.join();
      apply(request, facts, lookup, port);
    } catch (RuntimeException e) {
      LOG.log(WARNING, "lookup failed, serving without the cache", e);
      request.removeProperty(CacheExchange.PROPERTY);
      if (lookup instanceof CacheEngine.Miss miss) {
        engine.finished(miss.fill());
      } else if (lookup instanceof CacheEngine.Hit hit && hit.refresh() != null) {
        engine.finished(hit.refresh().fill());
      }
    }
  }

  // RFC 9111 §4.3.1: revalidate a stale entry through the resource with its validators, in
  // place of the client's own If-None-Match/If-Modified-Since (§4.3.2: the cache answers
  // those itself once the entry is refreshed). Requests with other conditions never get here:
  // they bypass the cache (RequestScreening.PRECONDITION_HEADERS).
  private static void addConditions(
      ContainerRequestContext request, StoredResponse stale, CacheExchange exchange) {
    MultivaluedMap<String, String> headers = request.getHeaders();
    exchange.conditionsAdded(
        request.getHeaderString(HttpHeaders.IF_NONE_MATCH),
        request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE));
    headers.remove(HttpHeaders.IF_NONE_MATCH);
    headers.remove(HttpHeaders.IF_MODIFIED_SINCE);
    String etag = stale.headers().first(HttpHeaders.ETAG);
    String lastModified = stale.headers().first(HttpHeaders.LAST_MODIFIED);
    if (etag != null && !etag.isBlank()) {
      headers.putSingle(HttpHeaders.IF_NONE_MATCH, etag);
    }
    if (lastModified != null && !lastModified.isBlank()) {
      headers.putSingle(HttpHeaders.IF_MODIFIED_SINCE, lastModified);
    }
  }

  // A lookup asks for some twenty headers, most of them absent; one pass over the few the
  // request has is cheaper than as many case-insensitive lookups in the container's map.
  // Field lines stay apart: @HeaderParam reads only the first of several, so two lines and
  // their comma-joined value are different inputs to the application.
  private static Function<String, List<String>> headersOf(ContainerRequestContext request) {
    MultivaluedMap<String, String> all = request.getHeaders();
    Map<String, List<String>> byLowerCaseName = new HashMap<>(all.size() * 2);
    all.forEach(
        (name, values) -> {
          if (values != null && !values.isEmpty()) {
            byLowerCaseName.merge(
                name.toLowerCase(Locale.ROOT),
                lines(values),
                (a, b) -> {
                  List<String> both = new ArrayList<>(a);
                  both.addAll(b);
                  return List.copyOf(both);
                });
          }
        });
    return name -> byLowerCaseName.get(name.toLowerCase(Locale.ROOT));
  }

  // A container may hold a header whose value is null (CXF does for Content-Type); it counts
  // as sent, with an empty value, so that a credential header is never missed.
  private static List<String> lines(List<String> values) {
    if (values.size() == 1) {
      return List.of(values.get(0) == null ? "" : values.get(0));
    }
    List<String> lines = new ArrayList<>(values.size());
    values.forEach(value -> lines.add(value == null ? "" : value));
    return List.copyOf(lines);
  }

  private void apply(
      ContainerRequestContext request,
      CacheRequest facts,
      CacheEngine.Lookup lookup,
      BackgroundRefresh port) {
    Set<String> tags = Set.of();
    if (lookup instanceof CacheEngine.Miss) {
      MultivaluedMap<String, String> pathParameters = request.getUriInfo().getPathParameters();
      tags = PathTemplates.resolveAll(route.tagTemplates(), pathParameters::getFirst);
    }
    boolean answered =
        lookup instanceof CacheEngine.Hit || lookup instanceof CacheEngine.Unsatisfiable;
    CacheExchange exchange = new CacheExchange(route, facts, lookup, tags, answered);
    request.setProperty(CacheExchange.PROPERTY, exchange);
    if (lookup instanceof CacheEngine.Miss miss && miss.revalidate() != null) {
      addConditions(request, miss.revalidate(), exchange);
    }
    if (lookup instanceof CacheEngine.Hit hit) {
      HitReplay replayed = HitReplay.of(hit, engine.settings().cacheStatusName(), engine.now());
      if (!(hitsSentAsStored
          && request.getProperty(HIT_WRITER) instanceof RuntimeAdapter.HitWriter writer
          && writer.write(request, replayed))) {
        request.abortWith(ResponseReplay.toResponse(replayed));
      }
      if (hit.refresh() != null) {
        PendingRefresh.start(request, engine, hit.refresh(), port);
      }
    } else if (lookup instanceof CacheEngine.Unsatisfiable) {
      // RFC 9111 §5.2.1.7: only-if-cached with nothing usable stored.
      request.abortWith(
          Response.status(Response.Status.GATEWAY_TIMEOUT)
              .header(
                  ResponseRecorder.CACHE_STATUS,
                  CacheStatus.forward(engine.settings().cacheStatusName(), ForwardReason.REQUEST)
                      .detail("only-if-cached")
                      .toHeaderValue())
              .build());
    }
  }
}
