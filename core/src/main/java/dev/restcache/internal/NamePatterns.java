package dev.restcache.internal;

import java.util.List;
import java.util.Locale;

/**
 * A set of names given exactly or as a prefix ending in {@code *} ({@code utm_*}), matched without
 * regard to ASCII case. Patterns stay this simple on purpose: what they match decides what is left
 * out of a cache key, so it must be obvious from the configuration.
 */
public final class NamePatterns {
  /** Matches no name. */
  public static final NamePatterns NONE = new NamePatterns(List.of());

  private final List<String> exact;
  private final List<String> prefixes;

  private NamePatterns(List<String> patterns) {
    this.exact = patterns.stream().filter(p -> !p.endsWith("*")).toList();
    this.prefixes =
        patterns.stream()
            .filter(p -> p.endsWith("*"))
            .map(p -> p.substring(0, p.length() - 1))
            .toList();
  }

  /**
   * The patterns given.
   *
   * @throws IllegalArgumentException for a blank pattern, a lone {@code *} (which would match every
   *     name), or a {@code *} anywhere but at the end
   */
  public static NamePatterns of(List<String> patterns) {
    for (String pattern : patterns) {
      if (pattern == null
          || pattern.isBlank()
          || pattern.equals("*")
          || pattern.indexOf('*') != pattern.lastIndexOf('*')
          || (pattern.indexOf('*') >= 0 && !pattern.endsWith("*"))) {
        throw new IllegalArgumentException("not a name or a name prefix ending in *: " + pattern);
      }
    }
    return patterns.isEmpty()
        ? NONE
        : new NamePatterns(patterns.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList());
  }

  /** Whether {@code name} matches one of the patterns. */
  public boolean matches(String name) {
    if (isEmpty()) {
      return false;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    return exact.contains(lower) || prefixes.stream().anyMatch(lower::startsWith);
  }

  /** Whether no name matches. */
  public boolean isEmpty() {
    return exact.isEmpty() && prefixes.isEmpty();
  }

  @Override
  public String toString() {
    return exact + " " + prefixes.stream().map(p -> p + "*").toList();
  }
}
