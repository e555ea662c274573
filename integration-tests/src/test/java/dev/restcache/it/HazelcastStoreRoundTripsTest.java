package dev.restcache.it;

import static dev.restcache.it.support.VersionedEntries.assertNoOlderVersionAfterWrites;
import static dev.restcache.it.support.VersionedEntries.entry;
import static dev.restcache.it.support.VersionedEntries.version;
import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import dev.restcache.hazelcast.HazelcastCacheStore;
import dev.restcache.it.support.HazelcastCluster;
import dev.restcache.testing.RecordedHazelcast;
import dev.restcache.testing.RecordedHazelcast.Call;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What storing a miss costs in the Hazelcast store (two round trips, from a member and from a
 * client), and that a GET racing a write on another member never leaves the old representation
 * served, wherever the write lands between the store's two calls.
 */
class HazelcastStoreRoundTripsTest {
  private static final String MAP = HazelcastCluster.MAP;
  private static final String GENERATIONS = MAP + ".generations";

  @RegisterExtension final HazelcastCluster cluster = new HazelcastCluster();

  private HazelcastCacheStore reader;
  private HazelcastCacheStore writer;

  @AfterEach
  void closeStores() {
    for (HazelcastCacheStore store : new HazelcastCacheStore[] {reader, writer}) {
      if (store != null) {
        store.close();
      }
    }
  }

  @Test
  void aStoreFromAMemberTakesTwoRoundTripsToAtMostTwoPartitionsOfGenerations() {
    List<HazelcastInstance> members = cluster.startMembers(2, false);
    RecordedHazelcast recorded = new RecordedHazelcast(members.get(0));
    reader = new HazelcastCacheStore(recorded.instance(), MAP);

    assertStoreTakesTwoRoundTrips(recorded);
  }

  @Test
  void aStoreFromAClientTakesTwoRoundTripsAndSeesTagEvictionsMadeOnAMember() {
    List<HazelcastInstance> members = cluster.startMembers(2, false);
    RecordedHazelcast recorded = new RecordedHazelcast(cluster.startClient());
    reader = new HazelcastCacheStore(recorded.instance(), MAP);
    writer = new HazelcastCacheStore(members.get(1), MAP);

    assertStoreTakesTwoRoundTrips(recorded);

    // The client finds the tags' generations where the members put them.
    writer.invalidateTags(Set.of("books")).toCompletableFuture().join();
    assertThat(reader.get("k").toCompletableFuture().join()).isEmpty();
  }

  @Test
  void aPathEvictedOnAnotherMemberBetweenAStoresReadAndItsWriteIsNeverServed() {
    List<HazelcastInstance> members = cluster.startMembers(2, false);
    RecordedHazelcast recorded = new RecordedHazelcast(members.get(0));
    reader = new HazelcastCacheStore(recorded.instance(), MAP);
    writer = new HazelcastCacheStore(members.get(1), MAP);
    long generation = reader.generation("/raced").toCompletableFuture().join();

    // The eviction lands after the store read the generations; its removal runs in the
    // background, before or after the store's write.
    recorded.before(MAP, "set", () -> writer.invalidatePath("/raced").toCompletableFuture().join());
    reader.put("raced", entry("/raced", 1), generation).toCompletableFuture().join();

    assertThat(version(reader, "raced")).as("through the storing member").isEmpty();
    assertThat(version(writer, "raced")).as("through the writing member").isEmpty();
    long again = reader.generation("/raced").toCompletableFuture().join();
    assertThat(reader.put("raced", entry("/raced", 2), again).toCompletableFuture().join())
        .isTrue();
    assertThat(version(writer, "raced")).contains(2);
  }

  @Test
  void aTagEvictedOnAnotherMemberBetweenAStoresReadAndItsWriteIsNeverServed() {
    List<HazelcastInstance> members = cluster.startMembers(2, false);
    RecordedHazelcast recorded = new RecordedHazelcast(members.get(0));
    reader = new HazelcastCacheStore(recorded.instance(), MAP);
    writer = new HazelcastCacheStore(members.get(1), MAP);
    long generation = reader.generation("/tagged").toCompletableFuture().join();

    recorded.before(
        MAP, "set", () -> writer.invalidateTags(Set.of("books")).toCompletableFuture().join());
    reader.put("tagged", entry("/tagged", 1), generation).toCompletableFuture().join();

    assertThat(version(reader, "tagged")).as("through the storing member").isEmpty();
    assertThat(version(writer, "tagged")).as("through the writing member").isEmpty();
  }

  @Test
  void getsRacingWritesOnAnotherMemberNeverLeaveAVersionOlderThanACompletedWrite() {
    List<HazelcastInstance> members = cluster.startMembers(2, false);
    reader = new HazelcastCacheStore(members.get(0), MAP);
    writer = new HazelcastCacheStore(members.get(1), MAP);
    assertNoOlderVersionAfterWrites(reader, writer, 200);
  }

  private void assertStoreTakesTwoRoundTrips(RecordedHazelcast recorded) {
    long generation = reader.generation("/books/1").toCompletableFuture().join();
    recorded.reset();

    assertThat(reader.put("k", entry("/books/1", 1), generation).toCompletableFuture().join())
        .isTrue();

    List<Call> calls = recorded.calls();
    assertThat(calls).extracting(Call::map).containsExactly(GENERATIONS, MAP);
    assertThat(calls).extracting(Call::method).containsExactly("getAll", "set");
    assertThat(calls.get(0).partitions())
        .as("the path's and the shared one")
        .isLessThanOrEqualTo(2);
    assertThat(version(reader, "k")).contains(1);
  }
}
