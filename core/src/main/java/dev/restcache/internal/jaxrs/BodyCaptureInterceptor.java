package dev.restcache.internal.jaxrs;

import dev.restcache.internal.CacheEngine;
import dev.restcache.internal.NotStoredReason;
import dev.restcache.internal.StoragePolicy;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Captures the bytes the entity writers produce for a response the store decision accepted, inside
 * the container's content coding, so the next request is answered without running the resource or
 * the writers. Holds the body back until it is complete (the generated {@code ETag} and {@code
 * Cache-Status} must precede it); a body over the entry size limit is passed through as it comes
 * and not stored. Whether it is stored is decided by {@link StoreCommitInterceptor}, outside every
 * other interceptor, once everything is written.
 */
public final class BodyCaptureInterceptor implements WriterInterceptor {
  private final CacheEngine engine;
  private final ResponseRecorder recorder;

  /** The capture for {@code engine}'s cache. */
  public BodyCaptureInterceptor(CacheEngine engine) {
    this.engine = engine;
    this.recorder = new ResponseRecorder(engine);
  }

  @Override
  public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
    // A replayed hit also passes through here: it has no decision pending, so nothing is stored.
    if (!(context.getProperty(CacheExchange.PROPERTY) instanceof CacheExchange exchange)
        || !exchange.awaitsBody()) {
      context.proceed();
      return;
    }
    OutputStream original = context.getOutputStream();
    MultivaluedMap<String, Object> headers = context.getHeaders();
    BoundedBuffer buffer =
        new BoundedBuffer(
            original,
            engine.settings().maxEntryBytes(),
            size -> markTooLarge(exchange, headers, size));
    context.setOutputStream(buffer);
    try {
      context.proceed();
    } catch (IOException | RuntimeException e) {
      // Half a body, or none: never stored, whatever the container answers instead.
      exchange.end();
      engine.notStored(exchange.request.target().toString(), NotStoredReason.WRITE_FAILED);
      throw e;
    } finally {
      context.setOutputStream(original);
    }
    if (buffer.overflowed()) {
      return;
    }
    byte[] body = buffer.toByteArray();
    exchange.captured(body, recorder.addFields(exchange, headers, body));
    recorder.announce(exchange, headers);
    original.write(body);
  }

  // The size rule is the store decision's; the body is passed through from here on.
  private void markTooLarge(
      CacheExchange exchange, MultivaluedMap<String, Object> headers, long size) {
    exchange.end();
    StoragePolicy.Decision tooLarge = StoragePolicy.decide(exchange.candidate().ofSize(size));
    Optional<NotStoredReason> reason =
        engine.notStored(
            exchange.request.target().toString(),
            tooLarge instanceof StoragePolicy.Refuse refuse
                ? refuse.reason()
                : NotStoredReason.TOO_LARGE);
    headers.putSingle(
        ResponseRecorder.CACHE_STATUS, recorder.forwarded(exchange.miss(), reason).toHeaderValue());
  }

  /**
   * Buffers up to a limit; past it, tells {@code onOverflow} the size reached (while headers can
   * still change), writes what it holds and passes everything else straight through.
   */
  private static final class BoundedBuffer extends OutputStream {
    private final OutputStream original;
    private final int limit;
    private final LongConsumer onOverflow;
    private ByteArrayOutputStream buffer = new ByteArrayOutputStream(1024);

    BoundedBuffer(OutputStream original, int limit, LongConsumer onOverflow) {
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
        onOverflow.accept((long) buffer.size() + length);
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
