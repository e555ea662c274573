package dev.restcache.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.spi.CacheEntry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryCacheStoreTest {
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final InMemoryCacheStore store = new InMemoryCacheStore(1024 * 1024, clock);

  private static CacheEntry entry(String path, Set<String> tags, int bytes) {
    return new CacheEntry(path, tags, NOW.plusSeconds(60), new byte[bytes]);
  }

  private Optional<CacheEntry> get(String key) {
    return store.get(key).toCompletableFuture().join();
  }

  private boolean put(String key, CacheEntry entry) {
    long generation = store.generation(entry.path()).toCompletableFuture().join();
    return store.put(key, entry, generation).toCompletableFuture().join();
  }

  @Test
  void storedEntryIsReadBack() {
    CacheEntry entry = entry("/a", Set.of("t"), 10);
    assertThat(put("k", entry)).isTrue();
    assertThat(get("k")).contains(entry);
    assertThat(get("other")).isEmpty();
  }

  @Test
  void pathInvalidationRemovesEveryKeyOfThePathOnly() {
    put("a?x=1", entry("/a", Set.of(), 1));
    put("a?x=2", entry("/a", Set.of(), 1));
    put("b", entry("/b", Set.of(), 1));
    store.invalidatePath("/a").toCompletableFuture().join();
    assertThat(get("a?x=1")).isEmpty();
    assertThat(get("a?x=2")).isEmpty();
    assertThat(get("b")).isPresent();
  }

  @Test
  void tagInvalidationRemovesEveryEntryWithTheTag() {
    put("1", entry("/1", Set.of("books", "book:1"), 1));
    put("2", entry("/2", Set.of("books", "book:2"), 1));
    put("3", entry("/3", Set.of("authors"), 1));
    store.invalidateTags(Set.of("book:1")).toCompletableFuture().join();
    assertThat(get("1")).isEmpty();
    assertThat(get("2")).isPresent();
    store.invalidateTags(Set.of("books")).toCompletableFuture().join();
    assertThat(get("2")).isEmpty();
    assertThat(get("3")).isPresent();
  }

  @Test
  void replacedEntryIsFoundByItsNewTags() {
    put("k", entry("/k", Set.of("old"), 1));
    put("k", entry("/k", Set.of("new"), 1));
    store.invalidateTags(Set.of("new")).toCompletableFuture().join();
    assertThat(get("k")).isEmpty();
  }

  @Test
  void putIsRefusedAfterThePathWasInvalidatedSinceItsGenerationWasRead() {
    long generation = store.generation("/a").toCompletableFuture().join();
    store.invalidatePath("/a").toCompletableFuture().join();
    boolean stored =
        store.put("k", entry("/a", Set.of(), 1), generation).toCompletableFuture().join();
    assertThat(stored).isFalse();
    assertThat(get("k")).isEmpty();
  }

  @Test
  void putIsRefusedAfterATagInvalidationOrClear() {
    long generation = store.generation("/a").toCompletableFuture().join();
    store.invalidateTags(Set.of("x")).toCompletableFuture().join();
    assertThat(store.put("k", entry("/a", Set.of(), 1), generation).toCompletableFuture().join())
        .isFalse();
    long next = store.generation("/a").toCompletableFuture().join();
    store.clear().toCompletableFuture().join();
    assertThat(store.put("k", entry("/a", Set.of(), 1), next).toCompletableFuture().join())
        .isFalse();
  }

  @Test
  void invalidatingAnotherPathDoesNotRefuseAPut() {
    long generation = store.generation("/a").toCompletableFuture().join();
    store.invalidatePath("/b").toCompletableFuture().join();
    assertThat(store.put("k", entry("/a", Set.of(), 1), generation).toCompletableFuture().join())
        .isTrue();
  }

  @Test
  void clearRemovesEverything() {
    put("1", entry("/1", Set.of(), 1));
    put("2", entry("/2", Set.of(), 1));
    store.clear().toCompletableFuture().join();
    assertThat(get("1")).isEmpty();
    assertThat(get("2")).isEmpty();
  }

  @Test
  void memoryIsBoundedByBytesNotEntries() {
    InMemoryCacheStore small = new InMemoryCacheStore(100_000, clock);
    for (int i = 0; i < 1_000; i++) {
      long generation = small.generation("/p" + i).toCompletableFuture().join();
      small.put("k" + i, entry("/p" + i, Set.of(), 1_000), generation);
    }
    small.cleanUp();
    assertThat(small.weightedSize()).isLessThanOrEqualTo(100_000);
    assertThat(small.size()).isLessThan(100);
  }

  @Test
  void expiredEntriesAreNotReturned() {
    MovableClock movable = new MovableClock(NOW);
    InMemoryCacheStore expiring = new InMemoryCacheStore(1024 * 1024, movable);
    long generation = expiring.generation("/a").toCompletableFuture().join();
    expiring.put("k", entry("/a", Set.of(), 1), generation);
    movable.now = NOW.plusSeconds(59);
    assertThat(expiring.get("k").toCompletableFuture().join()).isPresent();
    movable.now = NOW.plusSeconds(61);
    assertThat(expiring.get("k").toCompletableFuture().join()).isEmpty();
  }

  @Test
  void concurrentPutsAndInvalidationsOfOnePathNeverLeaveAnEntryStoredBeforeTheLastInvalidation()
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 200; round++) {
        long generation = store.generation("/hot").toCompletableFuture().join();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> tasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          String key = "hot?" + i;
          tasks.add(
              pool.submit(
                  () -> {
                    start.await();
                    return store
                        .put(key, entry("/hot", Set.of(), 1), generation)
                        .toCompletableFuture()
                        .join();
                  }));
        }
        tasks.add(
            pool.submit(
                () -> {
                  start.await();
                  return store.invalidatePath("/hot").toCompletableFuture().join();
                }));
        start.countDown();
        for (Future<?> task : tasks) {
          task.get(10, TimeUnit.SECONDS);
        }
        for (int i = 0; i < 3; i++) {
          assertThat(get("hot?" + i)).as("round %d key %d", round, i).isEmpty();
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void entryReadBackKeepsItsPathTagsExpiryAndPayloadWhetherThePathIsInTheKeyOrNot() {
    byte[] payload = {1, 2, 3, (byte) 0xFF};
    CacheEntry inKey =
        new CacheEntry(
            "restcache:/bücher/1",
            Set.of("restcache:books", "restcache:book:1"),
            NOW.plusNanos(123_456_789),
            payload);
    CacheEntry notInKey = new CacheEntry("restcache:/a/b", Set.of(), NOW.plusSeconds(1), payload);
    put("restcache:http://h:80/b%C3%BCcher/1;v=2?x=1", inKey);
    put("restcache:http://h:80/bücher/1", inKey);
    put("restcache:http://h:80/a/./b", notInKey);
    assertThat(get("restcache:http://h:80/b%C3%BCcher/1;v=2?x=1")).contains(inKey);
    assertThat(get("restcache:http://h:80/bücher/1")).contains(inKey);
    assertThat(get("restcache:http://h:80/a/./b")).contains(notInKey);
    store.invalidatePath("restcache:/a/b").toCompletableFuture().join();
    assertThat(get("restcache:http://h:80/a/./b")).isEmpty();
    store.invalidatePath("restcache:/bücher/1").toCompletableFuture().join();
    assertThat(get("restcache:http://h:80/bücher/1")).isEmpty();
    assertThat(get("restcache:http://h:80/b%C3%BCcher/1;v=2?x=1")).isEmpty();
  }

  @Test
  void replacedEntryIsFoundByItsNewPathAndNotByItsOldOne() {
    put("k", entry("/old", Set.of("t"), 1));
    put("k", entry("/new", Set.of("t"), 2));
    store.invalidatePath("/old").toCompletableFuture().join();
    assertThat(get("k")).contains(entry("/new", Set.of("t"), 2));
    store.invalidateTags(Set.of("t")).toCompletableFuture().join();
    assertThat(get("k")).isEmpty();
    assertThat(store.size()).isZero();
    assertThat(store.weightedSize()).isZero();
  }

  @Test
  void tagInvalidationFindsEveryEntryAfterManyReplacementsAndEvictions() {
    for (int round = 0; round < 50; round++) {
      for (int i = 0; i < 20; i++) {
        put("k" + i, entry("/p" + i, Set.of("all", "group" + i % 3), round));
      }
      store.invalidatePath("/p" + round % 20).toCompletableFuture().join();
    }
    store.invalidateTags(Set.of("group1")).toCompletableFuture().join();
    for (int i = 0; i < 20; i++) {
      assertThat(get("k" + i).isPresent()).as("k%d", i).isEqualTo(i % 3 != 1 && i != 49 % 20);
    }
    store.invalidateTags(Set.of("all")).toCompletableFuture().join();
    assertThat(store.size()).isZero();
    assertThat(store.weightedSize()).isZero();
  }

  @Test
  void manyEntriesStayFoundAsTheTablesGrow() {
    for (int i = 0; i < 5_000; i++) {
      put("restcache:http://h:80/items/" + i, entry("/items/" + i, Set.of("items"), 1));
    }
    assertThat(store.size()).isEqualTo(5_000);
    for (int i = 0; i < 5_000; i++) {
      assertThat(get("restcache:http://h:80/items/" + i)).isPresent();
    }
    store.invalidatePath("/items/4321").toCompletableFuture().join();
    assertThat(get("restcache:http://h:80/items/4321")).isEmpty();
    assertThat(store.size()).isEqualTo(4_999);
  }

  @Test
  void anEntryReadSinceTheHandPassedSurvivesEvictionOverOneThatWasNot() {
    InMemoryCacheStore small = new InMemoryCacheStore(4_000, clock);
    for (int i = 0; i < 3; i++) {
      small.put("k" + i, entry("/p" + i, Set.of(), 1_000), 0);
    }
    small.get("k0");
    small.put("k3", entry("/p3", Set.of(), 1_000), 0);
    assertThat(small.get("k0").toCompletableFuture().join()).isPresent();
    assertThat(small.get("k1").toCompletableFuture().join()).isEmpty();
    assertThat(small.evictionCount()).isEqualTo(1);
    assertThat(small.weightedSize()).isLessThanOrEqualTo(4_000);
  }

  @Test
  void expiredEntriesAreRemovedByLaterWritesWithoutBeingRead() {
    MovableClock movable = new MovableClock(NOW);
    InMemoryCacheStore expiring = new InMemoryCacheStore(1024 * 1024, movable);
    for (int i = 0; i < 10; i++) {
      expiring.put("short" + i, entry("/s" + i, Set.of("s"), 100), 0);
    }
    movable.now = NOW.plusSeconds(61);
    for (int i = 0; i < 10; i++) {
      expiring.put(
          "long" + i, new CacheEntry("/l" + i, Set.of(), NOW.plusSeconds(600), new byte[1]), 0);
    }
    assertThat(expiring.size()).isEqualTo(10);
  }

  @Test
  void concurrentReadersAlwaysFindAnEntryThatIsNeitherReplacedNorRemovedWhileTheTableGrows()
      throws Exception {
    put("steady", entry("/steady", Set.of(), 10));
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> readers = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        readers.add(
            pool.submit(
                () -> {
                  start.await();
                  int misses = 0;
                  for (int i = 0; i < 20_000; i++) {
                    misses += get("steady").isPresent() ? 0 : 1;
                  }
                  return misses;
                }));
      }
      Future<?> writer =
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < 20_000; i++) {
                  put("filler" + i, entry("/f" + i, Set.of(), 1));
                }
                return null;
              });
      start.countDown();
      writer.get(30, TimeUnit.SECONDS);
      for (Future<Integer> reader : readers) {
        assertThat(reader.get(30, TimeUnit.SECONDS)).isZero();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static final class MovableClock extends Clock {
    volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
