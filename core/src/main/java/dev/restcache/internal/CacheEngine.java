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
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The cache itself, free of JAX-RS: the orchestrator of a lookup and a store, acting on
 * {@link ServeDecision} and {@link StoragePolicy}. The store is reached through
 * {@link FailOpenStore} (every failure keeps away from the client), values through
 * {@link Entries}, concurrent misses through {@link CollapsedForwarding}, evictions through
 * {@link Invalidation}; {@link CacheCounters} counts.
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
  private volatile boolean refreshInBackground;

  /** An engine over {@code settings.store()}. */
  public CacheEngine(CacheSettings settings) {
    this.settings = settings;
    CacheStore store = settings.store();
    this.calls = new FailOpenStore(settings.storeTimeout(), counters);
    this.entries = new Entries(store, calls, settings.keyPrefix(), counters);
    this.collapsing = new CollapsedForwarding(store, calls, entries, settings.collapseTimeout());
    this.invalidation = new Invalidation(store, calls, entries, resourcePaths, counters);
  }

  /** The configuration. */
  public CacheSettings settings() {
    return settings;
  }

  /**
   * Tells the engine that its runtime runs stale-while-revalidate refreshes in the background,
   * by dispatching the request through the application again: the request that finds an entry
   * inside its window is then answered from it at once, and its {@link Hit} carries the refresh
   * to run. Without it, that request goes to the resource itself and waits.
   */
  public void refreshInBackground() {
    refreshInBackground = true;
  }

  /** What a lookup found. */
  public sealed interface Lookup {
  }

  /**
   * A stored response to replay: fresh, or stale while a refresh runs.
   *
   * @param collapsed whether the request waited for another one to store it
   * @param notModified whether the request's own conditions hold, so a 304 answers it
   * @param refresh the stale-while-revalidate refresh this request leads, which the runtime runs
   *     in the background (see {@link #refreshInBackground}); null for none
   */
  public record Hit(StoredResponse response, boolean collapsed, boolean notModified,
      Miss refresh) implements Lookup {

    /** A hit that leads no refresh. */
    public Hit(StoredResponse response, boolean collapsed, boolean notModified) {
      this(response, collapsed, notModified, null);
    }
  }

  /**
   * Nothing usable: run the resource, then store under {@code generation}.
   *
   * @param fwd why the request goes to the resource: {@code uri-miss}, {@code vary-miss},
   *     {@code stale}, or {@code request} when its own directives ruled a fresh entry out
   * @param primaryKey the key the lookup read, which the response is stored under
   * @param indexPath the namespaced canonical path the entry is indexed by
   * @param generation the path's generation read before the resource ran
   * @param fill the fill this request leads, that others wait for; null when it leads none
   * @param staleIfError a stale response that may stand in for a 5xx answer; null for none
   * @param revalidate a stale response with validators the resource may confirm with a 304;
   *     null for none
   */
  public record Miss(ForwardReason fwd, String primaryKey, String indexPath, long generation,
      Fill fill, StoredResponse staleIfError, StoredResponse revalidate) implements Lookup {
  }

  /** Run the resource and store nothing, for {@code reason}. */
  public record Bypass(NotStoredReason reason) implements Lookup {
  }

  /** The request said {@code only-if-cached} and nothing usable is stored: answer 504. */
  public record Unsatisfiable() implements Lookup {
  }

  /**
   * Only from {@link #lookupWithoutWaiting}: another request is filling the entry, and the
   * lookup would wait for it. Nothing was changed; look up again where waiting is allowed.
   */
  public record WouldWait() implements Lookup {
  }

  /**
   * A key being filled by one request; completed when that request is done with it.
   *
   * @param leased whether the store's lease was taken too (released with the fill)
   */
  public record Fill(String key, CompletableFuture<Void> done, boolean leased) {
  }

  /**
   * Looks up a GET or HEAD request.
   *
   * @param request the request, with its credentials (see {@link #credentials})
   * @param resourcePath gives the canonical path of the resource, which entries are indexed by
   *     ({@link ResourcePath}); asked only on a miss, since a hit needs no index
   */
  public Lookup lookup(CacheRequest request, Supplier<String> resourcePath) {
    return lookup(request, resourcePath, true);
  }

  /**
   * As {@link #lookup}, for a thread that must never wait: where the lookup would wait for
   * another request filling the same key (collapsed forwarding), it returns {@link WouldWait}
   * instead. With a store that {@linkplain CacheStore#completesInline() completes inline}, it
   * then never waits at all.
   */
  public Lookup lookupWithoutWaiting(CacheRequest request, Supplier<String> resourcePath) {
    return lookup(request, resourcePath, false);
  }

  private Lookup lookup(CacheRequest request, Supplier<String> resourcePath, boolean mayWait) {
    Optional<NotStoredReason> refused =
        RequestScreening.bypassReason(request.target(), request.headers());
    if (refused.isPresent()) {
      LOG.log(TRACE, "bypass: {0}: {1}", request.target(), refused.get().detail());
      return new Bypass(refused.get());
    }
    String primaryKey =
        CacheKeys.primaryKey(settings.keyRules(), request.target(), request.headers());
    try {
      return lookup(request, primaryKey, () -> entries.indexPath(resourcePath.get()),
          !settings.collapseTimeout().isZero(), mayWait);
    } catch (FailOpenStore.StoreFailure e) {
      return new Bypass(NotStoredReason.STORE_ERROR);
    }
  }

  private Lookup lookup(CacheRequest request, String primaryKey, Supplier<String> indexPath,
      boolean mayCollapse, boolean mayWait) {
    ForwardReason missReason = ForwardReason.URI_MISS;
    StoredValue found = entries.read(primaryKey);
    if (found instanceof VariantIndex index) {
      found = entries.read(CacheKeys.variantKey(primaryKey, index, request.headers()));
      missReason = ForwardReason.VARY_MISS;
    }
    StoredResponse response = found instanceof StoredResponse stored ? stored : null;
    ServeDecision.Outcome outcome = ServeDecision.decide(response, missReason,
        new ServeDecision.Request(request.credentials(), request.directives(),
            request.header("if-none-match"), request.header("if-modified-since")), now());
    if (outcome instanceof ServeDecision.Refuse refuse) {
      LOG.log(TRACE, "not cached: {0}: {1} (stored response is not shareable)", primaryKey,
          refuse.reason().detail());
      return new Bypass(refuse.reason());
    }
    if (outcome instanceof ServeDecision.Unsatisfiable) {
      return new Unsatisfiable();
    }
    if (outcome instanceof ServeDecision.Serve serve) {
      return hit(primaryKey, response, false, serve.notModified());
    }
    if (outcome instanceof ServeDecision.ServeWhileRefreshing stale) {
      // RFC 5861: one request leads the refresh; every other is served the stale entry. Where
      // the runtime refreshes in the background, the leader is served it too.
      Fill refresh = collapsing.tryLead(primaryKey);
      if (refresh == null) {
        return hit(primaryKey, response, false, stale.notModified());
      }
      Miss miss = miss(stale.refresh(), primaryKey, indexPath, refresh, response);
      if (!refreshInBackground) {
        return miss;
      }
      hit(primaryKey, response, false, stale.notModified());
      return new Hit(response, false, stale.notModified(), miss);
    }
    ServeDecision.Forward forward = (ServeDecision.Forward) outcome;
    if (!mayCollapse) {
      return miss(forward, primaryKey, indexPath, null, response);
    }
    Fill lead = collapsing.tryLead(primaryKey);
    if (lead != null) {
      return miss(forward, primaryKey, indexPath, lead, response);
    }
    if (!mayWait) {
      return new WouldWait();
    }
    collapsing.awaitFill(primaryKey);
    Lookup after = lookup(request, primaryKey, indexPath, false, true);
    return after instanceof Hit hit ? new Hit(hit.response(), true, hit.notModified()) : after;
  }

  private Hit hit(String primaryKey, StoredResponse response, boolean collapsed,
      boolean notModified) {
    counters.hits.increment();
    LOG.log(DEBUG, "hit: {0}", primaryKey);
    return new Hit(response, collapsed, notModified);
  }

  // The request goes to the resource as forward says; stored is what the lookup found.
  private Miss miss(ServeDecision.Forward forward, String primaryKey,
      Supplier<String> resourceIndexPath, Fill fill, StoredResponse stored) {
    ForwardReason fwd = forward.reason();
    StoredResponse staleIfError = forward.usableIfError() ? stored : null;
    StoredResponse revalidate = forward.revalidate() ? stored : null;
    String indexPath = resourceIndexPath.get();
    long generation;
    try {
      generation = entries.generation(indexPath);
    } catch (FailOpenStore.StoreFailure e) {
      finished(fill);
      throw e;
    }
    counters.misses.increment();
    LOG.log(DEBUG, "miss ({0}): {1}", fwd.token(), primaryKey);
    return new Miss(fwd, primaryKey, indexPath, generation, fill, staleIfError, revalidate);
  }

  /** Releases the requests waiting for {@code fill}, if any; safe to call more than once. */
  public void finished(Fill fill) {
    collapsing.finished(fill);
  }

  /**
   * Stores a response the {@link StoragePolicy} accepted.
   *
   * @param request the request, whose headers key the variant
   * @param miss the lookup that let the resource run, with the keys it used
   * @param decision the policy's decision
   * @param response the response as it will be replayed
   * @param variants what selects the variant: the response's {@code Vary} and the inputs the
   *     method reads
   * @param tags the resolved tags
   * @return empty when stored, otherwise why not
   */
  public Optional<NotStoredReason> store(CacheRequest request, Miss miss,
      StoragePolicy.Store decision, StoredResponse response, VariantIndex variants,
      Set<String> tags) {
    String primaryKey = miss.primaryKey();
    String path = miss.indexPath();
    // Past its stale windows, an entry with the resource's own validator is kept for the
    // revalidation retention, so that the resource can still confirm it with a 304 instead of
    // producing it anew; the store's size bound evicts it earlier when space is short.
    Duration kept = decision.staleWindow();
    if (decision.revalidatable()
        && settings.revalidationRetention().compareTo(kept) > 0) {
      kept = settings.revalidationRetention();
    }
    Instant expiresAt = response.responseTime()
        .plus(decision.freshnessLifetime().minus(decision.correctedInitialAge()))
        .plus(kept);
    try {
      boolean stored;
      if (variants.isEmpty()) {
        stored = entries.put(primaryKey, path, tags, expiresAt, response, miss.generation());
      } else {
        // The variant before its index: a request that waited for this fill on another
        // instance looks again once the index appears, and must find the variant then.
        stored = entries.put(CacheKeys.variantKey(primaryKey, variants, request.headers()), path,
                tags, expiresAt, response, miss.generation())
            && entries.put(primaryKey, path, tags, expiresAt, variants, miss.generation());
      }
      if (!stored) {
        return notStored(primaryKey, NotStoredReason.INVALIDATED);
      }
      counters.stores.increment();
      LOG.log(DEBUG, "stored: {0} for {1}", primaryKey, decision.freshnessLifetime());
      return Optional.empty();
    } catch (FailOpenStore.StoreFailure e) {
      return notStored(primaryKey, NotStoredReason.STORE_ERROR);
    }
  }

  /** Counts and logs a response to a cacheable request that was not stored. */
  public Optional<NotStoredReason> notStored(String what, NotStoredReason reason) {
    counters.notStored.increment();
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
    invalidate(Set.of(path), Set.of());
  }

  /**
   * Evicts every entry of {@code paths} (raw absolute paths), in every spelling the cached
   * methods make equal, and every entry carrying one of {@code tags}; waits for a failing store
   * once, within the store timeout.
   */
  public void invalidate(Set<String> paths, Set<String> tags) {
    invalidation.invalidate(paths, tags);
  }

  /** Whether the store answers a read within the store timeout, for health checks. */
  public boolean storeAnswers() {
    try {
      calls.call(() -> settings.store().get(settings.keyPrefix() + "health-check"), "get");
      return true;
    } catch (FailOpenStore.StoreFailure e) {
      return false;
    }
  }

  /** What in a request's headers identifies its client, as its lookup needs to know. */
  public Credentials credentials(Function<String, List<String>> requestHeader) {
    return RequestScreening.credentials(requestHeader, settings.anonymousCookies(),
        settings.credentialHeaders());
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
    invalidate(Set.of(), tags);
  }

  @Override
  public void clear() {
    invalidation.clear();
  }

  @Override
  public CacheStats stats() {
    return counters.snapshot();
  }
}
