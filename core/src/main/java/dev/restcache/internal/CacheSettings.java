package dev.restcache.internal;

import dev.restcache.RequestDirectives;
import dev.restcache.spi.CacheStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The resolved configuration of one response cache, as built by the feature's builder.
 *
 * @param store where entries live
 * @param defaultTtl freshness assumed for responses that declare none; zero for none
 * @param cacheAll whether every GET resource is cached as if it had {@code @Cached}
 * @param maxEntryBytes the largest body stored
 * @param keyRules how a request becomes a store key
 * @param generateETags whether a stored response without validator gets a body-hash ETag
 * @param cacheStatusName the cache's name in {@code Cache-Status}
 * @param storeTimeout the longest a request waits for the store before going without it
 * @param evictionTimeout the longest a write's response waits for its eviction; past it the evicted
 *     paths and tags stay fenced on this instance until the store confirms the eviction
 * @param requestDirectives whether request {@code Cache-Control} directives are honoured
 * @param collapseTimeout the longest a request waits for another one filling the same key; zero
 *     turns collapsed forwarding off
 * @param clock the time source for ages and freshness
 * @param anonymousCookies cookies that do not identify a user, so do not make a request one with
 *     credentials
 * @param credentialHeaders lower-case names of request headers that identify a user, as {@code
 *     Authorization} does
 * @param lookupPriority the priority of the request filter that answers from the cache
 * @param revalidationRetention how long past its stale windows an entry with the resource's own
 *     validator is kept, for a 304 to refresh it
 */
public record CacheSettings(
    CacheStore store,
    Duration defaultTtl,
    boolean cacheAll,
    int maxEntryBytes,
    KeyRules keyRules,
    boolean generateETags,
    String cacheStatusName,
    Duration storeTimeout,
    Duration evictionTimeout,
    RequestDirectives requestDirectives,
    Duration collapseTimeout,
    Clock clock,
    NamePatterns anonymousCookies,
    List<String> credentialHeaders,
    int lookupPriority,
    Duration revalidationRetention) {

  /** The prefix of every key, path and tag this cache writes to its store. */
  public String keyPrefix() {
    return keyRules.prefix();
  }
}
