package dev.restcache.quarkus.internal;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.INFO;

import dev.restcache.ResponseCache;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.changeagent.ClassChangeAgent;
import io.quarkus.dev.spi.HotReplacementContext;
import io.quarkus.dev.spi.HotReplacementSetup;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;

/**
 * Clears the cache on every live reload in dev mode, so that an edited method is never answered
 * with what its old code produced. Quarkus runs it only in dev mode (a {@link HotReplacementSetup}
 * service), loaded once for the whole session, across restarts.
 *
 * <p>A reload that restarts the application builds a new in-memory store, but a store that outlives
 * the application (Hazelcast, an application's own store) keeps its entries: the cache is cleared
 * after each restart. A reload through instrumentation ({@code
 * quarkus.live-reload.instrumentation=true}) redefines the changed classes in place and tells no
 * extension; a class file transformer on the same {@link Instrumentation}, which the JVM calls for
 * every redefinition (a debugger's hot swap too), clears the cache then, before the new code runs.
 * The clear also fences the requests already running: none stores what the old code answered
 * afterwards.
 */
public class LiveReloadClearing implements HotReplacementSetup {
  private static final System.Logger LOG = System.getLogger("dev.restcache");

  private Instrumentation instrumentation;
  private final ClassFileTransformer redefinitions = new RedefinitionWatcher();

  @Override
  public void setupHotDeployment(HotReplacementContext context) {
    context.addPostRestartStep(() -> clear("restart"));
    try {
      instrumentation = ClassChangeAgent.getInstrumentation();
    } catch (LinkageError noAgent) {
      // Without Quarkus's agent no class is redefined: every reload restarts.
      instrumentation = null;
    }
    if (instrumentation != null) {
      instrumentation.addTransformer(redefinitions);
    } else {
      LOG.log(DEBUG, "restcache: no class change agent, live reloads restart the application");
    }
  }

  @Override
  public void close() {
    if (instrumentation != null) {
      instrumentation.removeTransformer(redefinitions);
    }
  }

  // The application's container: Arc's is the current application's, after every restart.
  private static void clear(String reload) {
    ArcContainer container = Arc.container();
    if (container == null || !container.isRunning()) {
      return;
    }
    InstanceHandle<ResponseCache> cache = container.instance(ResponseCache.class);
    if (cache.isAvailable()) {
      cache.get().clear();
      LOG.log(INFO, "restcache: cache cleared after a live reload ({0})", reload);
    }
  }

  /** Clears the cache when a loaded class is redefined; never changes a class. */
  private static final class RedefinitionWatcher implements ClassFileTransformer {
    @Override
    public byte[] transform(
        ClassLoader loader,
        String className,
        Class<?> classBeingRedefined,
        ProtectionDomain protectionDomain,
        byte[] classfileBuffer) {
      if (classBeingRedefined != null) {
        clear("instrumentation, " + className.replace('/', '.'));
      }
      return null;
    }
  }
}
