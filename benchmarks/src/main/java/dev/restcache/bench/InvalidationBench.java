package dev.restcache.bench;

import dev.restcache.hazelcast.HazelcastCacheStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.glassfish.grizzly.http.server.HttpServer;

/**
 * How long after a write returns on one member the other member answers the new version:
 * {@code InvalidationBench <nearCache> <trials>}. For each trial an entry is read through
 * member B until it is a hit, written through member A, then read through B until the new
 * version comes back; the delay is from the write's return to the sending of the first read
 * that saw it (zero when the first read after the write already does). Prints one CSV line:
 * {@code nearCache,trials,p50_ms,p99_ms,max_ms,stale_first_reads}.
 */
public final class InvalidationBench {
  private InvalidationBench() {
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
        servers.add(BenchServers.start(ports[i],
            new HazelcastCacheStore(cluster.members.get(i), LoopbackCluster.MAP)));
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
      System.out.printf(Locale.ROOT, "%s,%d,%.2f,%.2f,%.2f,%d%n", nearCache, trials,
          Percentiles.of(delays, 50), Percentiles.of(delays, 99), Percentiles.of(delays, 100),
          staleFirstReads);
    } finally {
      servers.forEach(HttpServer::shutdownNow);
    }
  }
}
