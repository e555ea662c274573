package dev.restcache.grizzly;

import static java.lang.System.Logger.Level.WARNING;

import dev.restcache.CacheFront;
import dev.restcache.RuntimeAdapter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.threadpool.Threads;

/** What the front asks the cache about a Grizzly request: its target as sent, and its fields. */
final class FrontRequest {
  private static final System.Logger LOG = System.getLogger("dev.restcache");

  private FrontRequest() {}

  /**
   * The hit that answers {@code request}, or null: the application answers it. Waits for a store
   * that answers later only off Grizzly's selector threads; the stage always completes within the
   * store timeout.
   */
  static RuntimeAdapter.Replay hit(CacheFront front, Request request) {
    CompletableFuture<RuntimeAdapter.Replay> lookup = lookUp(front, request);
    if (lookup.isDone() || !Threads.isService()) {
      return lookup.join();
    }
    return null;
  }

  /**
   * Looks {@code request} up: the scheme of its connection, its {@code Host} (which Grizzly sets
   * from an absolute-form target, as Jersey sees it), and the path and query as the request line
   * sent them. Never fails: a lookup that throws passes the request on.
   */
  private static CompletableFuture<RuntimeAdapter.Replay> lookUp(
      CacheFront front, Request request) {
    try {
      String query = request.getQueryString();
      String path = request.getRequestURI();
      return front.lookup(
          request.getMethod().getMethodString(),
          request.isSecure() ? "https" : "http",
          request.getHeader("Host"),
          query == null ? path : path + '?' + query,
          name -> fieldLines(request, name));
    } catch (RuntimeException e) {
      LOG.log(WARNING, "the front passed a request on after its lookup failed", e);
      return CompletableFuture.completedFuture(null);
    }
  }

  private static List<String> fieldLines(Request request, String name) {
    List<String> lines = null;
    for (String line : request.getHeaders(name)) {
      if (lines == null) {
        lines = new ArrayList<>(1);
      }
      lines.add(line);
    }
    return lines;
  }
}
