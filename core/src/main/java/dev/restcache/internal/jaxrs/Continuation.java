package dev.restcache.internal.jaxrs;

import dev.restcache.RequestSuspension;
import java.util.concurrent.CompletableFuture;

/**
 * Goes on with a request once a store stage has completed, without holding a thread where the
 * runtime can suspend the request.
 */
final class Continuation {
  private Continuation() {}

  /**
   * Runs {@code next} at once when {@code stage} is complete or the runtime cannot suspend ({@code
   * suspension} is null: {@code next} then waits for the stage itself); otherwise suspends the
   * request and runs {@code next}, then resumes, once the stage completes.
   */
  // The callback is the end of the chain and handles its own failures; the stage it returns
  // has nothing left to report.
  @SuppressWarnings("FutureReturnValueIgnored")
  static void after(CompletableFuture<?> stage, RequestSuspension suspension, Runnable next) {
    if (stage.isDone() || suspension == null) {
      next.run();
      return;
    }
    suspension.suspend();
    stage.whenComplete(
        (done, failed) -> {
          try {
            next.run();
          } finally {
            suspension.resume();
          }
        });
  }
}
