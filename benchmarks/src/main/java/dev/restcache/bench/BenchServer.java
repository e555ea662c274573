package dev.restcache.bench;

import dev.restcache.memory.InMemoryCacheStore;

/**
 * The single-instance server the load runs hit: {@code BenchServer <port> <front port>}. The second
 * port serves the same application with the front in front of it, so that the first measures the
 * JAX-RS lookup without a front lookup before it. Prints {@code READY} when both accept requests,
 * and runs until killed.
 */
public final class BenchServer {
  private BenchServer() {}

  public static void main(String[] args) throws InterruptedException {
    int port = Integer.parseInt(args[0]);
    BenchServers.start(port, new InMemoryCacheStore());
    BenchServers.startWithFront(Integer.parseInt(args[1]), new InMemoryCacheStore());
    System.out.println("READY " + port);
    Thread.currentThread().join();
  }
}
