package dev.restcache;

import java.net.URI;

/** The handle {@link ResponseCacheFeature#cache()} gives: the API, never the engine behind it. */
final class CacheHandle implements ResponseCache {
  private final ResponseCache engine;

  CacheHandle(ResponseCache engine) {
    this.engine = engine;
  }

  @Override
  public void invalidate(URI uri) {
    engine.invalidate(uri);
  }

  @Override
  public void invalidatePath(String path) {
    engine.invalidatePath(path);
  }

  @Override
  public void invalidateTags(String... tags) {
    engine.invalidateTags(tags);
  }

  @Override
  public void clear() {
    engine.clear();
  }

  @Override
  public CacheStats stats() {
    return engine.stats();
  }
}
