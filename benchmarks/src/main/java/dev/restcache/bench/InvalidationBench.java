package dev.restcache.bench;

import dev.restcache.hazelcast.HazelcastCacheStore;
import dev.restcache.spi.CacheEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.glassfish.grizzly.http.server.HttpServer;

/**
 * How long after a write returns on one member the other member answers the new version: {@code
 * InvalidationBench <nearCache> <trials>}. For each trial an entry is read through member B until
 * it is a hit, written through member A, then read through B until the new version comes back; the
 * delay is from the write's return to the sending of the first read that saw it (zero when the
 * first read after the write already does). The same is then measured at the store, without HTTP,
 * so that the resolution is a map read rather than a request: an entry is invalidated through
 * member A's store and read through member B's until it is gone. Prints two CSV lines: {@code
 * level,nearCache,trials,p50_ms,p99_ms,max_ms,stale_first_reads}.
 */
public final class InvalidationBench {
  private InvalidationBench() {}

  private static void print(String level, boolean nearCache, double[] delays, int stale) {
    System.out.printf(
        Locale.ROOT,
        "%s,%s,%d,%.3f,%.3f,%.3f,%d%n",
        level,
        nearCache,
        delays.length,
        Percentiles.of(delays, 50),
        Percentiles.of(delays, 99),
        Percentiles.of(delays, 100),
        stale);
  }

  private static void storeLevel(LoopbackCluster cluster, boolean nearCache, int trials) {
    HazelcastCacheStore a = new HazelcastCacheStore(cluster.members.get(0), LoopbackCluster.MAP);
    HazelcastCacheStore b = new HazelcastCacheStore(cluster.members.get(1), LoopbackCluster.MAP);
    double[] delays = new double[trials];
    int staleFirstReads = 0;
    for (int trial = 0; trial < trials; trial++) {
      String path = "restcache:/bench/" + trial;
      String key = "restcache:http://bench.example:80/bench/" + trial;
      long generation = join(a.generation(path));
      join(
          a.put(
              key,
              new CacheEntry(path, Set.of(), Instant.now().plusSeconds(600), new byte[16]),
              generation));
      while (join(b.get(key)).isEmpty()) {
        Thread.onSpinWait();
      }
      join(b.get(key));
      join(a.invalidatePath(path));
      long invalidated = System.nanoTime();
      long read;
      boolean first = true;
      while (true) {
        read = System.nanoTime();
        if (join(b.get(key)).isEmpty()) {
          break;
        }
        if (first) {
          staleFirstReads++;
          first = false;
        }
      }
      delays[trial] = first ? 0 : (read - invalidated) / 1e6;
    }
    print("store", nearCache, delays, staleFirstReads);
  }

  private static <T> T join(CompletionStage<T> stage) {
    return stage.toCompletableFuture().join();
  }

  public static void main(String[] args) {
    boolean nearCache = Boolean.parseBoolean(args[0]);
    int trials = Integer.parseInt(args[1]);
    Http http = new Http();
    List<HttpServer> servers = new ArrayList<>();
    try (LoopbackCluster cluster = new LoopbackCluster(2, nearCache)) {
      int[] ports = new int[2];
      for (int i = 0; i < 2; i++) {
        ports[i] = LoopbackCluster.freePort();
        servers.add(
            BenchServers.start(
                ports[i], new HazelcastCacheStore(cluster.members.get(i), LoopbackCluster.MAP)));
      }
      double[] delays = new double[trials];
      int staleFirstReads = 0;
      for (int trial = 0; trial < trials; trial++) {
        String path = "/items/" + (trial % 1000);
        http.send("GET", ports[1], path);
        String before = http.send("GET", ports[1], path);
        long written = -1;
        http.send("PUT", ports[0], path);
        written = System.nanoTime();
        long sent;
        boolean first = true;
        while (true) {
          sent = System.nanoTime();
          if (!http.send("GET", ports[1], path).equals(before)) {
            break;
          }
          if (first) {
            staleFirstReads++;
            first = false;
          }
        }
        delays[trial] = first ? 0 : (sent - written) / 1e6;
      }
      print("http", nearCache, delays, staleFirstReads);
      storeLevel(cluster, nearCache, trials);
    } finally {
      servers.forEach(HttpServer::shutdownNow);
    }
  }
}
