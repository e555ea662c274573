package dev.restcache.quarkus.internal;

import io.quarkus.arc.runtime.BeanContainer;
import io.quarkus.runtime.annotations.Recorder;
import java.util.List;

/** Replays at startup what the build found out about the application's resource methods. */
@Recorder
public class RestcacheRecorder {
  /**
   * Starts restcache's runtime and resolves the rules of {@code methods}, before the application
   * takes its first request.
   *
   * @param hitsToConnection whether hits may skip the JAX-RS response: no response filter,
   *     writer interceptor or feature of the application would see it
   *
   * @throws IllegalStateException for contradictory annotations, naming every method at fault
   */
  public void resolveRules(BeanContainer beans, List<ResourceMethodFacts> methods,
      boolean hitsToConnection) {
    beans.beanInstance(CacheRuntime.class).resolve(methods, hitsToConnection);
  }
}
