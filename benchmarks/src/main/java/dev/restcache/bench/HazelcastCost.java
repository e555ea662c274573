package dev.restcache.bench;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.LocalMapStats;
import com.hazelcast.query.LocalIndexStats;
import dev.restcache.hazelcast.HazelcastCacheStore;
import dev.restcache.internal.Credentials;
import dev.restcache.internal.Headers;
import dev.restcache.internal.StoredResponse;
import dev.restcache.internal.StoredValueCodec;
import dev.restcache.internal.http.CacheDirectives;
import dev.restcache.internal.http.Freshness;
import dev.restcache.spi.CacheEntry;
import dev.restcache.testing.RecordedHazelcast;
import dev.restcache.testing.RecordedHazelcast.Call;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * What the Hazelcast store costs the cluster: {@code HazelcastCost <label> <entries> <members>}.
 *
 * <p>Round trips: through a member whose map calls are recorded ({@link RecordedHazelcast}), 1,000
 * misses are stored, read back and evicted; for each store operation, the blocking map calls it
 * made (each one a round trip, made one after the other), the partitions they addressed and the
 * members owning those, averaged.
 *
 * <p>Memory: {@code entries} entries are stored as the cache stores a 1 KiB JSON response (one path
 * and one tag each), then every member's {@link LocalMapStats} are summed: the owned and backup
 * memory cost of the entries map, of its indexes, and of the metadata maps. Then every path is
 * evicted once and stored again, which leaves one generation per path, the most the generations map
 * holds. Prints CSV lines {@code label,quantity,value}.
 */
public final class HazelcastCost {
  private static final int STORES = 1_000;
  private static final String MAP = LoopbackCluster.MAP;

  private HazelcastCost() {}

  public static void main(String[] args) {
    String label = args[0];
    int entries = Integer.parseInt(args[1]);
    int members = Integer.parseInt(args[2]);
    try (LoopbackCluster cluster = new LoopbackCluster(members, false)) {
      roundTrips(label, cluster.members.get(0));
    }
    try (LoopbackCluster cluster = new LoopbackCluster(members, false)) {
      memory(label, cluster.members, entries);
    }
  }

  private static void roundTrips(String label, HazelcastInstance member) {
    RecordedHazelcast recorded = new RecordedHazelcast(member);
    try (HazelcastCacheStore store = new HazelcastCacheStore(recorded.instance(), MAP)) {
      byte[] payload = payload(0);
      long[] generations = new long[STORES];
      measure(label, "generation", recorded, i -> generations[i] = join(store.generation(path(i))));
      measure(
          label, "put", recorded, i -> join(store.put(key(i), entry(i, payload), generations[i])));
      measure(label, "hit", recorded, i -> join(store.get(key(i))));
      measure(label, "invalidatePath", recorded, i -> join(store.invalidatePath(path(i))));
    }
  }

  private static void measure(
      String label, String operation, RecordedHazelcast recorded, Consumer<Integer> call) {
    recorded.reset();
    for (int i = 0; i < STORES; i++) {
      call.accept(i);
    }
    List<Call> calls = recorded.calls();
    print(label, operation + "_round_trips", (double) calls.size() / STORES);
    print(
        label,
        operation + "_partition_operations",
        calls.stream().mapToInt(Call::partitions).sum() / (double) STORES);
    print(
        label,
        operation + "_members_addressed",
        calls.stream().mapToInt(Call::owners).sum() / (double) STORES);
  }

  private static void memory(String label, List<HazelcastInstance> members, int entries) {
    try (HazelcastCacheStore store = new HazelcastCacheStore(members.get(0), MAP)) {
      long payloadBytes = 0;
      for (int i = 0; i < entries; i++) {
        byte[] payload = payload(i);
        payloadBytes += payload.length;
        join(store.put(key(i), entry(i, payload), join(store.generation(path(i)))));
      }
      print(label, "entries", entries);
      print(label, "members", members.size());
      print(label, "payload_bytes_per_entry", (double) payloadBytes / entries);
      report(label, "", members, entries);
      for (int i = 0; i < entries; i++) {
        join(store.invalidatePath(path(i)));
        join(store.put(key(i), entry(i, payload(i)), join(store.generation(path(i)))));
      }
      report(label, "written_", members, entries);
    }
  }

  private static void report(
      String label, String prefix, List<HazelcastInstance> members, int entries) {
    for (String map : List.of(MAP, MAP + ".generations", MAP + ".leases")) {
      long count = 0;
      long owned = 0;
      long backup = 0;
      long indexes = 0;
      for (HazelcastInstance member : members) {
        LocalMapStats stats = member.getMap(map).getLocalMapStats();
        count += stats.getOwnedEntryCount();
        owned += stats.getOwnedEntryMemoryCost();
        backup += stats.getBackupEntryMemoryCost();
        indexes +=
            stats.getIndexStats().values().stream().mapToLong(LocalIndexStats::getMemoryCost).sum();
      }
      String name = prefix + (map.equals(MAP) ? "entries" : map.substring(MAP.length() + 1));
      print(label, name + "_count", (double) count);
      print(label, name + "_owned_bytes_per_entry", (double) owned / entries);
      print(label, name + "_backup_bytes_per_entry", (double) backup / entries);
      print(label, name + "_index_bytes_per_entry", (double) indexes / entries);
      print(label, name + "_total_bytes_per_entry", (double) (owned + backup + indexes) / entries);
    }
  }

  private static String path(int i) {
    return "restcache:/books/" + i;
  }

  private static String key(int i) {
    return "restcache:http://shop.example:80/books/" + i;
  }

  private static CacheEntry entry(int i, byte[] payload) {
    return new CacheEntry(
        path(i), Set.of("restcache:books"), Instant.now().plus(Duration.ofHours(1)), payload);
  }

  // A 1 KiB JSON body with the headers MemoryBench gives it, encoded as the cache stores it.
  private static byte[] payload(int i) {
    Headers headers =
        Headers.of(
            List.of(
                new Headers.Field("Content-Type", "application/json"),
                new Headers.Field("ETag", "\"" + Integer.toHexString(i * 31 + 7) + "-abcdef\""),
                new Headers.Field("Date", "Mon, 23 Nov 2026 10:00:00 GMT")));
    byte[] body = new byte[1024];
    body[0] = (byte) i;
    return StoredValueCodec.encode(
        new StoredResponse(
            200,
            headers,
            body,
            Credentials.NONE,
            Freshness.of(CacheDirectives.NONE, Duration.ofHours(1), Duration.ZERO, Instant.now())));
  }

  private static void print(String label, String quantity, double value) {
    System.out.printf(Locale.ROOT, "%s,%s,%.1f%n", label, quantity, value);
  }

  private static <T> T join(CompletionStage<T> stage) {
    return stage.toCompletableFuture().join();
  }
}
