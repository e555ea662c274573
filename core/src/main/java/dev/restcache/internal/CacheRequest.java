package dev.restcache.internal;

import dev.restcache.internal.http.CacheDirectives;
import dev.restcache.internal.http.RequestTarget;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * What the cache knows of one GET or HEAD when it looks it up, read once from the container.
 *
 * @param target what it asks for
 * @param headers the request's field lines for a lower-case header name, or null when absent
 * @param credentials what identifies its client, the principal included
 * @param directives its {@code Cache-Control}, {@link CacheDirectives#NONE} when ignored
 * @param time when it reached the cache
 * @param refreshableInBackground whether the runtime can refresh an entry for it in the background
 *     (stale-while-revalidate); when not, the request that leads a refresh runs it
 */
public record CacheRequest(
    RequestTarget target,
    Function<String, List<String>> headers,
    Credentials credentials,
    CacheDirectives directives,
    Instant time,
    boolean refreshableInBackground) {

  /** The lines of {@code lowerCaseName} joined with commas, or null when absent. */
  public String header(String lowerCaseName) {
    List<String> lines = headers.apply(lowerCaseName);
    return lines == null ? null : String.join(",", lines);
  }
}
