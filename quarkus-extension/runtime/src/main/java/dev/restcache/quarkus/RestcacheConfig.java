package dev.restcache.quarkus;

import dev.restcache.RequestDirectives;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * restcache's configuration, under {@code quarkus.restcache}. Adding the extension alone gives an
 * in-memory cache of 64 MiB for the methods annotated with {@code @Cached}.
 */
@ConfigMapping(prefix = "quarkus.restcache")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface RestcacheConfig {
  /** The name of the in-memory store, {@code quarkus.restcache.store}'s default. */
  String MEMORY_STORE = "memory";

  /**
   * Whether the cache is on. When off, every request goes to its resource and writes evict nothing.
   */
  @WithDefault("true")
  boolean enabled();

  /**
   * Where cached responses live: {@code memory}, on the heap of this instance, bounded by {@code
   * quarkus.restcache.memory.max-size}; or the name of a store another extension adds, such as
   * {@code hazelcast} with {@code quarkus-restcache-hazelcast}. Such an extension provides its
   * store as a {@link dev.restcache.spi.CacheStore} bean qualified with {@code @Identifier} and
   * that name. An application {@code CacheStore} bean without a qualifier takes the place of
   * either.
   */
  @WithDefault(MEMORY_STORE)
  String store();

  /**
   * Freshness assumed for a response that declares none ({@code Cache-Control: max-age}, {@code
   * s-maxage} or {@code Expires}) when {@code @Cached(ttl)} sets none. Zero stores only what
   * responses declare fresh.
   */
  @WithDefault("2m")
  Duration defaultTtl();

  /** The largest response body that is stored; larger ones are served uncached. */
  @WithDefault("1M")
  MemorySize maxEntrySize();

  /** Whether every GET resource method is cached as if it had {@code @Cached}. */
  @WithDefault("false")
  boolean cacheAll();

  /**
   * Whether clients' request {@code Cache-Control} directives steer the cache. {@code ignore}, as
   * CDNs do, means no client can force every request through to the resource.
   */
  @WithDefault("ignore")
  RequestDirectives requestDirectives();

  /**
   * Whether a stored response without {@code ETag} or {@code Last-Modified} gets a strong {@code
   * ETag} computed from its body.
   */
  @WithDefault("true")
  boolean generateEtags();

  /** The cache's name in RFC 9211 {@code Cache-Status} response headers. */
  @WithDefault("restcache")
  String cacheStatusName();

  /** The longest a request waits for the store; past it the request is served without the cache. */
  @WithDefault("500ms")
  Duration storeTimeout();

  /**
   * The longest a write's response waits for its eviction; past it the response is sent and this
   * instance serves nothing of the evicted paths and tags from the cache until the store confirms
   * the eviction.
   */
  @WithDefault("5s")
  Duration evictionTimeout();

  /**
   * How long a request for a key that another request is filling waits for it before going to the
   * resource itself. Zero turns collapsed forwarding off.
   */
  @WithDefault("5s")
  Duration collapseTimeout();

  /**
   * Prepended to every key, path and tag this cache writes, so that services sharing one store
   * neither see nor evict each other's entries.
   */
  @WithDefault("restcache:")
  String keyPrefix();

  /** Whether query parameters are keyed in name order, so that their order does not matter. */
  @WithDefault("true")
  boolean sortQueryParameters();

  /**
   * Query parameters left out of the key, by name or by prefix ending in {@code *}, ignoring case,
   * such as {@code utm_*,fbclid}. Only name parameters no cached resource reads.
   */
  Optional<List<String>> ignoreQueryParameters();

  /**
   * Cookies that do not identify a user (analytics, consent, language), by name or prefix ending in
   * {@code *}. Any other cookie makes a request one with credentials, answered from the cache only
   * with responses marked {@code public} or {@code s-maxage}.
   */
  Optional<List<String>> anonymousCookies();

  /**
   * How long an entry whose response carries its own validator is kept once stale, so that a {@code
   * 304} from the resource can refresh it instead of the body being produced again.
   */
  @WithDefault("24H")
  Duration revalidationRetention();

  /**
   * Request headers that identify a user, as {@code Authorization} does, such as {@code X-Api-Key}:
   * a request carrying one is answered from the cache only with responses marked {@code public} or
   * {@code s-maxage}.
   */
  Optional<List<String>> credentialHeaders();

  /** The in-memory store. */
  Memory memory();

  /** The front, which answers from public entries before Quarkus REST. */
  Front front();

  /** The in-memory store. */
  interface Memory {
    /** The most the store holds, counting bodies, headers and keys. */
    @WithDefault("64M")
    MemorySize maxSize();
  }

  /** The front, which answers from public entries before Quarkus REST. */
  interface Front {
    /**
     * Whether a Vert.x route ahead of Quarkus REST answers a GET or HEAD from a fresh entry whose
     * response was marked {@code public} or given {@code s-maxage}, before any filter, interceptor
     * or resource of the application runs, as a reverse proxy in front of it would. Requests with
     * credentials or {@code Origin}, and every other entry, go through Quarkus REST as before. Turn
     * it on only where no JAX-RS filter must see a request for a public response (an access check,
     * a rate limit, an audit log). Has no effect while {@code
     * quarkus.http.proxy.proxy-address-forwarding} is on.
     */
    @WithDefault("false")
    boolean enabled();
  }
}
