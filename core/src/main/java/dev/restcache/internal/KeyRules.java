package dev.restcache.internal;

import java.util.Objects;

/**
 * How a request URI becomes a store key.
 *
 * @param prefix prepended to every key, path and tag in the store, so that several services can
 *     share one store without seeing or evicting each other's entries
 * @param sortQuery whether query parameters are put in name order, keeping the order of parameters
 *     of the same name (which a resource may read as a list)
 * @param ignoredQueryParameters parameters left out of the key, for those no resource reads
 *     (tracking parameters such as {@code utm_*})
 */
public record KeyRules(String prefix, boolean sortQuery, NamePatterns ignoredQueryParameters) {
  /** The defaults: prefix {@code restcache:}, sorted query, no parameter ignored. */
  public static final KeyRules DEFAULT = new KeyRules("restcache:", true, NamePatterns.NONE);

  /** Checks that no component is null. */
  public KeyRules {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(ignoredQueryParameters, "ignoredQueryParameters");
  }
}
