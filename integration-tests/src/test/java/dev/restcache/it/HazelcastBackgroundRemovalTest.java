package dev.restcache.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.restcache.hazelcast.HazelcastCacheStore;
import dev.restcache.it.support.HazelcastCluster;
import dev.restcache.spi.CacheEntry;
import dev.restcache.testing.Eventually;
import dev.restcache.testing.RecordedHazelcast;
import dev.restcache.testing.RecordedHazelcast.Call;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An eviction waits only for its new generation; the entries it evicted leave the map afterwards,
 * in the background, a failed removal is retried until it lands, and an entry stored since the
 * eviction stays: two real members on 127.0.0.1, the evicting store on the first, the map seen from
 * the second.
 */
class HazelcastBackgroundRemovalTest {
  private static final String MAP = HazelcastCluster.MAP;
  private static final Duration REMOVAL = Duration.ofSeconds(30);

  @RegisterExtension final HazelcastCluster cluster = new HazelcastCluster();

  private RecordedHazelcast recorded;
  private IMap<Object, Object> entries;
  private HazelcastCacheStore evicting;
  private HazelcastCacheStore other;

  @BeforeEach
  void startMembers() {
    List<HazelcastInstance> members = cluster.startMembers(2, false);
    recorded = new RecordedHazelcast(members.get(0));
    evicting = new HazelcastCacheStore(recorded.instance(), MAP);
    other = new HazelcastCacheStore(members.get(1), MAP);
    entries = members.get(1).getMap(MAP);
  }

  @AfterEach
  void closeStores() {
    evicting.close();
    other.close();
  }

  @Test
  void anEvictionReturnsBeforeItsRemovalAndAFailedRemovalIsRetriedUntilItLands() throws Exception {
    store(evicting, "old", "/books/1", Set.of());
    CountDownLatch released = new CountDownLatch(1);
    recorded.before(
        MAP,
        "removeAll",
        () -> {
          await(released);
          throw new HazelcastException("the removal's first attempt fails");
        });

    evicting.invalidatePath("/books/1").toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertThat(evicting.get("old").toCompletableFuture().join()).as("served").isEmpty();
    assertThat(entries.containsKey("old")).as("held while its removal waits").isTrue();
    released.countDown();
    Eventually.await("the entry removed", REMOVAL, () -> !entries.containsKey("old"));
    // The failed attempt threw before it reached the map, so only the retry is recorded.
    assertThat(recorded.calls())
        .as("removals that reached the map")
        .filteredOn(call -> call.method().equals("removeAll"))
        .extracting(Call::map)
        .containsExactly(MAP);
  }

  @Test
  void anEvictedPathsEntriesLeaveTheMapButOneStoredSinceTheEvictionStays() {
    store(evicting, "old", "/books/1", Set.of());
    store(evicting, "unrelated", "/books/2", Set.of());
    // A GET on the other member stores the new representation before the removal runs.
    recorded.before(MAP, "removeAll", () -> store(other, "new", "/books/1", Set.of()));

    evicting.invalidatePath("/books/1").toCompletableFuture().join();

    Eventually.await("the old entry removed", REMOVAL, () -> !entries.containsKey("old"));
    assertThat(entries.keySet()).containsExactlyInAnyOrder("new", "unrelated");
    assertThat(evicting.get("new").toCompletableFuture().join()).isPresent();
  }

  @Test
  void anEvictedTagsEntriesLeaveTheMapButOneStoredSinceTheEvictionStays() {
    store(evicting, "books", "/books/1", Set.of("books"));
    store(evicting, "both", "/books/2", Set.of("books", "fiction"));
    store(evicting, "poetry", "/books/3", Set.of("poetry"));
    recorded.before(MAP, "removeAll", () -> store(other, "new", "/books/4", Set.of("fiction")));

    evicting.invalidateTags(Set.of("books", "fiction")).toCompletableFuture().join();

    Eventually.await("the tagged entries removed", REMOVAL, () -> entries.size() == 2);
    assertThat(entries.keySet()).containsExactlyInAnyOrder("poetry", "new");
    assertThat(evicting.get("new").toCompletableFuture().join()).isPresent();
  }

  @Test
  void aStoreClosedRightAfterEvictionsRemovesTheirEntriesFirst() {
    for (int i = 0; i < 100; i++) {
      store(evicting, "k" + i, "/books/" + i, Set.of());
    }
    for (int i = 0; i < 100; i++) {
      evicting.invalidatePath("/books/" + i).toCompletableFuture().join();
    }

    evicting.close();

    assertThat(entries.size()).isZero();
  }

  private static void store(HazelcastCacheStore store, String key, String path, Set<String> tags) {
    long generation = store.generation(path).toCompletableFuture().join();
    CacheEntry entry = new CacheEntry(path, tags, Instant.now().plusSeconds(60), new byte[] {1});
    assertThat(store.put(key, entry, generation).toCompletableFuture().join()).isTrue();
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
