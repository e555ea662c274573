package dev.restcache.bench;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.nio.serialization.genericrecord.GenericRecord;
import dev.restcache.hazelcast.HazelcastCacheStore;
import dev.restcache.memory.InMemoryCacheStore;
import dev.restcache.testing.LoopbackMembers;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The application on one member of a cluster whose other members run in their own JVMs ({@link
 * MemberProcess}): {@code ClusterServer <port> <nearCache> <baselinePort> <reusePort> <cluster>
 * <memberPort> <memberPort>...}, its own member on the first member port, every member on one of
 * them. The reuse port serves from a second store on the same map that reuses reads for {@link
 * #REUSE} ({@link HazelcastCacheStore.Builder#reuseReadsFor}). Its member owns none of the
 * partitions a hit of {@code GET /hit} reads, so every read of a hit crosses to another process
 * (the entry's only without a near cache). The same process also serves from an in-memory store on
 * the baseline port, with the same worker pool, for the ratio. Requests must carry {@code Host:
 * bench.example}, which fixes the key. Prints {@code READY} once every member has joined and every
 * partition has its backups, runs until killed.
 */
public final class ClusterServer {
  // HazelcastCacheStore's epoch key, which every hit reads (with its path's generation).
  private static final String EPOCH = "\u0000epoch";

  // A remote store's latency holds a worker thread on every hit; Grizzly's default pool (a few
  // threads on two cores) would measure the pool rather than the store.
  private static final int WORKERS = 32;
  private static final int PREFIXES = 1000;
  private static final long SAFE_WITHIN_SECONDS = 120;
  private static final Duration REUSE = Duration.ofMillis(100);

  private ClusterServer() {}

  public static void main(String[] args) throws InterruptedException {
    int port = Integer.parseInt(args[0]);
    boolean nearCache = Boolean.parseBoolean(args[1]);
    List<Integer> ports = Arrays.stream(args, 5, args.length).map(Integer::valueOf).toList();
    HazelcastInstance member =
        Hazelcast.newHazelcastInstance(
            LoopbackMembers.config(args[4], ports.get(0), ports, nearCache));
    awaitSafe(member, ports.size());
    if (ownsPartitionOf(member, EPOCH)) {
      throw new IllegalStateException("this member owns the epoch's partition, which hits read");
    }
    // The key prefix is what a deployment may choose of the entry's and the path's keys: the first
    // that puts both on other members.
    String prefix =
        IntStream.range(0, PREFIXES)
            .mapToObj(i -> "bench" + i + ":")
            .filter(p -> !ownsPartitionOf(member, key(p)) && !ownsPartitionOf(member, path(p)))
            .findFirst()
            .orElseThrow();
    BenchServers.start(
        port,
        new HazelcastCacheStore(member, HazelcastCacheStore.DEFAULT_MAP_NAME),
        WORKERS,
        prefix);
    BenchServers.start(
        Integer.parseInt(args[3]),
        HazelcastCacheStore.builder(member).reuseReadsFor(REUSE).build(),
        WORKERS,
        prefix);
    BenchServers.start(Integer.parseInt(args[2]), new InMemoryCacheStore(), WORKERS);
    checkHitKey(member, port, prefix);
    System.out.println(
        "READY "
            + port
            + " member "
            + member.getCluster().getLocalMember().getAddress()
            + ", near cache "
            + nearCache
            + "; owners of the entry, its path's generation, the epoch: "
            + List.of(key(prefix), path(prefix), EPOCH).stream()
                .map(k -> member.getPartitionService().getPartition(k).getOwner().getAddress())
                .toList());
    Thread.currentThread().join();
  }

  private static String key(String prefix) {
    return prefix + "http://" + Http.HOST + ":80/hit";
  }

  private static String path(String prefix) {
    return prefix + "/hit";
  }

  private static void awaitSafe(HazelcastInstance member, int size) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SAFE_WITHIN_SECONDS);
    while (member.getCluster().getMembers().size() < size
        || member.getPartitionService().getPartition(EPOCH).getOwner() == null
        || !member.getPartitionService().isClusterSafe()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "no safe cluster of " + size + " members: " + member.getCluster().getMembers());
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
  }

  private static boolean ownsPartitionOf(HazelcastInstance member, String key) {
    return member.getPartitionService().getPartition(key).getOwner().localMember();
  }

  // The partitions chosen above are the ones a hit reads only while the cache builds its keys as
  // assumed here: one request, then its entry must be where expected.
  private static void checkHitKey(HazelcastInstance member, int port, String prefix) {
    new Http().send("GET", port, "/hit");
    GenericRecord entry =
        member.<String, GenericRecord>getMap(HazelcastCacheStore.DEFAULT_MAP_NAME).get(key(prefix));
    if (entry == null || !path(prefix).equals(entry.getString("path"))) {
      throw new IllegalStateException("GET /hit stored no entry of path " + path(prefix));
    }
  }
}
