package dev.restcache.quarkus.app;

import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts how often each resource method ran, so tests can tell hits from misses. */
@Singleton
public class Calls {
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private final Map<String, Boolean> onEventLoop = new ConcurrentHashMap<>();

  void record(String call) {
    counts.computeIfAbsent(call, c -> new AtomicInteger()).incrementAndGet();
    onEventLoop.put(call, io.vertx.core.Context.isOnEventLoopThread());
  }

  /** How often {@code call} ran. */
  public int count(String call) {
    AtomicInteger count = counts.get(call);
    return count == null ? 0 : count.get();
  }

  /** Whether {@code call} last ran on a Vert.x event-loop thread. */
  public boolean ranOnEventLoop(String call) {
    return onEventLoop.getOrDefault(call, false);
  }

  /** Forgets every call. */
  public void reset() {
    counts.clear();
    onEventLoop.clear();
  }
}
