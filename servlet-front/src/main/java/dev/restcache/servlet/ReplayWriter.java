package dev.restcache.servlet;

import dev.restcache.RuntimeAdapter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Sends a front hit through a servlet response: status, fields, {@code Content-Length}, body. */
final class ReplayWriter {
  private ReplayWriter() {}

  static void send(RuntimeAdapter.Replay replay, boolean head, HttpServletResponse response)
      throws IOException {
    int status = replay.status();
    response.setStatus(status);
    replay.forEachHeader(response::addHeader);
    byte[] body = replay.body();
    if (body != null) {
      // RFC 9110 §9.3.2: a HEAD gets the fields a GET would, the body's length among them.
      response.setContentLength(body.length);
      if (!head) {
        response.getOutputStream().write(body);
      }
    } else if (status != HttpServletResponse.SC_NO_CONTENT
        && status != HttpServletResponse.SC_NOT_MODIFIED) {
      // An empty stored body. RFC 9110 §8.6: none on a 204; a 304 would have to give the full
      // representation's length, which it need not send.
      response.setContentLength(0);
    }
  }
}
