package dev.restcache.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The templates of the cached resource methods, so that an eviction by path (a write, a {@code
 * Location}, {@code @Invalidates(paths)}, {@link dev.restcache.ResponseCache#invalidate}) reaches
 * the entries of every spelling the application treats as the same resource. Registered once per
 * method when the application is deployed; read on every eviction.
 */
public final class ResourcePaths {
  private final List<ResourcePath> templates = new CopyOnWriteArrayList<>();

  /** Adds a cached method's template. */
  public void register(ResourcePath template) {
    templates.add(template);
  }

  /**
   * The index paths to evict for a write to {@code canonicalPath}: itself, and its canonical
   * spelling under every registered template that matches it.
   */
  public Set<String> spellings(String canonicalPath) {
    Set<String> paths = new LinkedHashSet<>(2);
    paths.add(canonicalPath);
    for (ResourcePath template : templates) {
      String resourcePath = template.resourcePath(canonicalPath);
      if (resourcePath != null) {
        paths.add(resourcePath);
      }
    }
    return paths;
  }
}
