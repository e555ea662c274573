package dev.restcache.bench;

import dev.restcache.hazelcast.HazelcastCacheStore;
import dev.restcache.memory.InMemoryCacheStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.glassfish.grizzly.http.server.HttpServer;

/**
 * Resource runs for 100 concurrent cold requests to one key, on one instance and spread over three
 * members: {@code CollapseBench <keys>}. Prints CSV lines {@code setup,key,requests,resource_runs}.
 */
public final class CollapseBench {
  private static final int CONCURRENT = 100;

  private CollapseBench() {}

  public static void main(String[] args) throws Exception {
    int keys = Integer.parseInt(args[0]);
    List<HttpServer> servers = new ArrayList<>();
    try {
      int single = LoopbackCluster.freePort();
      servers.add(BenchServers.start(single, new InMemoryCacheStore()));
      burst("one-instance", new int[] {single}, 0, keys);
      try (LoopbackCluster cluster = new LoopbackCluster(3, false)) {
        int[] ports = new int[3];
        for (int i = 0; i < 3; i++) {
          ports[i] = LoopbackCluster.freePort();
          servers.add(
              BenchServers.start(
                  ports[i], new HazelcastCacheStore(cluster.members.get(i), LoopbackCluster.MAP)));
        }
        burst("three-members", ports, 500, keys);
      }
    } finally {
      servers.forEach(HttpServer::shutdownNow);
    }
  }

  private static void burst(String setup, int[] ports, int firstKey, int keys) throws Exception {
    Http http = new Http();
    ExecutorService clients = Executors.newFixedThreadPool(CONCURRENT);
    try {
      for (int key = firstKey; key < firstKey + keys; key++) {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
          int port = ports[i % ports.length];
          String path = "/items/" + key;
          answers.add(
              clients.submit(
                  () -> {
                    start.await();
                    return http.send("GET", port, path);
                  }));
        }
        start.countDown();
        for (Future<String> answer : answers) {
          answer.get();
        }
        System.out.println(
            setup + "," + key + "," + CONCURRENT + "," + BenchResources.ITEM_RUNS.get(key));
      }
    } finally {
      clients.shutdownNow();
    }
  }
}
