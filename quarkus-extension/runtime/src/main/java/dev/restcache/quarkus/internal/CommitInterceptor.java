package dev.restcache.quarkus.internal;

import dev.restcache.RuntimeAdapter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;

/**
 * Outside every other writer interceptor: stores the captured body once the headers as written
 * still allow it. Headers Quarkus REST has already sent are not changed by it; a header an
 * interceptor adds too late to be sent still keeps the response out of the cache.
 */
@ApplicationScoped
public class CommitInterceptor implements WriterInterceptor {
  private final CacheRuntime runtime;

  CommitInterceptor(CacheRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
    if (!RuntimeAdapter.awaitsBody(context)) {
      context.proceed();
    } else {
      runtime.adapter().storeCommit().aroundWriteTo(context);
    }
  }
}
