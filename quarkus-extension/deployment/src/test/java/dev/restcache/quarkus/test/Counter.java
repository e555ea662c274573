package dev.restcache.quarkus.test;

import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicInteger;

/** How often the test resources ran. */
@Singleton
public class Counter {
  private final AtomicInteger calls = new AtomicInteger();

  int next() {
    return calls.incrementAndGet();
  }

  int calls() {
    return calls.get();
  }

  void reset() {
    calls.set(0);
  }
}
