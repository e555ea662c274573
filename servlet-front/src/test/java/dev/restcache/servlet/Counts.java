package dev.restcache.servlet;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** How many times the test application's parts ran, by name: one instance per server. */
final class Counts {
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

  void increment(String name) {
    counts.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
  }

  int get(String name) {
    AtomicInteger count = counts.get(name);
    return count == null ? 0 : count.get();
  }
}
