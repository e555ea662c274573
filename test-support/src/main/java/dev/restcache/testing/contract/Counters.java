package dev.restcache.testing.contract;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many times each part of the contract application ran, by name. The suite reads them over HTTP
 * ({@link CountersResource}), never through this class, so that an application started in another
 * class loader or process is counted the same way. Every test uses names of its own, so nothing is
 * ever reset.
 */
public final class Counters {
  private static final Map<String, AtomicInteger> COUNTS = new ConcurrentHashMap<>();

  private Counters() {}

  /** Counts one more {@code name} and returns the count. */
  public static int increment(String name) {
    AtomicInteger count = COUNTS.computeIfAbsent(name, n -> new AtomicInteger());
    int now = count.incrementAndGet();
    synchronized (count) {
      count.notifyAll();
    }
    return now;
  }

  /** The count of {@code name}; 0 when it never ran. */
  public static int get(String name) {
    AtomicInteger count = COUNTS.get(name);
    return count == null ? 0 : count.get();
  }

  /**
   * Waits until {@code name} is counted {@code count} times, or {@code bound} has passed; returns
   * the count then.
   */
  public static int awaitAtLeast(String name, int count, Duration bound)
      throws InterruptedException {
    AtomicInteger counted = COUNTS.computeIfAbsent(name, n -> new AtomicInteger());
    long deadline = System.nanoTime() + bound.toNanos();
    synchronized (counted) {
      long left = deadline - System.nanoTime();
      while (counted.get() < count && left > 0) {
        counted.wait(Math.max(1, left / 1_000_000));
        left = deadline - System.nanoTime();
      }
    }
    return counted.get();
  }
}
