package dev.restcache.internal.jaxrs;

/**
 * How a runtime runs a stale-while-revalidate refresh in the background (RFC 5861): it dispatches a
 * copy of the request through the application again (its request filters, the resource, its
 * response filters and interceptors) with the refresh attached ({@link PendingRefresh#attachTo}),
 * and writes the response to no client. The runtime's glue puts its implementation on each request,
 * as the property {@link #PROPERTY}, before the lookup; a request without it refreshes the entry
 * itself and waits.
 */
public interface BackgroundRefresh {
  /** The request property holding the runtime's {@link BackgroundRefresh}. */
  String PROPERTY = "dev.restcache.background-refresh";

  /**
   * Starts {@code refresh} and returns without waiting for it.
   *
   * @throws RuntimeException when it cannot start (no thread free, the runtime stopping); the
   *     refresh is then released, and the next request inside the window tries again
   */
  void start(PendingRefresh refresh);
}
