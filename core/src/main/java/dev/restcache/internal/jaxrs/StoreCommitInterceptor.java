package dev.restcache.internal.jaxrs;

import dev.restcache.internal.CacheEngine;
import dev.restcache.internal.NotStoredReason;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import java.util.function.BooleanSupplier;

/**
 * The outermost writer interceptor of a cached method: once every other interceptor and the writer
 * are done, decides once more on the headers as they were written (an interceptor may have added a
 * {@code Set-Cookie} after the body) and stores the captured body, or nothing when writing failed.
 */
public final class StoreCommitInterceptor implements WriterInterceptor {
  private final CacheEngine engine;
  private final ResponseRecorder recorder;
  private final BooleanSupplier mustNotBlock;

  StoreCommitInterceptor(CacheEngine engine) {
    this(engine, () -> false);
  }

  /**
   * An interceptor that stores without waiting for the store when {@code mustNotBlock} says the
   * writing thread is one that must never wait (an event loop).
   */
  public StoreCommitInterceptor(CacheEngine engine, BooleanSupplier mustNotBlock) {
    this.engine = engine;
    this.recorder = new ResponseRecorder(engine);
    this.mustNotBlock = mustNotBlock;
  }

  @Override
  public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
    if (!(context.getProperty(CacheExchange.PROPERTY) instanceof CacheExchange exchange)
        || !exchange.awaitsBody()) {
      context.proceed();
      return;
    }
    try {
      context.proceed();
      if (exchange.awaitsCommit()) {
        if (mustNotBlock.getAsBoolean()) {
          recorder.commitInBackground(exchange, context.getHeaders());
        } else {
          recorder.commit(exchange, context.getHeaders()).join();
        }
      } else if (exchange.awaitsBody()) {
        // An interceptor answered without writing through to the capture.
        exchange.end();
        engine.notStored(exchange.request.target().toString(), NotStoredReason.WRITE_FAILED);
      }
    } catch (IOException | RuntimeException e) {
      exchange.end();
      throw e;
    } finally {
      exchange.finish(engine);
    }
  }
}
