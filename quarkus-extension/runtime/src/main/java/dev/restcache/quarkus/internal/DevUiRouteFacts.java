package dev.restcache.quarkus.internal;

import java.util.List;

/**
 * What the build found of one route restcache acts on, for the Dev UI: the route, and the values
 * its annotations declare (the runtime adds what its configuration decides).
 *
 * @param httpMethod the route's HTTP method
 * @param path the route's path template
 * @param resource the resource method, as {@code Class.method}
 * @param annotatedCached whether the method or its class declares {@code @Cached}
 * @param ttlSeconds {@code @Cached(ttl)}, or {@code Cached.DEFAULT_TTL} when unset or absent
 * @param tags {@code @Cached(tags)}
 * @param vary {@code @Cached(vary)}
 * @param cacheControl the directives {@code @CacheControl} sets, as {@code name=value}
 * @param neverCache whether {@code @NeverCache} applies
 * @param invalidates {@code @Invalidates}' tags and paths, as {@code tag:t} and {@code path:p}
 */
public record DevUiRouteFacts(
    String httpMethod,
    String path,
    String resource,
    boolean annotatedCached,
    long ttlSeconds,
    List<String> tags,
    List<String> vary,
    List<String> cacheControl,
    boolean neverCache,
    List<String> invalidates) {}
