package dev.restcache.internal.jaxrs;

import java.time.Duration;
import java.util.List;

/**
 * What {@code @Cached} (or application-wide caching) says about one resource method.
 *
 * @param ttl freshness for responses that declare none; zero to store only declared freshness
 * @param tagTemplates tags, with {@code {param}} placeholders
 * @param extraVary request headers added to the response's {@code Vary}
 */
record CachedRoute(Duration ttl, List<String> tagTemplates, List<String> extraVary) {
}
