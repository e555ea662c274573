package dev.restcache.internal;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.TRACE;

import dev.restcache.CacheStats;
import dev.restcache.ResponseCache;
import dev.restcache.spi.CacheStore;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The cache itself, free of JAX-RS: the orchestrator of a lookup and a store, acting on {@link
 * ServeDecision} and {@link StoragePolicy}. The store is reached through {@link FailOpenStore}
 * (every failure keeps away from the client), values through {@link Entries}, concurrent misses
 * through {@link CollapsedForwarding}, evictions through {@link Invalidation}; {@link
 * CacheCounters} counts.
 */
public final class CacheEngine implements ResponseCache {
  private static final System.Logger LOG = System.getLogger("dev.restcache");

  private final CacheSettings settings;
  private final CacheCounters counters = new CacheCounters();
  private final FailOpenStore calls;
  private final Entries entries;
  private final CollapsedForwarding collapsing;
  private final ResourcePaths resourcePaths = new ResourcePaths();
  private final Invalidation invalidation;

  /** An engine over {@code settings.store()}. */
  public CacheEngine(CacheSettings settings) {
    this.settings = settings;
    CacheStore store = settings.store();
    this.calls = new FailOpenStore(settings.storeTimeout(), counters);
    PendingEvictions pending = new PendingEvictions();
    this.entries = new Entries(store, calls, settings.keyPrefix(), counters, pending);
    this.collapsing =
        new CollapsedForwarding(
            store, calls, entries, settings.collapseTimeout(), settings.storeTimeout());
    this.invalidation =
        new Invalidation(
            store,
            new FailOpenStore(settings.evictionTimeout(), counters),
            entries,
            resourcePaths,
            counters,
            pending);
  }

  /** The configuration. */
  public CacheSettings settings() {
    return settings;
  }

  /** What a lookup found. */
  public sealed interface Lookup {}

  /**
   * A stored response to replay: fresh, or stale while a refresh runs.
   *
   * @param collapsed whether the request waited for another one to store it
   * @param notModified whether the request's own conditions hold, so a 304 answers it
   * @param refresh the stale-while-revalidate refresh this request leads, which the runtime runs in
   *     the background (see {@link CacheRequest#refreshableInBackground}); null for none
   */
  public record Hit(StoredResponse response, boolean collapsed, boolean notModified, Miss refresh)
      implements Lookup {

    /** A hit that leads no refresh. */
    public Hit(StoredResponse response, boolean collapsed, boolean notModified) {
      this(response, collapsed, notModified, null);
    }
  }

  /**
   * Nothing usable: run the resource, then store under {@code generation}.
   *
   * @param fwd why the request goes to the resource: {@code uri-miss}, {@code vary-miss}, {@code
   *     stale}, or {@code request} when its own directives ruled a fresh entry out
   * @param primaryKey the key the lookup read, which the response is stored under
   * @param indexPath the namespaced canonical path the entry is indexed by
   * @param generation the path's generation read before the resource ran
   * @param fill the fill this request leads, that others wait for; null when it leads none
   * @param staleIfError a stale response that may stand in for a 5xx answer; null for none
   * @param revalidate a stale response with validators the resource may confirm with a 304; null
   *     for none
   */
  public record Miss(
      ForwardReason fwd,
      String primaryKey,
      String indexPath,
      long generation,
      Fill fill,
      StoredResponse staleIfError,
      StoredResponse revalidate)
      implements Lookup {}

  /** Run the resource and store nothing, for {@code reason}. */
  public record Bypass(NotStoredReason reason) implements Lookup {}

  /** The request said {@code only-if-cached} and nothing usable is stored: answer 504. */
  public record Unsatisfiable() implements Lookup {}

  /**
   * A key being filled by one request; completed when that request is done with it.
   *
   * @param leased whether the store's lease was taken too (released with the fill)
   */
  public record Fill(String key, CompletableFuture<Void> done, boolean leased) {}

  /**
   * Looks up a GET or HEAD request. The stage completes inline with a store that {@linkplain
   * CacheStore#completesInline() completes inline}, except where the request waits for another one
   * filling the same key (collapsed forwarding); a runtime that can suspend a request waits for it
   * without a thread, others join it. It never completes exceptionally for a failing store (the
   * request then bypasses the cache).
   *
   * @param request the request, with its credentials (see {@link #credentials})
   * @param resourcePath gives the canonical path of the resource, which entries are indexed by
   *     ({@link ResourcePath}); asked only on a miss, since a hit needs no index
   */
  public CompletableFuture<Lookup> lookup(CacheRequest request, Supplier<String> resourcePath) {
    Optional<NotStoredReason> refused =
        RequestScreening.bypassReason(request.target(), request.headers());
    if (refused.isPresent()) {
      LOG.log(TRACE, "bypass: {0}: {1}", request.target(), refused.get().detail());
      return CompletableFuture.completedFuture(new Bypass(refused.get()));
    }
    String primaryKey =
        CacheKeys.primaryKey(settings.keyRules(), request.target(), request.headers());
    CompletableFuture<Lookup> lookup =
        lookup(
            request,
            primaryKey,
            () -> entries.indexPath(resourcePath.get()),
            !settings.collapseTimeout().isZero());
    if (lookup.isDone() && !lookup.isCompletedExceptionally()) {
      return lookup;
    }
    return lookup.exceptionally(
        e -> {
          if (FailOpenStore.cause(e) instanceof FailOpenStore.StoreFailure) {
            return new Bypass(NotStoredReason.STORE_ERROR);
          }
          throw e instanceof CompletionException wrapped ? wrapped : new CompletionException(e);
        });
  }

  private CompletableFuture<Lookup> lookup(
      CacheRequest request, String primaryKey, Supplier<String> indexPath, boolean mayCollapse) {
    Long mark = mayCollapse ? collapsing.mark(primaryKey) : null;
    return entries
        .read(primaryKey)
        .thenCompose(
            found -> {
              if (found instanceof VariantIndex index) {
                return entries
                    .read(CacheKeys.variantKey(primaryKey, index, request.headers()))
                    .thenCompose(
                        variant ->
                            decide(
                                request,
                                primaryKey,
                                indexPath,
                                mark,
                                variant,
                                ForwardReason.VARY_MISS));
              }
              return decide(request, primaryKey, indexPath, mark, found, ForwardReason.URI_MISS);
            });
  }

  // The entry for request under primaryKey: the response, the variant its Vary index selects,
  // or null.
  private CompletableFuture<StoredValue> read(CacheRequest request, String primaryKey) {
    return entries
        .read(primaryKey)
        .thenCompose(
            found ->
                found instanceof VariantIndex index
                    ? entries.read(CacheKeys.variantKey(primaryKey, index, request.headers()))
                    : CompletableFuture.completedFuture(found));
  }

  private ServeDecision.Outcome serveDecision(
      CacheRequest request, StoredResponse response, ForwardReason missReason) {
    return ServeDecision.decide(
        response,
        missReason,
        new ServeDecision.Request(
            request.credentials(),
            request.directives(),
            request.header("if-none-match"),
            request.header("if-modified-since")),
        now());
  }

  private CompletableFuture<Lookup> decide(
      CacheRequest request,
      String primaryKey,
      Supplier<String> indexPath,
      Long collapseMark,
      StoredValue found,
      ForwardReason missReason) {
    StoredResponse response = found instanceof StoredResponse stored ? stored : null;
    ServeDecision.Outcome outcome = serveDecision(request, response, missReason);
    if (outcome instanceof ServeDecision.Refuse refuse) {
      LOG.log(
          TRACE,
          "not cached: {0}: {1} (stored response is not shareable)",
          primaryKey,
          refuse.reason().detail());
      return CompletableFuture.completedFuture(new Bypass(refuse.reason()));
    }
    if (outcome instanceof ServeDecision.Unsatisfiable) {
      return CompletableFuture.completedFuture(new Unsatisfiable());
    }
    if (outcome instanceof ServeDecision.Serve serve) {
      return CompletableFuture.completedFuture(
          hit(primaryKey, response, false, serve.notModified()));
    }
    if (outcome instanceof ServeDecision.ServeWhileRefreshing stale) {
      // RFC 5861: one request leads the refresh; every other is served the stale entry. Where
      // the runtime refreshes in the background, the leader is served it too.
      return collapsing
          .tryLead(primaryKey)
          .thenCompose(
              refresh -> {
                if (refresh == null) {
                  return CompletableFuture.completedFuture(
                      hit(primaryKey, response, false, stale.notModified()));
                }
                CompletableFuture<Lookup> miss =
                    miss(stale.refresh(), primaryKey, indexPath, refresh, response);
                if (!request.refreshableInBackground()) {
                  return miss;
                }
                return miss.thenApply(
                    refreshing -> {
                      hit(primaryKey, response, false, stale.notModified());
                      return new Hit(response, false, stale.notModified(), (Miss) refreshing);
                    });
              });
    }
    ServeDecision.Forward forward = (ServeDecision.Forward) outcome;
    if (collapseMark == null) {
      return miss(forward, primaryKey, indexPath, null, response);
    }
    return collapsing
        .tryLead(primaryKey)
        .thenCompose(
            lead -> {
              if (lead != null) {
                return collapsing.endedSince(primaryKey, collapseMark)
                    ? readAgainAsLeader(request, primaryKey, indexPath, lead, forward, response)
                    : miss(forward, primaryKey, indexPath, lead, response);
              }
              return collapsing
                  .awaitFill(primaryKey)
                  .thenCompose(filled -> lookup(request, primaryKey, indexPath, false))
                  .thenApply(
                      after ->
                          after instanceof Hit hit
                              ? new Hit(hit.response(), true, hit.notModified())
                              : after);
            });
  }

  // The previous fill of the key ended between this request's read and its lead, most likely
  // storing what this request would now produce again: it is served that instead, as if it had
  // waited for the fill.
  private CompletableFuture<Lookup> readAgainAsLeader(
      CacheRequest request,
      String primaryKey,
      Supplier<String> indexPath,
      Fill lead,
      ServeDecision.Forward forward,
      StoredResponse response) {
    return read(request, primaryKey)
        .exceptionally(storeFailed -> null)
        .thenCompose(
            found -> {
              if (found instanceof StoredResponse stored
                  && serveDecision(request, stored, forward.reason())
                      instanceof ServeDecision.Serve serve) {
                finished(lead);
                return CompletableFuture.completedFuture(
                    hit(primaryKey, stored, true, serve.notModified()));
              }
              return miss(forward, primaryKey, indexPath, lead, response);
            });
  }

  /**
   * Looks {@code request} up for the front, which answers before the application's filters run: a
   * fresh entry any shared cache may serve to anyone ({@link FrontRules}), or null, and the request
   * goes on to the application and its JAX-RS lookup. Reads only: a request it passes on leads no
   * fill and counts no miss, since its JAX-RS lookup does.
   *
   * @param method the request's method
   * @param request the request, with the credentials its headers carry
   */
  public CompletableFuture<Hit> lookupAtFront(String method, CacheRequest request) {
    if (!FrontRules.mayAnswer(method, request, request.headers())) {
      return CompletableFuture.completedFuture(null);
    }
    String primaryKey =
        CacheKeys.primaryKey(settings.keyRules(), request.target(), request.headers());
    return read(request, primaryKey)
        .handle(
            (found, e) -> {
              if (!(found instanceof StoredResponse stored) || !FrontRules.mayServe(stored)) {
                return null;
              }
              ServeDecision.Outcome outcome =
                  serveDecision(request, stored, ForwardReason.URI_MISS);
              return outcome instanceof ServeDecision.Serve serve
                  ? hit(primaryKey, stored, false, serve.notModified())
                  : null;
            });
  }

  private Hit hit(
      String primaryKey, StoredResponse response, boolean collapsed, boolean notModified) {
    counters.hits.increment();
    LOG.log(DEBUG, "hit: {0}", primaryKey);
    return new Hit(response, collapsed, notModified);
  }

  // The request goes to the resource as forward says; stored is what the lookup found.
  private CompletableFuture<Lookup> miss(
      ServeDecision.Forward forward,
      String primaryKey,
      Supplier<String> resourceIndexPath,
      Fill fill,
      StoredResponse stored) {
    ForwardReason fwd = forward.reason();
    StoredResponse staleIfError = forward.usableIfError() ? stored : null;
    StoredResponse revalidate = forward.revalidate() ? stored : null;
    String indexPath = resourceIndexPath.get();
    return entries
        .generation(indexPath)
        .handle(
            (generation, e) -> {
              if (e != null) {
                finished(fill);
                throw e instanceof CompletionException wrapped
                    ? wrapped
                    : new CompletionException(e);
              }
              counters.misses.increment();
              LOG.log(DEBUG, "miss ({0}): {1}", fwd.token(), primaryKey);
              return new Miss(
                  fwd, primaryKey, indexPath, generation, fill, staleIfError, revalidate);
            });
  }

  /** Releases the requests waiting for {@code fill}, if any; safe to call more than once. */
  public void finished(Fill fill) {
    collapsing.finished(fill);
  }

  /**
   * The resource answered the request leading {@code fill} (none for null): from now on the fill is
   * released after a short bound at the latest, whether or not the runtime reports the end of that
   * request.
   */
  public void resourceAnswered(Fill fill) {
    collapsing.answered(fill);
  }

  /**
   * Stores a response the {@link StoragePolicy} accepted.
   *
   * @param request the request, whose headers key the variant
   * @param miss the lookup that let the resource run, with the keys it used
   * @param decision the policy's decision
   * @param response the response as it will be replayed
   * @param variants what selects the variant: the response's {@code Vary} and the inputs the method
   *     reads
   * @param tags the resolved tags
   * @return empty when stored, otherwise why not; never completes exceptionally for a failing store
   */
  public CompletableFuture<Optional<NotStoredReason>> store(
      CacheRequest request,
      Miss miss,
      StoragePolicy.Store decision,
      StoredResponse response,
      VariantIndex variants,
      Set<String> tags) {
    String primaryKey = miss.primaryKey();
    String path = miss.indexPath();
    // Past its stale windows, an entry with the resource's own validator is kept for the
    // revalidation retention, so that the resource can still confirm it with a 304 instead of
    // producing it anew; the store's size bound evicts it earlier when space is short.
    Instant expiresAt =
        response
            .freshness()
            .keptUntil(decision.revalidatable() ? settings.revalidationRetention() : Duration.ZERO);
    CompletableFuture<Boolean> stored;
    if (variants.isEmpty()) {
      stored = entries.put(primaryKey, path, tags, expiresAt, response, miss.generation());
    } else {
      // The variant before its index: a request that waited for this fill on another
      // instance looks again once the index appears, and must find the variant then.
      stored =
          entries
              .put(
                  CacheKeys.variantKey(primaryKey, variants, request.headers()),
                  path,
                  tags,
                  expiresAt,
                  response,
                  miss.generation())
              .thenCompose(
                  put ->
                      put
                          ? entries.put(
                              primaryKey, path, tags, expiresAt, variants, miss.generation())
                          : CompletableFuture.completedFuture(false));
    }
    return stored.handle(
        (put, e) -> {
          if (e != null) {
            return notStored(primaryKey, NotStoredReason.STORE_ERROR);
          }
          if (!put) {
            return notStored(primaryKey, NotStoredReason.INVALIDATED);
          }
          counters.stores.increment();
          LOG.log(DEBUG, "stored: {0} for {1}", primaryKey, response.freshness().lifetime());
          return Optional.empty();
        });
  }

  /** Counts and logs a response to a cacheable request that was not stored. */
  public Optional<NotStoredReason> notStored(String what, NotStoredReason reason) {
    counters.notStored(reason);
    LOG.log(TRACE, "not cached: {0}: {1}", what, reason.detail());
    return Optional.of(reason);
  }

  /** The current time of the configured clock. */
  public Instant now() {
    return settings.clock().instant();
  }

  @Override
  public void invalidate(URI uri) {
    invalidatePath(uri.getRawPath());
  }

  @Override
  public void invalidatePath(String path) {
    invalidate(Set.of(path), Set.of()).join();
  }

  /**
   * Evicts every entry of {@code paths} (raw absolute paths), in every spelling the cached methods
   * make equal, and every entry carrying one of {@code tags}; completes when the store has, or
   * within the eviction timeout for a failing store, never exceptionally.
   */
  public CompletableFuture<Void> invalidate(Set<String> paths, Set<String> tags) {
    return invalidation.invalidate(paths, tags);
  }

  /** Whether the store answers a read within the store timeout, for health checks. */
  public boolean storeAnswers() {
    try {
      calls.await(() -> settings.store().get(settings.keyPrefix() + "health-check"), "get");
      return true;
    } catch (FailOpenStore.StoreFailure e) {
      return false;
    }
  }

  /** What in a request's headers identifies its client, as its lookup needs to know. */
  public Credentials credentials(Function<String, List<String>> requestHeader) {
    return RequestScreening.credentials(
        requestHeader, settings.anonymousCookies(), settings.credentialHeaders());
  }

  /** The templates of the cached methods, which evictions by path go through. */
  public ResourcePaths resourcePaths() {
    return resourcePaths;
  }

  @Override
  public void invalidateTags(String... tags) {
    invalidateTags(new LinkedHashSet<>(Arrays.asList(tags)));
  }

  /** Evicts every entry carrying one of {@code tags}. */
  public void invalidateTags(Set<String> tags) {
    invalidate(Set.of(), tags).join();
  }

  @Override
  public void clear() {
    invalidation.clear().join();
  }

  @Override
  public CacheStats stats() {
    return counters.snapshot();
  }
}
