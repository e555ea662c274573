package dev.restcache.micrometer;

import dev.restcache.spi.CacheEntry;
import dev.restcache.spi.CacheStore;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A {@link CacheStore} that times every call to the store it wraps, from the call until its stage
 * completes, as the timer {@value #METER_NAME} with the tags {@code operation} ({@code get}, {@code
 * generation}, {@code put}, {@code invalidate-path}, {@code invalidate-tags}, {@code clear}, {@code
 * try-lease}, {@code is-leased}, {@code release-lease}) and {@code outcome} ({@code success},
 * {@code error}).
 *
 * <p>Wrap the store before giving it to the feature:
 *
 * <pre>{@code
 * CacheStore store = new TimedCacheStore(new InMemoryCacheStore(), registry);
 * ResponseCacheFeature feature = ResponseCacheFeature.builder().store(store).build();
 * }</pre>
 *
 * <p>It changes nothing else: every answer, failure and {@link #completesInline()} is the wrapped
 * store's. A call that outlives the feature's store timeout is recorded when it does complete, so
 * the timer shows how slow the store really was; the request had gone on without the cache and
 * counted a store error ({@code restcache.store.errors}).
 */
public final class TimedCacheStore implements CacheStore {
  /** The timer's name. */
  public static final String METER_NAME = "restcache.store.calls";

  private final CacheStore store;
  private final Clock clock;
  private final Timers get;
  private final Timers generation;
  private final Timers put;
  private final Timers invalidatePath;
  private final Timers invalidateTags;
  private final Timers clear;
  private final Timers tryLease;
  private final Timers isLeased;
  private final Timers releaseLease;

  /**
   * Times the calls to {@code store} in {@code registry}.
   *
   * @param store the store that does the work; closed when this one is
   * @param registry where the timer is registered
   */
  public TimedCacheStore(CacheStore store, MeterRegistry registry) {
    this(store, registry, Tags.empty());
  }

  /**
   * Times the calls to {@code store} in {@code registry}, with {@code tags} on every timer, to tell
   * apart the stores of several caches in one registry.
   *
   * @param store the store that does the work; closed when this one is
   * @param registry where the timer is registered
   * @param tags tags added to {@code operation} and {@code outcome}
   */
  public TimedCacheStore(CacheStore store, MeterRegistry registry, Iterable<Tag> tags) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = registry.config().clock();
    this.get = new Timers(registry, tags, "get");
    this.generation = new Timers(registry, tags, "generation");
    this.put = new Timers(registry, tags, "put");
    this.invalidatePath = new Timers(registry, tags, "invalidate-path");
    this.invalidateTags = new Timers(registry, tags, "invalidate-tags");
    this.clear = new Timers(registry, tags, "clear");
    this.tryLease = new Timers(registry, tags, "try-lease");
    this.isLeased = new Timers(registry, tags, "is-leased");
    this.releaseLease = new Timers(registry, tags, "release-lease");
  }

  /** {@return the store whose calls are timed} */
  public CacheStore delegate() {
    return store;
  }

  @Override
  public CompletionStage<Optional<CacheEntry>> get(String key) {
    return timed(get, () -> store.get(key));
  }

  @Override
  public CompletionStage<Long> generation(String path) {
    return timed(generation, () -> store.generation(path));
  }

  @Override
  public CompletionStage<Boolean> put(String key, CacheEntry entry, long generation) {
    return timed(put, () -> store.put(key, entry, generation));
  }

  @Override
  public CompletionStage<Void> invalidatePath(String path) {
    return timed(invalidatePath, () -> store.invalidatePath(path));
  }

  @Override
  public CompletionStage<Void> invalidateTags(Set<String> tags) {
    return timed(invalidateTags, () -> store.invalidateTags(tags));
  }

  @Override
  public CompletionStage<Void> clear() {
    return timed(clear, store::clear);
  }

  @Override
  public CompletionStage<Boolean> tryLease(String key, Duration ttl) {
    return timed(tryLease, () -> store.tryLease(key, ttl));
  }

  @Override
  public CompletionStage<Boolean> isLeased(String key) {
    return timed(isLeased, () -> store.isLeased(key));
  }

  @Override
  public CompletionStage<Void> releaseLease(String key) {
    return timed(releaseLease, () -> store.releaseLease(key));
  }

  /** {@return what the wrapped store says: timing adds no wait} */
  @Override
  public boolean completesInline() {
    return store.completesInline();
  }

  @Override
  public void close() {
    store.close();
  }

  private <T> CompletionStage<T> timed(Timers timers, Supplier<CompletionStage<T>> call) {
    long start = clock.monotonicTime();
    CompletionStage<T> stage;
    try {
      stage = call.get();
    } catch (RuntimeException e) {
      timers.error.record(clock.monotonicTime() - start, TimeUnit.NANOSECONDS);
      throw e;
    }
    return stage.whenComplete(
        (result, failure) ->
            (failure == null ? timers.success : timers.error)
                .record(clock.monotonicTime() - start, TimeUnit.NANOSECONDS));
  }

  /** One operation's timers, registered once so that a call allocates no meter id. */
  private static final class Timers {
    final Timer success;
    final Timer error;

    Timers(MeterRegistry registry, Iterable<Tag> tags, String operation) {
      this.success = timer(registry, tags, operation, "success");
      this.error = timer(registry, tags, operation, "error");
    }

    private static Timer timer(
        MeterRegistry registry, Iterable<Tag> tags, String operation, String outcome) {
      return Timer.builder(METER_NAME)
          .description("Calls to the cache's store, until their answer")
          .tags(tags)
          .tag("operation", operation)
          .tag("outcome", outcome)
          .register(registry);
    }
  }
}
