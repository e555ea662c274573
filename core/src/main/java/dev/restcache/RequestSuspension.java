package dev.restcache;

/**
 * How a runtime that can suspend a request lets restcache wait for its store without a thread:
 * restcache calls {@link #suspend} before it waits, and {@link #resume} once it has applied what
 * the store answered to the request, from whichever thread the store answered on. Between the two,
 * the runtime must not touch the request.
 *
 * <p>For the authors of runtime adapters ({@link RuntimeAdapter}); Quarkus REST, for example,
 * implements it with {@code ResteasyReactiveContainerRequestContext.suspend()} and {@code
 * resume()}. A runtime without one waits for the store on the request's thread.
 */
public interface RequestSuspension {

  /** Suspends the request: the runtime goes on with other work until {@link #resume}. */
  void suspend();

  /**
   * Resumes the request suspended by {@link #suspend}. restcache may have answered it from the
   * cache with {@code abortWith} meanwhile; a runtime whose {@code abortWith} resumes a suspended
   * request itself (Quarkus REST) must not resume it a second time.
   */
  void resume();
}
