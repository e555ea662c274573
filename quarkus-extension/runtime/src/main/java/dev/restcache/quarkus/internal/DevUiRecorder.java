package dev.restcache.quarkus.internal;

import io.quarkus.runtime.annotations.Recorder;
import java.util.List;

/** Hands the routes the build found to the Dev UI's service, in dev mode only. */
@Recorder
public class DevUiRecorder {
  /** Replaces the routes the Dev UI lists, at each start of a dev-mode application. */
  public void routes(List<DevUiRouteFacts> routes) {
    RestcacheJsonRpcService.routes(routes);
  }
}
