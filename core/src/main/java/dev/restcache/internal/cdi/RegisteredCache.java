package dev.restcache.internal.cdi;

import dev.restcache.CacheStats;
import dev.restcache.ResponseCache;
import java.net.URI;

/** The injected handle: the registered feature's, looked up at each call. */
final class RegisteredCache implements ResponseCache {
  private final ResponseCacheExtension extension;

  RegisteredCache(ResponseCacheExtension extension) {
    this.extension = extension;
  }

  @Override
  public void invalidate(URI uri) {
    extension.cache().invalidate(uri);
  }

  @Override
  public void invalidatePath(String path) {
    extension.cache().invalidatePath(path);
  }

  @Override
  public void invalidateTags(String... tags) {
    extension.cache().invalidateTags(tags);
  }

  @Override
  public void clear() {
    extension.cache().clear();
  }

  @Override
  public CacheStats stats() {
    return extension.cache().stats();
  }

  @Override
  public String toString() {
    return "ResponseCache of the registered ResponseCacheFeature";
  }
}
