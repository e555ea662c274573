package dev.restcache.internal.jaxrs;

import static java.lang.System.Logger.Level.WARNING;

import dev.restcache.internal.CacheEngine;
import dev.restcache.internal.NotStoredReason;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * Captures the bytes the entity writers produce for a response the store filter accepted, so the
 * next request is answered without running the resource or the writers. Holds the body back
 * until it is complete (the generated {@code ETag} and {@code Cache-Status} must precede it); a
 * body over the entry size limit is passed through as it comes and not stored.
 */
public final class BodyCaptureInterceptor implements WriterInterceptor {
  private static final System.Logger LOG = System.getLogger("dev.restcache");

  private final CacheEngine engine;
  private final ResponseRecorder recorder;
  private final BooleanSupplier mustNotBlock;
  private final Executor workers;

  BodyCaptureInterceptor(CacheEngine engine) {
    this(engine, () -> false, Runnable::run);
  }

  /**
   * An interceptor that stores on {@code workers} when {@code mustNotBlock} says the writing
   * thread is one that must never wait for the store (an event loop).
   */
  public BodyCaptureInterceptor(CacheEngine engine, BooleanSupplier mustNotBlock,
      Executor workers) {
    this.engine = engine;
    this.recorder = new ResponseRecorder(engine);
    this.mustNotBlock = mustNotBlock;
    this.workers = workers;
  }

  @Override
  public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
    // A replayed hit also passes through here: it has no decision pending, so nothing is stored.
    if (!(context.getProperty(CacheExchange.PROPERTY) instanceof CacheExchange exchange)
        || !exchange.awaitsBody()) {
      context.proceed();
      return;
    }
    try {
      capture(context, exchange);
    } finally {
      exchange.finish(engine);
    }
  }

  private void capture(WriterInterceptorContext context, CacheExchange exchange)
      throws IOException {
    OutputStream original = context.getOutputStream();
    MultivaluedMap<String, Object> headers = context.getHeaders();
    BoundedBuffer buffer = new BoundedBuffer(original, engine.settings().maxEntryBytes(),
        () -> markTooLarge(exchange, headers));
    context.setOutputStream(buffer);
    try {
      context.proceed();
    } finally {
      context.setOutputStream(original);
    }
    if (buffer.overflowed()) {
      return;
    }
    byte[] body = buffer.toByteArray();
    try {
      if (mustNotBlock.getAsBoolean()) {
        recorder.recordInBackground(exchange, headers, body, workers);
      } else {
        recorder.record(exchange, headers, body);
      }
    } catch (RuntimeException e) {
      LOG.log(WARNING, "storing the response failed, it was served uncached", e);
    }
    original.write(body);
  }

  private void markTooLarge(CacheExchange exchange, MultivaluedMap<String, Object> headers) {
    exchange.takeDecision();
    Optional<NotStoredReason> reason =
        engine.notStored(exchange.requestUri.toString(), NotStoredReason.TOO_LARGE);
    headers.putSingle("Cache-Status",
        recorder.forwarded((CacheEngine.Miss) exchange.lookup, reason).toHeaderValue());
  }

  /**
   * Buffers up to a limit; past it, runs {@code onOverflow} (while headers can still change),
   * writes what it holds and passes everything else straight through.
   */
  private static final class BoundedBuffer extends OutputStream {
    private final OutputStream original;
    private final int limit;
    private final Runnable onOverflow;
    private ByteArrayOutputStream buffer = new ByteArrayOutputStream(1024);

    BoundedBuffer(OutputStream original, int limit, Runnable onOverflow) {
      this.original = original;
      this.limit = limit;
      this.onOverflow = onOverflow;
    }

    boolean overflowed() {
      return buffer == null;
    }

    byte[] toByteArray() {
      return buffer.toByteArray();
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      if (buffer != null && buffer.size() + length > limit) {
        onOverflow.run();
        buffer.writeTo(original);
        buffer = null;
      }
      if (buffer == null) {
        original.write(bytes, offset, length);
      } else {
        buffer.write(bytes, offset, length);
      }
    }

    @Override
    public void flush() throws IOException {
      // While buffering, a flush would commit the headers before the ETag is known.
      if (buffer == null) {
        original.flush();
      }
    }

    @Override
    public void close() throws IOException {
      // The container closes the original stream itself.
      flush();
    }
  }
}
