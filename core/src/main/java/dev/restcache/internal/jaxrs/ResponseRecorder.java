package dev.restcache.internal.jaxrs;

import dev.restcache.internal.CacheEngine;
import dev.restcache.internal.Credentials;
import dev.restcache.internal.Headers;
import dev.restcache.internal.HitReplay;
import dev.restcache.internal.NotStoredReason;
import dev.restcache.internal.ServeDecision;
import dev.restcache.internal.StorableHeaders;
import dev.restcache.internal.StoragePolicy;
import dev.restcache.internal.StoredResponse;
import dev.restcache.internal.http.CacheStatus;
import dev.restcache.internal.http.Freshness;
import dev.restcache.internal.http.VarySpec;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Stores a response once it is known whole: decides once more on the status and headers as they
 * were written, stores what the resource produced (the response filters run again on every hit),
 * and tells the client in {@code Cache-Status} whether it was stored.
 */
final class ResponseRecorder {
  static final String CACHE_STATUS = HitReplay.CACHE_STATUS;

  private final CacheEngine engine;

  ResponseRecorder(CacheEngine engine) {
    this.engine = engine;
  }

  /**
   * The fields the cache adds to a response about to be stored, for its body: a {@code Date} and a
   * generated {@code ETag}. They are added to {@code liveHeaders} and kept for storing.
   */
  List<Headers.Field> addFields(
      CacheExchange exchange, MultivaluedMap<String, Object> liveHeaders, byte[] body) {
    List<Headers.Field> added =
        StorableHeaders.additions(
            JaxrsHeaders.of(liveHeaders),
            exchange.responseTime(),
            body,
            engine.settings().generateETags());
    JaxrsHeaders.add(liveHeaders, added);
    return added;
  }

  /**
   * Says in {@code Cache-Status} whether the captured response will be stored, as far as the
   * headers written so far tell; {@link #commit} decides once everything is written.
   */
  void announce(CacheExchange exchange, MultivaluedMap<String, Object> liveHeaders) {
    StoragePolicy.Decision decision = finalDecision(exchange, JaxrsHeaders.of(liveHeaders));
    Optional<NotStoredReason> reason =
        decision instanceof StoragePolicy.Refuse refuse
            ? Optional.of(refuse.reason())
            : Optional.empty();
    liveHeaders.putSingle(CACHE_STATUS, forwarded(exchange.miss(), reason).toHeaderValue());
  }

  // On the headers as sent, less the fields the cache added itself: its own Date, formatted to
  // the second, would otherwise count as up to a second of age the response never had.
  private static StoragePolicy.Decision finalDecision(CacheExchange exchange, Headers sent) {
    List<Headers.Field> fields = new ArrayList<>(sent.fields());
    if (exchange.additions() != null) {
      fields.removeAll(exchange.additions());
    }
    return StoragePolicy.decide(
        exchange
            .candidate()
            .withHeaders(Headers.of(fields))
            .ofSize(exchange.body() == null ? -1 : exchange.body().length));
  }

  /**
   * Stores the captured response if the headers as written ({@code liveHeaders}) still allow it,
   * and says in {@code Cache-Status} what happened, once the store has answered.
   */
  CompletableFuture<Void> commit(
      CacheExchange exchange, MultivaluedMap<String, Object> liveHeaders) {
    Pending pending = prepare(exchange, liveHeaders);
    CompletableFuture<Optional<NotStoredReason>> notStored =
        pending instanceof Refused refused
            ? CompletableFuture.completedFuture(refused.announced())
            : ((Storing) pending).store();
    return notStored.thenAccept(
        reason ->
            liveHeaders.putSingle(
                CACHE_STATUS, forwarded(exchange.miss(), reason).toHeaderValue()));
  }

  /**
   * As {@link #commit}, for a response whose headers may be on their way already, and a thread that
   * must not wait for the store: {@code Cache-Status} says {@code stored} once the response is
   * handed to the store, and the requests collapsed onto this one go on once the store has
   * answered.
   */
  // The callback is the end of the chain and handles its own failures; the stage it returns
  // has nothing left to report.
  @SuppressWarnings("FutureReturnValueIgnored")
  void commitInBackground(CacheExchange exchange, MultivaluedMap<String, Object> liveHeaders) {
    Pending pending = prepare(exchange, liveHeaders);
    Optional<NotStoredReason> announced =
        pending instanceof Refused refused ? refused.announced() : Optional.empty();
    liveHeaders.putSingle(CACHE_STATUS, forwarded(exchange.miss(), announced).toHeaderValue());
    if (pending instanceof Storing storing) {
      exchange.finishAfterStore();
      storing.store().whenComplete((stored, e) -> exchange.storeFinished(engine));
    }
  }

  /** The final check's outcome: a refusal, or the store call to make. */
  private sealed interface Pending permits Refused, Storing {}

  /** Not stored, and what {@code Cache-Status} says about it, if anything. */
  private record Refused(Optional<NotStoredReason> announced) implements Pending {}

  /** To be stored: {@link #store} makes the call. */
  private record Storing(Supplier<CompletableFuture<Optional<NotStoredReason>>> call)
      implements Pending {
    CompletableFuture<Optional<NotStoredReason>> store() {
      return call.get();
    }
  }

  private Pending prepare(CacheExchange exchange, MultivaluedMap<String, Object> liveHeaders) {
    exchange.end();
    Headers sent = JaxrsHeaders.of(liveHeaders);
    StoragePolicy.Decision decision = finalDecision(exchange, sent);
    if (decision instanceof StoragePolicy.Refuse refuse) {
      return new Refused(engine.notStored(exchange.request.target().toString(), refuse.reason()));
    }
    StoragePolicy.Store store = (StoragePolicy.Store) decision;
    StoredResponse response =
        store.response(
            exchange.status(),
            storedHeaders(
                exchange.route,
                exchange.status(),
                exchange.resourceHeaders(),
                sent,
                exchange.additions()),
            exchange.body());
    return new Storing(
        () ->
            engine.store(
                exchange.request,
                exchange.miss(),
                store,
                response,
                exchange.route.variants(exchange.resourceHeaders(), sent),
                exchange.tags));
  }

  /**
   * What is stored: the headers as the resource produced them, with the {@code Vary} the cache
   * added, the {@code Cache-Control} with what {@code @CacheControl} merges into it (the front
   * sends a hit without running that filter), the {@code Content-Type} the container chose when the
   * resource set none, and the fields the cache added for the body; never the fields other response
   * filters added, since they run again on every hit through the application.
   */
  private static Headers storedHeaders(
      CachedRoute route,
      int status,
      Headers resource,
      Headers sent,
      List<Headers.Field> additions) {
    VarySpec vary = VarySpec.parse(resource.all("Vary")).with(route.sentVary().fieldNames());
    String cacheControl = route.sentCacheControl(status, resource.all("Cache-Control"));
    List<String> replaced = new ArrayList<>(List.of("Vary"));
    if (cacheControl != null) {
      replaced.add("Cache-Control");
    }
    additions.forEach(field -> replaced.add(field.name()));
    List<Headers.Field> fields = new ArrayList<>(resource.without(replaced).fields());
    if (!vary.isEmpty()) {
      fields.add(new Headers.Field("Vary", vary.toHeaderValue()));
    }
    if (cacheControl != null && !cacheControl.isEmpty()) {
      fields.add(new Headers.Field("Cache-Control", cacheControl));
    }
    if (!resource.contains("Content-Type") && sent.contains("Content-Type")) {
      fields.add(new Headers.Field("Content-Type", sent.first("Content-Type")));
    }
    fields.addAll(additions);
    return StorableHeaders.forStorage(Headers.of(fields), sent);
  }

  /**
   * The resource confirmed a stale entry with a 304 to the cache's own conditions: replaces its
   * answer with the entry refreshed by the 304's fields (RFC 9111 §4.3.4), or with a 304 when the
   * client's own conditions hold, before any application filter sees it. The refreshed entry is
   * stored by {@link #storeRefreshed} once every filter has run.
   */
  void refresh(CacheExchange exchange, ContainerResponseContext response) {
    CacheEngine.Miss miss = exchange.miss();
    StoredResponse stale = miss.revalidate();
    Instant now = engine.now();
    Headers headers =
        StorableHeaders.updatedBy304(stale.headers(), JaxrsHeaders.of(response.getHeaders()), now);
    StoragePolicy.Decision decision =
        StoragePolicy.decide(
            StoragePolicy.Candidate.of(
                stale.status(),
                headers,
                exchange.request.credentials(),
                exchange.route.ttl(),
                exchange.request.time(),
                now,
                headers));
    StoredResponse refreshed =
        decision instanceof StoragePolicy.Store store
            ? store.response(stale.status(), headers, stale.body())
            : new StoredResponse(
                stale.status(), headers, stale.body(), stale.sharedWith(), Freshness.never(now));
    exchange.replacedBy(refreshed, decision);
    boolean clientNotModified =
        ServeDecision.notModified(
            refreshed, exchange.clientIfNoneMatch(), exchange.clientIfModifiedSince());
    ResponseReplay.replaceWith(
        response,
        refreshed,
        now,
        forwarded(miss, Optional.empty()).fwdStatus(304),
        clientNotModified);
  }

  /**
   * Stores the entry a 304 refreshed (only for a GET: a HEAD never fills the cache), if the
   * response as the filters left it still allows; returns why not otherwise.
   */
  CompletableFuture<Optional<NotStoredReason>> storeRefreshed(
      CacheExchange exchange,
      ContainerResponseContext response,
      Credentials credentials,
      String method) {
    StoredResponse refreshed = exchange.replacement();
    String what = exchange.request.target().toString();
    exchange.end();
    if (exchange.replacementDecision() instanceof StoragePolicy.Refuse refuse) {
      return CompletableFuture.completedFuture(engine.notStored(what, refuse.reason()));
    }
    Headers sent = JaxrsHeaders.of(response.getHeaders());
    StoragePolicy.Decision asSent =
        StoragePolicy.decide(
            new StoragePolicy.Candidate(
                method,
                exchange.request.directives(),
                credentials,
                exchange.route.personalised(),
                false,
                refreshed.status(),
                sent,
                refreshed.headers(),
                refreshed.body().length,
                engine.settings().maxEntryBytes(),
                exchange.route.ttl(),
                exchange.request.time(),
                refreshed.freshness().responseTime()));
    if (asSent instanceof StoragePolicy.Refuse refuse) {
      return CompletableFuture.completedFuture(engine.notStored(what, refuse.reason()));
    }
    Headers kept = StorableHeaders.forStorage(refreshed.headers(), sent);
    return engine.store(
        exchange.request,
        exchange.miss(),
        (StoragePolicy.Store) exchange.replacementDecision(),
        new StoredResponse(
            refreshed.status(),
            kept,
            refreshed.body(),
            refreshed.sharedWith(),
            refreshed.freshness()),
        exchange.route.variants(kept, sent),
        exchange.tags);
  }

  /** The {@code Cache-Status} of a response that went to the resource. */
  CacheStatus forwarded(CacheEngine.Miss miss, Optional<NotStoredReason> notStored) {
    CacheStatus status = CacheStatus.forward(engine.settings().cacheStatusName(), miss.fwd());
    return notStored.map(reason -> status.detail(reason.detail())).orElse(status.stored(true));
  }
}
