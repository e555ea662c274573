package dev.restcache.quarkus.internal;

import dev.restcache.RuntimeAdapter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/**
 * Sends a hit's replay to a Vert.x response, whole: what the hit writer inside Quarkus REST and the
 * front ahead of it both send.
 */
final class VertxReplayWriter {
  private VertxReplayWriter() {}

  /**
   * Sends {@code replay}: its status, every header line and its body; for a HEAD, the body's length
   * but not the body.
   */
  static void write(HttpServerResponse response, RuntimeAdapter.Replay replay, boolean head) {
    response.setStatusCode(replay.status());
    replay.forEachHeader(response.headers()::add);
    byte[] body = replay.body();
    if (body == null) {
      response.end();
    } else if (head) {
      response.putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length));
      response.end();
    } else {
      response.end(Buffer.buffer(body));
    }
  }
}
