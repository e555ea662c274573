package dev.restcache.quarkus.internal;

import dev.restcache.RuntimeAdapter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jboss.resteasy.reactive.server.spi.ServerHttpResponse;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/**
 * Captures the body of a response the store decision accepted. A writer cannot be suspended: on an
 * event loop with a store that does not complete inline, the body is handed to a worker to store,
 * and the response goes on at once.
 *
 * <p>Quarkus REST hands the response headers to Vert.x before the innermost writer runs, so the
 * headers the capture adds once the body is known ({@code ETag}, {@code Cache-Status}) are copied
 * to the Vert.x response just before the first byte of the body reaches it.
 */
@ApplicationScoped
public class CaptureInterceptor implements WriterInterceptor {
  /** The request property holding the request's {@link ServerRequestContext}. */
  static final String SERVER_CONTEXT = "dev.restcache.quarkus.server-context";

  private final CacheRuntime runtime;

  CaptureInterceptor(CacheRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
    // Replayed hits and uncached responses are written as they are.
    if (!RuntimeAdapter.awaitsBody(context)
        || !(context.getProperty(SERVER_CONTEXT) instanceof ServerRequestContext server)) {
      context.proceed();
      return;
    }
    MultivaluedMap<String, Object> headers = context.getHeaders();
    Map<String, List<Object>> written = copy(headers);
    ServerHttpResponse response = server.serverResponse();
    OutputStream original = context.getOutputStream();
    context.setOutputStream(
        new BeforeFirstByte(original, () -> copyChanged(headers, written, response)));
    try {
      runtime.adapter().bodyCapture().aroundWriteTo(context);
    } finally {
      context.setOutputStream(original);
    }
  }

  private static Map<String, List<Object>> copy(MultivaluedMap<String, Object> headers) {
    Map<String, List<Object>> copy = new HashMap<>();
    headers.forEach((name, values) -> copy.put(name, new ArrayList<>(values)));
    return copy;
  }

  private static void copyChanged(
      MultivaluedMap<String, Object> headers,
      Map<String, List<Object>> written,
      ServerHttpResponse response) {
    headers.forEach(
        (name, values) -> {
          if (!Objects.equals(written.get(name), values)) {
            List<CharSequence> text = new ArrayList<>(values.size());
            values.forEach(value -> text.add(String.valueOf(value)));
            response.setResponseHeader(name, text);
          }
        });
  }

  /** Runs an action once, just before the first byte (or the end) reaches the stream. */
  private static final class BeforeFirstByte extends OutputStream {
    private final OutputStream target;
    private Runnable action;

    BeforeFirstByte(OutputStream target, Runnable action) {
      this.target = target;
      this.action = action;
    }

    private void runOnce() {
      if (action != null) {
        Runnable once = action;
        action = null;
        once.run();
      }
    }

    @Override
    public void write(int b) throws IOException {
      runOnce();
      target.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      runOnce();
      target.write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
      target.flush();
    }

    @Override
    public void close() throws IOException {
      runOnce();
      target.close();
    }
  }
}
