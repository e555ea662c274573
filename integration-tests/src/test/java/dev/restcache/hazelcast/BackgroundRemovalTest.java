package dev.restcache.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.serialization.genericrecord.GenericRecord;
import dev.restcache.it.support.HazelcastCluster;
import dev.restcache.spi.CacheEntry;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With no room left for waiting removals, an eviction removes its entries before it returns: a real
 * member on 127.0.0.1, the map written by a store.
 */
class BackgroundRemovalTest {
  private static final String MAP = HazelcastCluster.MAP;

  @RegisterExtension final HazelcastCluster cluster = new HazelcastCluster();

  private HazelcastCacheStore store;
  private IMap<String, GenericRecord> entries;

  @BeforeEach
  void startMember() {
    HazelcastInstance member = cluster.startMembers(1, false).get(0);
    store = new HazelcastCacheStore(member, MAP);
    entries = member.getMap(MAP);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void aFullQueueRemovesAPathsEntriesAtOnce() {
    store("k", "/books/1", Set.of());
    BackgroundRemoval full = new BackgroundRemoval(entries, 0);

    full.path("/books/1", 42);

    assertThat(entries.containsKey("k")).isFalse();
    full.close();
  }

  @Test
  void aFullQueueRemovesATagsEntriesAtOnce() {
    store("k", "/books/1", Set.of("books"));
    BackgroundRemoval full = new BackgroundRemoval(entries, 0);

    full.tags(Map.of("books", 42L));

    assertThat(entries.containsKey("k")).isFalse();
    full.close();
  }

  private void store(String key, String path, Set<String> tags) {
    long generation = store.generation(path).toCompletableFuture().join();
    CacheEntry entry = new CacheEntry(path, tags, Instant.now().plusSeconds(60), new byte[] {1});
    assertThat(store.put(key, entry, generation).toCompletableFuture().join()).isTrue();
  }
}
