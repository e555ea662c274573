package dev.restcache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.ResponseCacheFeature;
import dev.restcache.TestEngines;
import dev.restcache.internal.http.CacheDirectives;
import dev.restcache.internal.http.Freshness;
import dev.restcache.internal.http.RequestTarget;
import dev.restcache.internal.http.VarySpec;
import dev.restcache.memory.InMemoryCacheStore;
import dev.restcache.spi.CacheEntry;
import dev.restcache.spi.CacheStore;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The lookup is a stage that nobody has to wait for: complete at once with a store that completes
 * inline, pending while another request fills the entry or the store has not answered, and never
 * failed by a failing store.
 */
class AsynchronousLookupTest {
  private static final URI BOOK = URI.create("http://127.0.0.1/books/1");

  private static CacheRequest request() {
    return new CacheRequest(
        RequestTarget.of(BOOK),
        absent -> null,
        Credentials.NONE,
        CacheDirectives.NONE,
        Instant.now(),
        false);
  }

  private static CompletableFuture<CacheEngine.Lookup> lookup(CacheEngine engine) {
    return engine.lookup(request(), () -> CacheKeys.path(BOOK));
  }

  @Test
  void theFirstRequestLeadsTheFillAtOnce() {
    CacheEngine engine = TestEngines.of(ResponseCacheFeature.withDefaults());
    CompletableFuture<CacheEngine.Lookup> first = lookup(engine);
    assertThat(first).isCompleted();
    assertThat(first.join())
        .isInstanceOfSatisfying(
            CacheEngine.Miss.class, miss -> assertThat(miss.fill()).isNotNull());
  }

  @Test
  void aCollapsedRequestIsPendingUntilTheLeaderIsDone() {
    CacheEngine engine = TestEngines.of(ResponseCacheFeature.withDefaults());
    CacheEngine.Miss first = (CacheEngine.Miss) lookup(engine).join();
    CompletableFuture<CacheEngine.Lookup> second = lookup(engine);
    assertThat(second).isNotDone();
    assertThat(engine.stats().misses()).isEqualTo(1);

    engine.finished(first.fill());

    assertThat(second).isCompleted();
    // Nothing was stored: the follower goes to the resource itself, leading no fill.
    assertThat(second.join())
        .isInstanceOfSatisfying(CacheEngine.Miss.class, miss -> assertThat(miss.fill()).isNull());
  }

  @Test
  void aRequestThatReadBeforeTheLeaderStoredAndLeadsAfterItIsServedTheStoredEntry() {
    CompletableFuture<Optional<CacheEntry>> lateRead = new CompletableFuture<>();
    AtomicInteger reads = new AtomicInteger();
    CacheStore memory = new InMemoryCacheStore(1 << 20);
    CacheEngine engine =
        TestEngines.of(
            ResponseCacheFeature.builder()
                .store(
                    new Reading(
                        memory, key -> reads.incrementAndGet() == 2 ? lateRead : memory.get(key)))
                .build());
    CacheEngine.Miss leader = (CacheEngine.Miss) lookup(engine).join();
    // The late request has read nothing yet: its read answers once the leader is done.
    CompletableFuture<CacheEngine.Lookup> late = lookup(engine);
    assertThat(late).isNotDone();

    Instant now = engine.now();
    StoredResponse response =
        new StoredResponse(
            200,
            Headers.of(List.of(new Headers.Field("Content-Type", "text/plain"))),
            "Kindred".getBytes(StandardCharsets.UTF_8),
            Credentials.IDENTITY,
            Freshness.of(CacheDirectives.NONE, Duration.ofMinutes(1), Duration.ZERO, now));
    assertThat(
            engine
                .store(
                    request(),
                    leader,
                    new StoragePolicy.Store(response.freshness(), Credentials.IDENTITY, false),
                    response,
                    new VariantIndex(VarySpec.NONE, List.of()),
                    Set.of())
                .join())
        .isEmpty();
    engine.finished(leader.fill());
    lateRead.complete(Optional.empty());

    // It found no entry and no fill to wait for, yet the resource does not run again.
    assertThat(late.join())
        .isInstanceOfSatisfying(
            CacheEngine.Hit.class,
            hit -> assertThat(hit.response().body()).isEqualTo(response.body()));
    assertThat(engine.stats().misses()).isEqualTo(1);
  }

  @Test
  void aFillWhoseResourceAnsweredIsReleasedSoonEvenWhenNothingReportsTheEndOfItsRequest()
      throws Exception {
    CacheEngine engine =
        TestEngines.of(
            ResponseCacheFeature.builder()
                .collapseTimeout(Duration.ofMinutes(10))
                .storeTimeout(Duration.ofMillis(50))
                .build());
    CacheEngine.Miss first = (CacheEngine.Miss) lookup(engine).join();
    CompletableFuture<CacheEngine.Lookup> second = lookup(engine);
    assertThat(second).isNotDone();

    // A filter after the resource failed, and no hook of the runtime saw the request end.
    engine.resourceAnswered(first.fill());

    // Far below the collapse timeout: the follower goes on to the resource itself.
    assertThat(second.get(30, TimeUnit.SECONDS)).isInstanceOf(CacheEngine.Miss.class);
  }

  @Test
  void aFillThatNoHookFinishesHoldsNobodyPastTheCollapseTimeout() throws Exception {
    CacheEngine engine =
        TestEngines.of(
            ResponseCacheFeature.builder().collapseTimeout(Duration.ofMillis(100)).build());
    // Its request ended in a way no end-of-request hook saw: nobody calls finished.
    CacheEngine.Miss abandoned = (CacheEngine.Miss) lookup(engine).join();

    abandoned.fill().done().get(10, TimeUnit.SECONDS);

    assertThat(lookup(engine).get(10, TimeUnit.SECONDS)).isInstanceOf(CacheEngine.Miss.class);
  }

  @Test
  void aStoreThatHasNotAnsweredLeavesTheLookupPendingWithoutAThread() {
    CompletableFuture<Optional<CacheEntry>> answer = new CompletableFuture<>();
    CacheEngine engine =
        TestEngines.of(ResponseCacheFeature.builder().store(new Reading(key -> answer)).build());
    CompletableFuture<CacheEngine.Lookup> lookup = lookup(engine);
    assertThat(lookup).isNotDone();

    answer.complete(Optional.empty());

    assertThat(lookup.join()).isInstanceOf(CacheEngine.Miss.class);
  }

  @Test
  void aStoreThatNeverAnswersBypassesTheCacheAfterTheStoreTimeout() {
    CacheEngine engine =
        TestEngines.of(
            ResponseCacheFeature.builder()
                .storeTimeout(Duration.ofMillis(50))
                .store(new Reading(key -> new CompletableFuture<>()))
                .build());
    assertThat(lookup(engine).join())
        .isEqualTo(new CacheEngine.Bypass(NotStoredReason.STORE_ERROR));
    assertThat(engine.stats().storeErrors()).isEqualTo(1);
  }

  @Test
  void aStoreThatThrowsBypassesTheCacheAtOnce() {
    CacheEngine engine =
        TestEngines.of(
            ResponseCacheFeature.builder()
                .store(
                    new Reading(
                        key -> {
                          throw new IllegalStateException("down");
                        }))
                .build());
    CompletableFuture<CacheEngine.Lookup> lookup = lookup(engine);
    assertThat(lookup).isCompleted();
    assertThat(lookup.join()).isEqualTo(new CacheEngine.Bypass(NotStoredReason.STORE_ERROR));
  }

  /** An in-memory store whose reads answer as {@code reads} says. */
  private static final class Reading implements CacheStore {
    private final CacheStore memory;
    private final Function<String, CompletionStage<Optional<CacheEntry>>> reads;

    Reading(Function<String, CompletionStage<Optional<CacheEntry>>> reads) {
      this(new InMemoryCacheStore(1 << 20), reads);
    }

    Reading(CacheStore memory, Function<String, CompletionStage<Optional<CacheEntry>>> reads) {
      this.memory = memory;
      this.reads = reads;
    }

    @Override
    public CompletionStage<Optional<CacheEntry>> get(String key) {
      return reads.apply(key);
    }

    @Override
    public CompletionStage<Long> generation(String path) {
      return memory.generation(path);
    }

    @Override
    public CompletionStage<Boolean> put(String key, CacheEntry entry, long generation) {
      return memory.put(key, entry, generation);
    }

    @Override
    public CompletionStage<Void> invalidatePath(String path) {
      return memory.invalidatePath(path);
    }

    @Override
    public CompletionStage<Void> invalidateTags(Set<String> tags) {
      return memory.invalidateTags(tags);
    }

    @Override
    public CompletionStage<Void> clear() {
      return memory.clear();
    }
  }
}
