package dev.restcache.bench;

import com.hazelcast.core.HazelcastInstance;
import dev.restcache.hazelcast.HazelcastCacheStore;
import dev.restcache.memory.InMemoryCacheStore;

/**
 * A two-member cluster whose server for the load runs sits on the member that does not own the
 * measured key: {@code ClusterServer <port> <nearCache> <baselinePort>}. The same process also
 * serves from an in-memory store on the baseline port, with the same worker pool, for the ratio.
 * Requests must carry {@code Host: bench.example}, which fixes the key. Prints {@code READY}, runs
 * until killed.
 */
public final class ClusterServer {
  /** The key of {@code GET /hit} with {@code Host: bench.example}. */
  static final String HIT_KEY = "restcache:http://bench.example:80/hit";

  // A remote store's latency holds a worker thread on every hit; Grizzly's default pool (a few
  // threads on two cores) would measure the pool rather than the store.
  private static final int WORKERS = 32;

  private ClusterServer() {}

  public static void main(String[] args) throws InterruptedException {
    int port = Integer.parseInt(args[0]);
    boolean nearCache = Boolean.parseBoolean(args[1]);
    LoopbackCluster cluster = new LoopbackCluster(2, nearCache);
    HazelcastInstance member = cluster.nonOwnerOf(HIT_KEY);
    BenchServers.start(port, new HazelcastCacheStore(member, LoopbackCluster.MAP), WORKERS);
    BenchServers.start(Integer.parseInt(args[2]), new InMemoryCacheStore(), WORKERS);
    System.out.println(
        "READY "
            + port
            + " member "
            + member.getCluster().getLocalMember()
            + " near cache "
            + nearCache);
    Thread.currentThread().join();
  }
}
