package dev.restcache.quarkus.internal;

import dev.restcache.CacheStats;
import dev.restcache.ResponseCache;
import java.net.URI;
import java.util.Map;

/** The {@link ResponseCache} of an application with {@code quarkus.restcache.enabled=false}. */
enum DisabledCache implements ResponseCache {
  INSTANCE;

  @Override
  public void invalidate(URI uri) {
    // Nothing is cached.
  }

  @Override
  public void invalidatePath(String path) {
    // Nothing is cached.
  }

  @Override
  public void invalidateTags(String... tags) {
    // Nothing is cached.
  }

  @Override
  public void clear() {
    // Nothing is cached.
  }

  @Override
  public CacheStats stats() {
    return new CacheStats(0, 0, 0, 0, 0, 0, Map.of());
  }
}
