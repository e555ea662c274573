package dev.restcache.cxf;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts how often each resource method ran, so tests tell hits from misses. Static: CXF makes a
 * resource instance per request.
 */
public final class Calls {
  private static final Map<String, AtomicInteger> COUNTS = new ConcurrentHashMap<>();

  private Calls() {}

  /** Records one run of {@code call}. */
  public static void record(String call) {
    COUNTS.computeIfAbsent(call, c -> new AtomicInteger()).incrementAndGet();
  }

  /** How often {@code call} ran since the last {@link #reset()}. */
  public static int count(String call) {
    AtomicInteger count = COUNTS.get(call);
    return count == null ? 0 : count.get();
  }

  /** Forgets every call. */
  public static void reset() {
    COUNTS.clear();
  }
}
