package dev.restcache.it;

import static dev.restcache.it.support.VersionedEntries.assertNoOlderVersionAfterWrites;
import static dev.restcache.it.support.VersionedEntries.entry;
import static dev.restcache.it.support.VersionedEntries.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.HazelcastInstance;
import dev.restcache.hazelcast.HazelcastCacheStore;
import dev.restcache.it.support.HazelcastCluster;
import dev.restcache.spi.CacheEntry;
import dev.restcache.testing.Eventually;
import dev.restcache.testing.LoopbackPorts;
import dev.restcache.testing.RecordedHazelcast;
import dev.restcache.testing.RecordedHazelcast.Call;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link HazelcastCacheStore.Builder#reuseReadsFor}: a hit within the reuse time makes no call to
 * the cluster, and an eviction on another member or client is answered only once no instance serves
 * what it evicted.
 */
class HazelcastReusedReadsTest {
  private static final String MAP = HazelcastCluster.MAP;
  private static final String GENERATIONS = MAP + ".generations";
  private static final Duration REUSE = Duration.ofMillis(300);
  private static final Duration LONGEST = Duration.ofSeconds(1);

  @RegisterExtension final HazelcastCluster cluster = new HazelcastCluster();

  private final List<HazelcastCacheStore> stores = new ArrayList<>();

  @AfterEach
  void closeStores() {
    stores.forEach(HazelcastCacheStore::close);
  }

  @Test
  void aHitWithinTheReuseTimeIsAnsweredAtOnceWithNoCall() {
    List<HazelcastInstance> members = cluster.startMembers(2, false);
    RecordedHazelcast recorded = new RecordedHazelcast(members.get(0));
    // The longest reuse: a hit past half of it would renew the entry, which is a call.
    HazelcastCacheStore reader = reusing(recorded.instance(), LONGEST);
    String key = keyOwnedBy(members.get(1));
    store(reader, key, "/books/1", 1);
    assertThat(version(reader, key)).contains(1);
    recorded.reset();

    CompletableFuture<Optional<CacheEntry>> hit = reader.get(key).toCompletableFuture();

    assertThat(hit).as("answered on the caller's thread").isDone();
    assertThat(version(reader, key)).contains(1);
    assertThat(recorded.calls()).isEmpty();
  }

  @Test
  void hitsPastHalfTheReuseTimeAreAnsweredAtOnceAndRenewTheEntryOnceInTheBackground() {
    List<HazelcastInstance> members = cluster.startMembers(2, false);
    RecordedHazelcast recorded = new RecordedHazelcast(members.get(0));
    HazelcastCacheStore reader = reusing(recorded.instance(), REUSE);
    String key = keyOwnedBy(members.get(1));
    store(reader, key, "/books/1", 1);
    // Past the copies the store read, so that this read takes entry and generations afresh.
    pause(REUSE.plusMillis(20));
    assertThat(version(reader, key)).contains(1);
    pause(REUSE.dividedBy(2).plusMillis(20));
    recorded.reset();

    List<CompletableFuture<Optional<CacheEntry>>> hits =
        IntStream.range(0, 5).mapToObj(i -> reader.get(key).toCompletableFuture()).toList();

    assertThat(hits).as("answered on the caller's thread").allMatch(CompletableFuture::isDone);
    Eventually.await(
        "the entry read again", Duration.ofSeconds(5), () -> recorded.calls().size() >= 2);
    assertThat(recorded.calls())
        .as("one renewal: the entry, then its generations from the cluster")
        .extracting(Call::map)
        .containsExactly(MAP, GENERATIONS);
  }

  @Test
  void pastTheReuseTimeAHitReadsItsEntryFromTheNearCacheAndItsGenerations() {
    List<HazelcastInstance> members = cluster.startMembers(2, true);
    RecordedHazelcast recorded = new RecordedHazelcast(members.get(0));
    HazelcastCacheStore reader = reusing(recorded.instance(), REUSE);
    // A member near-caches only the entries other members own.
    String key = keyOwnedBy(members.get(1));
    store(reader, key, "/books/1", 1);
    assertThat(version(reader, key)).contains(1);
    long nearHits = nearCacheHits(members.get(0));
    pause(REUSE.plusMillis(50));
    recorded.reset();

    assertThat(version(reader, key)).contains(1);

    assertThat(recorded.calls()).extracting(Call::map).containsExactly(MAP, GENERATIONS);
    assertThat(nearCacheHits(members.get(0)))
        .as("entries read from the near cache")
        .isEqualTo(nearHits + 1);
  }

  @Test
  void anEntryThisInstanceStoresAnewIsServedAtOnce() {
    List<HazelcastInstance> members = cluster.startMembers(2, true);
    HazelcastCacheStore reader = reusing(members.get(0), REUSE);
    store(reader, "k", "/books/1", 1);
    assertThat(version(reader, "k")).contains(1);

    store(reader, "k", "/books/1", 2);

    assertThat(version(reader, "k")).contains(2);
  }

  @Test
  void anEntryAnotherInstanceStoresAnewWithoutAnEvictionIsServedOnceTheReuseTimeIsOver() {
    List<HazelcastInstance> members = cluster.startMembers(2, false);
    HazelcastCacheStore reader = reusing(members.get(0), REUSE);
    HazelcastCacheStore writer = reusing(members.get(1), REUSE);
    store(reader, "k", "/books/1", 1);
    assertThat(version(reader, "k")).contains(1);

    store(writer, "k", "/books/1", 2);
    pause(REUSE.plusMillis(50));

    assertThat(version(reader, "k")).contains(2);
  }

  @Test
  void anEntryIsNotServedOnceThisInstanceHasReadAGenerationThatEvictedIt() {
    List<HazelcastInstance> members = cluster.startMembers(2, false);
    HazelcastCacheStore reader = reusing(members.get(0), LONGEST);
    HazelcastCacheStore writer = reusing(members.get(1), LONGEST);
    store(reader, "k", "/books/1", 1);
    assertThat(version(reader, "k")).contains(1);
    long before = reader.generation("/books/1").toCompletableFuture().join();

    CompletableFuture<Void> eviction = writer.invalidatePath("/books/1").toCompletableFuture();
    // A put reads the path's generation afresh, and is refused once it finds the new one.
    Eventually.await(
        "the reader has read the new generation",
        Duration.ofMillis(800),
        () -> !reader.put("k2", entry("/books/1", 9), before).toCompletableFuture().join());

    assertThat(version(reader, "k")).isEmpty();
    assertThat(eviction).as("answered only once every copy has ended").isNotDone();
    eviction.join();
  }

  @Test
  void withoutReuseEveryHitReadsItsGenerations() {
    List<HazelcastInstance> members = cluster.startMembers(2, true);
    RecordedHazelcast recorded = new RecordedHazelcast(members.get(0));
    HazelcastCacheStore reader = track(new HazelcastCacheStore(recorded.instance(), MAP));
    store(reader, "k", "/books/1", 1);
    recorded.reset();

    assertThat(version(reader, "k")).contains(1);
    assertThat(version(reader, "k")).contains(1);

    assertThat(recorded.calls())
        .extracting(Call::map)
        .containsExactly(MAP, GENERATIONS, MAP, GENERATIONS);
  }

  @Test
  void aPathEvictedOnAnotherMemberIsServedByNoMemberOnceTheEvictionIsAnswered() {
    List<HazelcastInstance> members = cluster.startMembers(2, true);
    HazelcastCacheStore reader = reusing(members.get(0), REUSE);
    HazelcastCacheStore writer = reusing(members.get(1), REUSE);

    assertEvictionsAreInForceWhenAnswered(
        reader, writer, store -> store.invalidatePath("/books/1").toCompletableFuture().join());
  }

  @Test
  void aTagEvictedFromAClientIsServedByNoMemberOnceTheEvictionIsAnswered() {
    List<HazelcastInstance> members = cluster.startMembers(2, false);
    HazelcastCacheStore reader = reusing(members.get(0), REUSE);
    HazelcastCacheStore writer = reusing(cluster.startClient(), REUSE);

    assertEvictionsAreInForceWhenAnswered(
        reader,
        writer,
        store -> store.invalidateTags(Set.of("books")).toCompletableFuture().join());
  }

  @Test
  void aClearOnAnotherMemberIsServedByNoMemberOnceItIsAnswered() {
    List<HazelcastInstance> members = cluster.startMembers(2, false);
    HazelcastCacheStore reader = reusing(members.get(0), REUSE);
    HazelcastCacheStore writer = reusing(members.get(1), REUSE);

    assertEvictionsAreInForceWhenAnswered(
        reader, writer, store -> store.clear().toCompletableFuture().join());
  }

  @Test
  void getsRacingWritesOnAnotherMemberNeverLeaveAVersionOlderThanACompletedWrite() {
    List<HazelcastInstance> members = cluster.startMembers(2, true);
    HazelcastCacheStore reader = reusing(members.get(0), REUSE);
    HazelcastCacheStore writer = reusing(members.get(1), REUSE);
    assertNoOlderVersionAfterWrites(reader, writer, 30);
  }

  @Test
  void aMemberJoiningMakesTheNextHitReadItsGenerationsAgain() {
    List<HazelcastInstance> members = cluster.startMembers(2, true);
    RecordedHazelcast recorded = new RecordedHazelcast(members.get(0));
    HazelcastCacheStore reader = reusing(recorded.instance(), Duration.ofSeconds(1));
    store(reader, "k", "/books/1", 1);
    assertThat(version(reader, "k")).contains(1);

    cluster.restartMember(LoopbackPorts.free(), true);
    recorded.reset();

    assertThat(version(reader, "k")).contains(1);
    assertThat(recorded.calls()).extracting(Call::map).contains(GENERATIONS);
  }

  @Test
  void aReuseTimeAboveOneSecondOrBelowZeroIsRefused() {
    List<HazelcastInstance> members = cluster.startMembers(1, false);
    HazelcastCacheStore.Builder builder = HazelcastCacheStore.builder(members.get(0));

    assertThatThrownBy(() -> builder.reuseReadsFor(Duration.ofMillis(1001)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1000 ms");
    assertThatThrownBy(() -> builder.reuseReadsFor(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // Each round: the reader has just hit (its copies are fresh), the eviction is answered, and at
  // once neither instance serves the entry; the eviction took at least the reuse time. A near
  // cache may still hold the round before's entry for a moment after the new one is stored (its
  // invalidation travels on its own): a miss, so the round waits for both instances to hit.
  private void assertEvictionsAreInForceWhenAnswered(
      HazelcastCacheStore reader, HazelcastCacheStore writer, Consumer<HazelcastCacheStore> evict) {
    for (int round = 1; round <= 10; round++) {
      store(reader, "k", "/books/1", round);
      int stored = round;
      Eventually.await(
          "both instances hit version " + round,
          Duration.ofSeconds(5),
          () ->
              version(reader, "k").equals(Optional.of(stored))
                  && version(writer, "k").equals(Optional.of(stored)));
      assertThat(version(reader, "k")).contains(round);

      long started = System.nanoTime();
      evict.accept(writer);
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(version(reader, "k")).as("read after eviction %d", round).isEmpty();
      assertThat(version(writer, "k")).as("read after eviction %d", round).isEmpty();
      assertThat(took).isGreaterThanOrEqualTo(REUSE);
    }
  }

  private static String keyOwnedBy(HazelcastInstance member) {
    return IntStream.range(0, 1000)
        .mapToObj(i -> "k" + i)
        .filter(
            key ->
                member
                    .getPartitionService()
                    .getPartition(key)
                    .getOwner()
                    .equals(member.getCluster().getLocalMember()))
        .findFirst()
        .orElseThrow();
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static long nearCacheHits(HazelcastInstance member) {
    return member.getMap(MAP).getLocalMapStats().getNearCacheStats().getHits();
  }

  private HazelcastCacheStore reusing(HazelcastInstance instance, Duration reuse) {
    return track(HazelcastCacheStore.builder(instance).mapName(MAP).reuseReadsFor(reuse).build());
  }

  private HazelcastCacheStore track(HazelcastCacheStore store) {
    stores.add(store);
    return store;
  }

  private static void store(HazelcastCacheStore store, String key, String path, int version) {
    long generation = store.generation(path).toCompletableFuture().join();
    assertThat(store.put(key, entry(path, version), generation).toCompletableFuture().join())
        .as("stored version %d", version)
        .isTrue();
  }
}
