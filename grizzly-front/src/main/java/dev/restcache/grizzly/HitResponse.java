package dev.restcache.grizzly;

import dev.restcache.RuntimeAdapter;
import java.io.IOException;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * Writes a hit straight to Grizzly's response: the status, every field line of the replay, {@code
 * Content-Length}, and the body unless the request is a HEAD.
 */
final class HitResponse {
  private HitResponse() {}

  static void write(RuntimeAdapter.Replay hit, Request request, Response response)
      throws IOException {
    int status = hit.status();
    response.setStatus(status);
    hit.forEachHeader(response::addHeader);
    byte[] body = hit.body();
    // RFC 9110 §8.6: no Content-Length on a 204 or a 304; a HEAD gets the GET's.
    if (status != 204 && status != 304) {
      response.setContentLength(body == null ? 0 : body.length);
    }
    if (body != null && request.getMethod() != Method.HEAD) {
      response.getOutputBuffer().write(body);
    }
  }
}
