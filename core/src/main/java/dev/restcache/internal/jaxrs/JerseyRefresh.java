package dev.restcache.internal.jaxrs;

import static java.lang.System.Logger.Level.WARNING;

import jakarta.ws.rs.HttpMethod;
import java.io.ByteArrayInputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.spi.Container;
import org.glassfish.jersey.server.spi.ContainerLifecycleListener;

/**
 * Runs stale-while-revalidate refreshes in the background on Jersey: a copy of the request, as a
 * GET, is handed to the application's {@link ApplicationHandler}, which runs its filters, the
 * resource and its writers exactly as for a client, and writes the response to nothing. The handler
 * is known once the container starts; until then requests refresh themselves. Only loaded when
 * Jersey is on the class path.
 */
final class JerseyRefresh implements ContainerLifecycleListener, BackgroundRefresh {
  private static final System.Logger LOG = System.getLogger("dev.restcache");
  private static final int THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());
  private static final int QUEUED = 1024;

  private final ExecutorService refreshes;
  private volatile ApplicationHandler application;

  JerseyRefresh() {
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            THREADS,
            THREADS,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(QUEUED),
            daemonThreads());
    pool.allowCoreThreadTimeOut(true);
    this.refreshes = pool;
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "restcache-refresh-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Whether the application can take refreshes: on each request, for its lookup. */
  boolean ready() {
    return application != null;
  }

  @Override
  public void onStartup(Container container) {
    application = container.getApplicationHandler();
  }

  @Override
  public void onReload(Container container) {
    application = container.getApplicationHandler();
  }

  @Override
  public void onShutdown(Container container) {
    application = null;
    refreshes.shutdownNow();
  }

  @Override
  public void start(PendingRefresh refresh) {
    ApplicationHandler handler = application;
    if (handler == null) {
      throw new IllegalStateException("the application has stopped");
    }
    refreshes.execute(() -> run(handler, refresh));
  }

  // The callback is the end of the chain and handles its own failures; the stage it returns
  // has nothing left to report.
  @SuppressWarnings("FutureReturnValueIgnored")
  private static void run(ApplicationHandler handler, PendingRefresh refresh) {
    ContainerRequest request =
        new ContainerRequest(
            refresh.baseUri(),
            refresh.requestUri(),
            HttpMethod.GET,
            refresh.securityContext(),
            new MapPropertiesDelegate(),
            handler.getConfiguration());
    request.headers(refresh.headers());
    request.setEntityStream(new ByteArrayInputStream(new byte[0]));
    refresh.attachTo(request);
    try {
      // Writes the response to a stream that discards it; returns once the resource is done,
      // unless it answers asynchronously.
      Future<?> response = handler.apply(request);
      if (response instanceof CompletableFuture<?> pending) {
        pending.whenComplete((done, failure) -> refresh.dispatched());
        return;
      }
    } catch (RuntimeException e) {
      LOG.log(WARNING, "stale-while-revalidate refresh failed: " + refresh.requestUri(), e);
    }
    refresh.dispatched();
  }
}
