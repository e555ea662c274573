package dev.restcache.bench;

import dev.restcache.memory.InMemoryCacheStore;

/**
 * The single-instance server the load runs hit: {@code BenchServer <port>}. Prints {@code READY}
 * when it accepts requests, and runs until killed.
 */
public final class BenchServer {
  private BenchServer() {}

  public static void main(String[] args) throws InterruptedException {
    int port = Integer.parseInt(args[0]);
    BenchServers.start(port, new InMemoryCacheStore());
    System.out.println("READY " + port);
    Thread.currentThread().join();
  }
}
