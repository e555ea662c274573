package dev.restcache;

import dev.restcache.internal.CacheEngine;

/** The engine behind a feature, for tests of the engine itself. */
public final class TestEngines {
  private TestEngines() {}

  /** {@code feature}'s engine. */
  public static CacheEngine of(ResponseCacheFeature feature) {
    return feature.engine();
  }
}
