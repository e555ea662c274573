package dev.restcache.cxf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket to 127.0.0.1, for what a client library will not send (a field with
 * an empty value) and for a read timeout that fails a test instead of waiting.
 */
final class RawHttp {
  private RawHttp() {}

  /** A response: its status and field lines, in order. */
  record Response(int status, List<String> fields, String body) {
    /** The value of the first field named {@code name}, or null. */
    String header(String name) {
      String prefix = name.toLowerCase(Locale.ROOT) + ":";
      for (String field : fields) {
        if (field.toLowerCase(Locale.ROOT).startsWith(prefix)) {
          return field.substring(prefix.length()).trim();
        }
      }
      return null;
    }
  }

  /**
   * Sends {@code GET path} with {@code fields} (each a whole line, such as {@code
   * "Authorization:"}) and reads the response within {@code readTimeout}.
   *
   * @throws java.net.SocketTimeoutException when the response does not come in time
   */
  static Response get(int port, String path, Duration readTimeout, String... fields)
      throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout((int) readTimeout.toMillis());
      StringBuilder request =
          new StringBuilder("GET ")
              .append(path)
              .append(" HTTP/1.1\r\n")
              .append("Host: 127.0.0.1:")
              .append(port)
              .append("\r\nConnection: close\r\n");
      for (String field : fields) {
        request.append(field).append("\r\n");
      }
      OutputStream out = socket.getOutputStream();
      out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return parse(socket.getInputStream());
    }
  }

  // Connection: close, so the body is whatever follows the header block (Jetty sends a length).
  private static Response parse(InputStream in) throws IOException {
    String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    String head = end < 0 ? text : text.substring(0, end);
    String[] lines = head.split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    List<String> fields = new ArrayList<>(List.of(lines).subList(1, lines.length));
    return new Response(status, fields, end < 0 ? "" : text.substring(end + 4));
  }
}
