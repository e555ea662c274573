package dev.restcache.bench;

import dev.restcache.internal.CacheKeys;
import dev.restcache.internal.Credentials;
import dev.restcache.internal.Headers;
import dev.restcache.internal.KeyRules;
import dev.restcache.internal.NamePatterns;
import dev.restcache.internal.ResponseSuitability;
import dev.restcache.internal.StoragePolicy;
import dev.restcache.internal.StoragePolicy.Candidate;
import dev.restcache.internal.StoredResponse;
import dev.restcache.internal.StoredValueCodec;
import dev.restcache.internal.http.CacheDirectives;
import dev.restcache.internal.http.RequestTarget;
import dev.restcache.memory.InMemoryCacheStore;
import dev.restcache.spi.CacheEntry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The pure steps of every cached request, so that a regression shows here before it reaches a load
 * run: key derivation, directive parsing, the storage decision, the freshness check, the payload
 * codec, and the in-memory store's get and put.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class HotPathsBenchmark {
  private final URI uri =
      URI.create("http://shop.example/books/42?page=2&sort=title&utm_source=mail");
  private final KeyRules rules = new KeyRules("restcache:", true, NamePatterns.NONE);
  private final String cacheControl = "public, max-age=300, stale-while-revalidate=30";
  private final Instant now = Instant.parse("2026-11-23T10:00:00Z");
  private final Headers headers =
      Headers.of(
          List.of(
              new Headers.Field("Content-Type", "application/json"),
              new Headers.Field("Cache-Control", cacheControl),
              new Headers.Field("Date", "Mon, 23 Nov 2026 10:00:00 GMT"),
              new Headers.Field("ETag", "\"abc123\"")));
  private StoredResponse stored;
  private byte[] payload;
  private InMemoryCacheStore store;
  private CacheEntry entry;
  private long generation;

  @Setup
  public void setUp() throws Exception {
    StoragePolicy.Store decision =
        (StoragePolicy.Store)
            StoragePolicy.decide(
                Candidate.of(
                    200, headers, Credentials.NONE, Duration.ofMinutes(2), now, now, headers));
    stored = decision.response(200, headers, new byte[1024]);
    payload = StoredValueCodec.encode(stored);
    store = new InMemoryCacheStore();
    entry =
        new CacheEntry(
            "restcache:/books/42",
            Set.of("restcache:books"),
            // The store expires by the wall clock: a date fixed in the past would measure a miss.
            Instant.now().plus(Duration.ofDays(1)),
            payload);
    generation = store.generation("restcache:/books/42").toCompletableFuture().get();
    store.put("restcache:hot", entry, generation).toCompletableFuture().get();
  }

  @Benchmark
  public String primaryKey() {
    return CacheKeys.primaryKey(rules, RequestTarget.of(uri), absent -> null);
  }

  @Benchmark
  public String indexPath() {
    return CacheKeys.path(uri);
  }

  @Benchmark
  public CacheDirectives parseCacheControl() {
    return CacheDirectives.parse(cacheControl);
  }

  @Benchmark
  public StoragePolicy.Decision storageDecision() {
    return StoragePolicy.decide(
        Candidate.of(200, headers, Credentials.NONE, Duration.ofMinutes(2), now, now, headers));
  }

  @Benchmark
  public ResponseSuitability.Suitability freshness() {
    return ResponseSuitability.assess(stored, CacheDirectives.NONE, now.plusSeconds(10));
  }

  @Benchmark
  public byte[] encode() {
    return StoredValueCodec.encode(stored);
  }

  @Benchmark
  public Object decode() throws Exception {
    return StoredValueCodec.decode(payload);
  }

  @Benchmark
  public Optional<CacheEntry> storeGet() throws Exception {
    return store.get("restcache:hot").toCompletableFuture().get();
  }

  @Benchmark
  public Boolean storePut() throws Exception {
    return store.put("restcache:hot", entry, generation).toCompletableFuture().get();
  }
}
