package dev.restcache.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what a background task brings about, such as a removal the store runs later. */
public final class Eventually {
  private Eventually() {}

  /**
   * Returns once {@code condition} holds, or fails after {@code within}.
   *
   * @param what what the condition says, for the failure's message
   * @param within how long to wait at most
   * @param condition checked every 20 ms
   */
  public static void await(String what, Duration within, BooleanSupplier condition) {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("%s within %s", what, within).isLessThan(deadline);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
