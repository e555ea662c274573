package dev.restcache.internal;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.TRACE;
import static java.lang.System.Logger.Level.WARNING;

import dev.restcache.CacheStats;
import dev.restcache.ResponseCache;
import dev.restcache.internal.StoredValueCodec.CorruptEntryException;
import dev.restcache.internal.http.CacheDirectives;
import dev.restcache.spi.CacheEntry;
import dev.restcache.spi.CacheStore;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The cache itself, free of JAX-RS: looks responses up, stores them, evicts them, counts, logs,
 * and keeps every store failure away from the client (fail open within the store timeout).
 */
public final class CacheEngine implements ResponseCache {
  private static final System.Logger LOG = System.getLogger("dev.restcache");
  private static final long LEASE_POLL_MILLIS = 20;

  private final CacheSettings settings;
  private final CacheStore store;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder stores = new LongAdder();
  private final LongAdder notStored = new LongAdder();
  private final LongAdder invalidations = new LongAdder();
  private final LongAdder storeErrors = new LongAdder();
  private final Map<String, CompletableFuture<Void>> fills = new ConcurrentHashMap<>();
  private final ResourcePaths resourcePaths = new ResourcePaths();

  /** An engine over {@code settings.store()}. */
  public CacheEngine(CacheSettings settings) {
    this.settings = settings;
    this.store = settings.store();
  }

  /** The configuration. */
  public CacheSettings settings() {
    return settings;
  }

  /** What a lookup found. */
  public sealed interface Lookup {
  }

  /**
   * A stored response to replay: fresh, or stale while another request refreshes it.
   *
   * @param collapsed whether the request waited for another one to store it
   * @param notModified whether the request's own conditions hold, so a 304 answers it
   */
  public record Hit(StoredResponse response, boolean collapsed, boolean notModified)
      implements Lookup {
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
   * @param requestUri the absolute request URI
   * @param resourcePath gives the canonical path of the resource, which entries are indexed by
   *     ({@link ResourcePath}); asked only on a miss, since a hit needs no index
   * @param requestHeader the request's values of a lower-case header name, or null when absent
   * @param credentials what identifies the client, see {@link #credentials}
   * @param requestDirectives the request's directives, {@link CacheDirectives#NONE} when ignored
   */
  public Lookup lookup(URI requestUri, Supplier<String> resourcePath,
      Function<String, List<String>> requestHeader, Credentials credentials,
      CacheDirectives requestDirectives) {
    return lookup(requestUri, resourcePath, requestHeader, credentials, requestDirectives, true);
  }

  /**
   * As {@link #lookup}, for a thread that must never wait: where the lookup would wait for
   * another request filling the same key (collapsed forwarding), it returns {@link WouldWait}
   * instead. With a store that {@linkplain CacheStore#completesInline() completes inline}, it
   * then never waits at all.
   */
  public Lookup lookupWithoutWaiting(URI requestUri, Supplier<String> resourcePath,
      Function<String, List<String>> requestHeader, Credentials credentials,
      CacheDirectives requestDirectives) {
    return lookup(requestUri, resourcePath, requestHeader, credentials, requestDirectives, false);
  }

  private Lookup lookup(URI requestUri, Supplier<String> resourcePath,
      Function<String, List<String>> requestHeader, Credentials credentials,
      CacheDirectives requestDirectives, boolean mayWait) {
    Optional<NotStoredReason> refused = RequestScreening.bypassReason(requestUri, requestHeader);
    if (refused.isPresent()) {
      LOG.log(TRACE, "bypass: {0}: {1}", requestUri, refused.get().detail());
      return new Bypass(refused.get());
    }
    String primaryKey = CacheKeys.primaryKey(settings.keyRules(), requestUri, requestHeader);
    try {
      return lookup(primaryKey, () -> indexPath(resourcePath.get()), requestHeader, credentials,
          requestDirectives, !settings.collapseTimeout().isZero(), mayWait);
    } catch (StoreFailure e) {
      return new Bypass(NotStoredReason.STORE_ERROR);
    }
  }

  private Lookup lookup(String primaryKey, Supplier<String> indexPath,
      Function<String, List<String>> requestHeader, Credentials credentials,
      CacheDirectives requestDirectives, boolean mayCollapse, boolean mayWait) {
    ForwardReason missReason = ForwardReason.URI_MISS;
    StoredValue found = read(primaryKey);
    if (found instanceof VariantIndex index) {
      found = read(CacheKeys.variantKey(primaryKey, index, requestHeader));
      missReason = ForwardReason.VARY_MISS;
    }
    StoredResponse response = found instanceof StoredResponse stored ? stored : null;
    ServeDecision.Outcome outcome = ServeDecision.decide(response, missReason,
        new ServeDecision.Request(credentials, requestDirectives,
            joined(requestHeader.apply("if-none-match")),
            joined(requestHeader.apply("if-modified-since"))), now());
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
      // RFC 5861: one request refreshes the entry; every other is served the stale one.
      Fill refresh = tryLead(primaryKey);
      return refresh == null ? hit(primaryKey, response, false, stale.notModified())
          : miss(stale.refresh(), primaryKey, indexPath, refresh, response);
    }
    ServeDecision.Forward forward = (ServeDecision.Forward) outcome;
    if (!mayCollapse) {
      return miss(forward, primaryKey, indexPath, null, response);
    }
    Fill lead = tryLead(primaryKey);
    if (lead != null) {
      return miss(forward, primaryKey, indexPath, lead, response);
    }
    if (!mayWait) {
      return new WouldWait();
    }
    awaitFill(primaryKey);
    Lookup after = lookup(primaryKey, indexPath, requestHeader, credentials,
        requestDirectives, false, true);
    return after instanceof Hit hit ? new Hit(hit.response(), true, hit.notModified()) : after;
  }

  private Hit hit(String primaryKey, StoredResponse response, boolean collapsed,
      boolean notModified) {
    hits.increment();
    LOG.log(DEBUG, "hit: {0}", primaryKey);
    return new Hit(response, collapsed, notModified);
  }

  private static String joined(List<String> values) {
    return values == null ? null : String.join(",", values);
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
      generation = call(() -> store.generation(indexPath), "generation");
    } catch (StoreFailure e) {
      finished(fill);
      throw e;
    }
    misses.increment();
    LOG.log(DEBUG, "miss ({0}): {1}", fwd, primaryKey);
    return new Miss(fwd, primaryKey, indexPath, generation, fill, staleIfError, revalidate);
  }

  // Leads a fill: first among this instance's requests, then in the store, which is how the
  // instances sharing a store collapse their misses.
  private Fill tryLead(String primaryKey) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (fills.putIfAbsent(primaryKey, done) != null) {
      return null;
    }
    boolean leased;
    try {
      leased = call(() -> store.tryLease(primaryKey, settings.collapseTimeout()), "tryLease");
    } catch (StoreFailure e) {
      // A store that just failed would most likely make every later call of this request wait
      // out the timeout too: the request goes without the cache at once.
      finished(new Fill(primaryKey, done, false));
      throw e;
    }
    if (!leased) {
      finished(new Fill(primaryKey, done, false));
      return null;
    }
    return new Fill(primaryKey, done, true);
  }

  // Waits for this instance's leader, then for another instance's (a local leader that could
  // not take the store's lease hands its followers on to it), within one collapse timeout. A
  // leader that never finishes is given up on, so that the next request can lead instead.
  private void awaitFill(String primaryKey) {
    long deadline = System.nanoTime() + settings.collapseTimeout().toNanos();
    CompletableFuture<Void> running = fills.get(primaryKey);
    if (running != null) {
      try {
        running.get(settings.collapseTimeout().toNanos(), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        fills.remove(primaryKey, running);
        LOG.log(DEBUG, "collapsed request gave up waiting for {0}", primaryKey);
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException e) {
        // A fill only ever completes normally.
      }
    }
    awaitLeaseHolder(primaryKey, deadline);
  }

  // Another instance leads: poll the store until its entry appears or its lease is gone.
  private void awaitLeaseHolder(String primaryKey, long deadline) {
    try {
      while (System.nanoTime() < deadline
          && read(primaryKey) == null
          && call(() -> store.isLeased(primaryKey), "isLeased")) {
        Thread.sleep(LEASE_POLL_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (StoreFailure e) {
      // Stop waiting; the request goes to the resource.
    }
  }

  /** Releases the requests waiting for {@code fill}, if any; safe to call more than once. */
  public void finished(Fill fill) {
    if (fill != null) {
      fills.remove(fill.key(), fill.done());
      if (fill.done().complete(null) && fill.leased()) {
        releaseLease(fill.key());
      }
    }
  }

  /**
   * Stores a response the {@link StoragePolicy} accepted.
   *
   * @param requestHeader the request's header values, to key the variant
   * @param miss the lookup that let the resource run, with the keys it used
   * @param decision the policy's decision
   * @param response the response as it will be replayed
   * @param variants what selects the variant: the response's {@code Vary} and the inputs the
   *     method reads
   * @param tags the resolved tags
   * @return empty when stored, otherwise why not
   */
  public Optional<NotStoredReason> store(Function<String, List<String>> requestHeader,
      Miss miss, StoragePolicy.Store decision, StoredResponse response, VariantIndex variants,
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
        stored = put(primaryKey, path, tags, expiresAt, response, miss.generation());
      } else {
        // The variant before its index: a request that waited for this fill on another
        // instance looks again once the index appears, and must find the variant then.
        stored = put(CacheKeys.variantKey(primaryKey, variants, requestHeader), path, tags,
                expiresAt, response, miss.generation())
            && put(primaryKey, path, tags, expiresAt, variants, miss.generation());
      }
      if (!stored) {
        return notStored(primaryKey, NotStoredReason.INVALIDATED);
      }
      stores.increment();
      LOG.log(DEBUG, "stored: {0} for {1}", primaryKey, decision.freshnessLifetime());
      return Optional.empty();
    } catch (StoreFailure e) {
      return notStored(primaryKey, NotStoredReason.STORE_ERROR);
    }
  }

  /** Counts and logs a response to a cacheable request that was not stored. */
  public Optional<NotStoredReason> notStored(String what, NotStoredReason reason) {
    notStored.increment();
    LOG.log(TRACE, "not cached: {0}: {1}", what, reason.detail());
    return Optional.of(reason);
  }

  /** The current time of the configured clock. */
  public Instant now() {
    return settings.clock().instant();
  }

  // Nobody waits for a release: the lease expires with the collapse timeout anyway, and a
  // failing store must not hold the response for a second timeout.
  private void releaseLease(String key) {
    try {
      store.releaseLease(key).whenComplete((done, e) -> {
        if (e != null) {
          failure("releaseLease", e);
        }
      });
    } catch (RuntimeException e) {
      failure("releaseLease", e);
    }
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
   * Evicts every entry of {@code paths} (raw absolute paths) and every entry carrying one of
   * {@code tags}. The store operations run together and are waited for once, within the
   * store timeout, so that a write never waits for a failing store more than once.
   */
  public void invalidate(Set<String> paths, Set<String> tags) {
    Map<String, Supplier<CompletionStage<Void>>> operations = new LinkedHashMap<>();
    Set<String> resources = new LinkedHashSet<>();
    paths.forEach(path -> resources.addAll(resourcePaths.spellings(CacheKeys.path(path))));
    for (String resource : resources) {
      String indexed = indexPath(resource);
      operations.put("invalidatePath " + indexed, () -> store.invalidatePath(indexed));
    }
    if (!tags.isEmpty()) {
      Set<String> indexed = tags.stream().map(this::indexTag).collect(Collectors.toSet());
      operations.put("invalidateTags " + tags, () -> store.invalidateTags(indexed));
    }
    if (operations.isEmpty()) {
      return;
    }
    invalidations.add(operations.size());
    LOG.log(DEBUG, "invalidate: {0}", operations.keySet());
    awaitAll(operations);
  }

  // Starts every operation before waiting for any, so that they share one deadline.
  private void awaitAll(Map<String, Supplier<CompletionStage<Void>>> operations) {
    long deadline = deadline();
    Map<String, CompletableFuture<Void>> running = new LinkedHashMap<>();
    operations.forEach((name, operation) -> {
      try {
        running.put(name, start(operation, name));
      } catch (StoreFailure e) {
        // Counted and logged; the others still run.
      }
    });
    running.forEach((name, future) -> {
      try {
        await(future, name, deadline);
      } catch (StoreFailure e) {
        // Counted and logged; the API promises not to throw for a failing store.
      }
    });
  }

  /** Whether the store answers a read within the store timeout, for health checks. */
  public boolean storeAnswers() {
    try {
      call(() -> store.get(settings.keyPrefix() + "health-check"), "get");
      return true;
    } catch (StoreFailure e) {
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

  // Paths and tags are namespaced like keys, so that services sharing a store keep apart.
  private String indexPath(String canonicalPath) {
    return settings.keyPrefix() + canonicalPath;
  }

  private String indexTag(String tag) {
    return settings.keyPrefix() + tag;
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
    invalidations.increment();
    LOG.log(DEBUG, "clear");
    runQuietly(store::clear, "clear");
  }

  @Override
  public CacheStats stats() {
    return new CacheStats(hits.sum(), misses.sum(), stores.sum(), notStored.sum(),
        invalidations.sum(), storeErrors.sum());
  }

  private StoredValue read(String key) {
    Optional<CacheEntry> entry = call(() -> store.get(key), "get");
    if (entry.isEmpty()) {
      return null;
    }
    try {
      return StoredValueCodec.decode(entry.get().payload());
    } catch (CorruptEntryException e) {
      storeErrors.increment();
      LOG.log(WARNING, "ignoring a corrupt entry under {0}: {1}", key, e.getMessage());
      return null;
    }
  }

  private boolean put(String key, String path, Set<String> tags, Instant expiresAt,
      StoredValue value, long generation) {
    Set<String> indexed = tags.stream().map(this::indexTag).collect(Collectors.toSet());
    CacheEntry entry = new CacheEntry(path, indexed, expiresAt, StoredValueCodec.encode(value));
    return call(() -> store.put(key, entry, generation), "put");
  }

  private void runQuietly(Supplier<CompletionStage<Void>> operation, String name) {
    try {
      call(operation, name);
    } catch (StoreFailure e) {
      // Already counted and logged; the API promises not to throw for a failing store.
    }
  }

  private <T> T call(Supplier<? extends CompletionStage<T>> operation, String name) {
    long deadline = deadline();
    return await(start(operation, name), name, deadline);
  }

  private long deadline() {
    return System.nanoTime() + settings.storeTimeout().toNanos();
  }

  // A store that throws instead of returning a failed stage is a failing store all the same.
  private <T> CompletableFuture<T> start(Supplier<? extends CompletionStage<T>> operation,
      String name) {
    try {
      return operation.get().toCompletableFuture();
    } catch (RuntimeException e) {
      throw failure(name, e);
    }
  }

  private <T> T await(CompletableFuture<T> future, String name, long deadline) {
    try {
      return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure(name, e);
    } catch (ExecutionException e) {
      throw failure(name, e.getCause());
    } catch (TimeoutException e) {
      throw failure(name, new TimeoutException("no answer within " + settings.storeTimeout()));
    } catch (RuntimeException e) {
      throw failure(name, e);
    }
  }

  private StoreFailure failure(String operation, Throwable cause) {
    storeErrors.increment();
    LOG.log(WARNING, "store {0} failed, serving without the cache: {1}", operation, cause);
    return new StoreFailure(cause);
  }

  /** A store operation failed or timed out; already counted and logged. */
  private static final class StoreFailure extends RuntimeException {
    StoreFailure(Throwable cause) {
      super(cause);
    }
  }
}
