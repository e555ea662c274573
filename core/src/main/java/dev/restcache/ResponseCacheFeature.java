package dev.restcache;

import dev.restcache.internal.CacheEngine;
import dev.restcache.internal.CacheSettings;
import dev.restcache.internal.KeyRules;
import dev.restcache.internal.NamePatterns;
import dev.restcache.internal.jaxrs.CacheFeatures;
import dev.restcache.memory.InMemoryCacheStore;
import dev.restcache.spi.CacheStore;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The Jakarta REST {@link Feature} that adds a server-side HTTP response cache to an application.
 * Register one instance:
 *
 * <pre>{@code
 * ResponseCacheFeature feature = ResponseCacheFeature.builder()
 *     .defaultTtl(Duration.ofMinutes(2))
 *     .build();
 * resourceConfig.register(feature);
 * ResponseCache cache = feature.cache();
 * }</pre>
 *
 * <p>GET methods annotated with {@link Cached} (or every GET method, with {@link
 * Builder#cacheAll(boolean)}) are answered from the cache; a successful POST, PUT, PATCH or DELETE
 * evicts every entry of its path. Instances are immutable and thread-safe.
 */
public final class ResponseCacheFeature implements Feature {
  /**
   * The default priority of the request filter that answers from the cache: the highest there is,
   * so that every request filter of the application, whatever its priority (one without
   * {@code @Priority} has {@code Priorities.USER}), runs before a hit as before a miss.
   */
  public static final int DEFAULT_LOOKUP_PRIORITY = Integer.MAX_VALUE;

  /** The default {@link Builder#evictionTimeout}, in seconds. */
  public static final int DEFAULT_EVICTION_TIMEOUT_SECONDS = 5;

  private static final Duration DEFAULT_EVICTION_TIMEOUT =
      Duration.ofSeconds(DEFAULT_EVICTION_TIMEOUT_SECONDS);

  private final CacheEngine engine;
  private final ResponseCache cache;
  private final boolean front;

  private ResponseCacheFeature(CacheSettings settings, boolean front) {
    this.engine = new CacheEngine(settings);
    this.cache = new CacheHandle(engine);
    this.front = front;
  }

  /**
   * A builder with the defaults listed on each of its methods.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A feature with every default: in-memory store of 64 MiB, default TTL of two minutes.
   *
   * @return a new feature with a cache of its own
   */
  public static ResponseCacheFeature withDefaults() {
    return builder().build();
  }

  /**
   * The runtime handle of this feature's cache, for invalidation and statistics.
   *
   * @return the same handle on every call
   */
  public ResponseCache cache() {
    return cache;
  }

  // For RuntimeAdapter and CacheFront, the facades of runtime and container adapters.
  CacheEngine engine() {
    return engine;
  }

  // For CacheFront: whether the front was switched on.
  boolean front() {
    return front;
  }

  @Override
  public boolean configure(FeatureContext context) {
    CacheFeatures.register(context, engine, cache);
    return true;
  }

  /** Builds a {@link ResponseCacheFeature}. Not thread-safe; each build gets its own cache. */
  public static final class Builder {
    private CacheStore store;
    private Duration defaultTtl = Duration.ofMinutes(2);
    private boolean cacheAll;
    private int maxEntrySize = 1024 * 1024;
    private String keyPrefix = KeyRules.DEFAULT.prefix();
    private boolean sortQueryParameters = KeyRules.DEFAULT.sortQuery();
    private NamePatterns ignoredQueryParameters = NamePatterns.NONE;
    private NamePatterns anonymousCookies = NamePatterns.NONE;
    private List<String> credentialHeaders = List.of();
    private int lookupPriority = DEFAULT_LOOKUP_PRIORITY;
    private Duration revalidationRetention = Duration.ofHours(24);
    private boolean generateETags = true;
    private String cacheStatusName = "restcache";
    private Duration storeTimeout = Duration.ofMillis(500);
    private Duration evictionTimeout = DEFAULT_EVICTION_TIMEOUT;
    private RequestDirectives requestDirectives = RequestDirectives.IGNORE;
    private Duration collapseTimeout = Duration.ofSeconds(5);
    private Clock clock = Clock.systemUTC();
    private boolean front;

    private Builder() {}

    /**
     * Where entries live. Default: a new {@link InMemoryCacheStore} of 64 MiB.
     *
     * @param store the store; the feature does not close it
     * @return this builder
     */
    public Builder store(CacheStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Freshness assumed for a response that declares none ({@code Cache-Control: max-age}, {@code
     * s-maxage} or {@code Expires}), when {@link Cached#ttl()} does not set one. {@link
     * Duration#ZERO} stores only what the response declares fresh. Default: 2 minutes.
     *
     * @param defaultTtl zero or more
     * @return this builder
     */
    public Builder defaultTtl(Duration defaultTtl) {
      if (defaultTtl.isNegative()) {
        throw new IllegalArgumentException("defaultTtl must not be negative: " + defaultTtl);
      }
      this.defaultTtl = defaultTtl;
      return this;
    }

    /**
     * Caches every GET resource method as if it had {@link Cached}, except those with {@link
     * NeverCache}. Default: false.
     *
     * @param cacheAll whether every GET method is cached
     * @return this builder
     */
    public Builder cacheAll(boolean cacheAll) {
      this.cacheAll = cacheAll;
      return this;
    }

    /**
     * The largest body, in bytes, that is stored; larger ones are served uncached. Default 1 MiB.
     *
     * @param bytes zero or more
     * @return this builder
     */
    public Builder maxEntrySize(int bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("maxEntrySize must not be negative: " + bytes);
      }
      this.maxEntrySize = bytes;
      return this;
    }

    /**
     * Prepended to every key, path and tag this cache writes, so that services sharing one store
     * neither see nor evict each other's entries ({@link ResponseCache#clear()} still empties the
     * whole store). Default {@code restcache:}.
     *
     * @param keyPrefix the prefix, possibly empty
     * @return this builder
     */
    public Builder keyPrefix(String keyPrefix) {
      this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
      return this;
    }

    /**
     * Whether query parameters are keyed in name order, so that {@code ?a=1&b=2} and {@code
     * ?b=2&a=1} share an entry. Parameters of the same name keep their order, which a resource may
     * read as a list. Default: true.
     *
     * @param sortQueryParameters whether to sort by name
     * @return this builder
     */
    public Builder sortQueryParameters(boolean sortQueryParameters) {
      this.sortQueryParameters = sortQueryParameters;
      return this;
    }

    /**
     * Query parameters left out of the key, by name or by prefix ending in {@code *}, ignoring
     * case: {@code ignoreQueryParameters("utm_*", "fbclid")}. Only name parameters that no cached
     * resource reads: a response that depends on one would be served for every value of it.
     * Default: none.
     *
     * @param names names, or prefixes ending in {@code *}
     * @return this builder
     */
    public Builder ignoreQueryParameters(String... names) {
      this.ignoredQueryParameters = NamePatterns.of(List.of(names));
      return this;
    }

    /**
     * Cookies that do not identify a user (analytics, consent, language), by name or prefix ending
     * in {@code *}. Any other cookie makes a request one with credentials: it is answered from, and
     * fills, the cache only with responses marked {@code public} or {@code s-maxage}. A method that
     * reads an anonymous cookie with {@code @CookieParam} is keyed on its value. Default: none, so
     * every cookie counts.
     *
     * @param names names, or prefixes ending in {@code *}
     * @return this builder
     */
    public Builder anonymousCookies(String... names) {
      this.anonymousCookies = NamePatterns.of(List.of(names));
      return this;
    }

    /**
     * Request headers that identify a user, as {@code Authorization} does, such as {@code
     * X-Api-Key}: a request carrying one is answered from, and fills, the cache only with responses
     * marked {@code public} or {@code s-maxage}. Names are compared without regard to case.
     * Default: none.
     *
     * @param names header names, none blank
     * @return this builder
     */
    public Builder credentialHeaders(String... names) {
      List<String> lowerCase = new ArrayList<>(names.length);
      for (String name : names) {
        if (name == null || name.isBlank()) {
          throw new IllegalArgumentException("credential header names must not be blank");
        }
        lowerCase.add(name.trim().toLowerCase(Locale.ROOT));
      }
      this.credentialHeaders = List.copyOf(lowerCase);
      return this;
    }

    /**
     * The priority of the request filter that answers from the cache. Every post-matching request
     * filter with a lower priority runs before the lookup, on a hit as on a miss; one with a higher
     * priority runs only when the resource runs. Default {@link #DEFAULT_LOOKUP_PRIORITY}: after
     * every filter of the application. Lower it only below filters that may be skipped on a hit;
     * never below one that authenticates or authorises.
     *
     * @param priority a Jakarta REST priority
     * @return this builder
     */
    public Builder lookupPriority(int priority) {
      this.lookupPriority = priority;
      return this;
    }

    /**
     * How long an entry whose response carries its own validator ({@code ETag}, {@code
     * Last-Modified}) is kept once stale, so that a later request revalidates it with the resource
     * and a {@code 304} refreshes it instead of the body being produced again. This covers
     * responses that are never fresh ({@code no-cache} without {@code max-age}, {@code max-age=0}).
     * The store's size bound evicts such entries earlier when space is short. Default: 24 hours.
     *
     * @param retention zero or more
     * @return this builder
     */
    public Builder revalidationRetention(Duration retention) {
      if (retention.isNegative()) {
        throw new IllegalArgumentException(
            "revalidationRetention must not be negative: " + retention);
      }
      this.revalidationRetention = retention;
      return this;
    }

    /**
     * Whether a stored response without {@code ETag} or {@code Last-Modified} gets a strong {@code
     * ETag} computed from its body, so clients can revalidate it. Default: true.
     *
     * @param generateETags whether to generate them
     * @return this builder
     */
    public Builder generateETags(boolean generateETags) {
      this.generateETags = generateETags;
      return this;
    }

    /**
     * The cache's name in RFC 9211 {@code Cache-Status} headers. Default {@code restcache}.
     *
     * @param name a name that is not blank
     * @return this builder
     */
    public Builder cacheStatusName(String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("cacheStatusName must not be blank");
      }
      this.cacheStatusName = name;
      return this;
    }

    /**
     * The longest a request waits for the store; past it the request is served without the cache
     * (fail open). Default: 500 ms.
     *
     * @param storeTimeout more than zero
     * @return this builder
     */
    public Builder storeTimeout(Duration storeTimeout) {
      if (storeTimeout.isNegative() || storeTimeout.isZero()) {
        throw new IllegalArgumentException("storeTimeout must be positive: " + storeTimeout);
      }
      this.storeTimeout = storeTimeout;
      return this;
    }

    /**
     * The longest a write's response waits for its eviction (the path, the {@code Location}s, what
     * {@code @Invalidates} declares) to complete in the store. Past it the response is sent, and
     * this instance answers nothing of the evicted paths and tags from the cache until the store
     * confirms the eviction (it is retried while the store fails). Separate from {@link
     * #storeTimeout}: a read that gives up only costs a miss, a write that gives up early lets old
     * data be served. Default: {@value #DEFAULT_EVICTION_TIMEOUT_SECONDS} seconds, above the
     * longest eviction measured while a Hazelcast member was killed.
     *
     * @param evictionTimeout more than zero
     * @return this builder
     */
    public Builder evictionTimeout(Duration evictionTimeout) {
      if (evictionTimeout.isNegative() || evictionTimeout.isZero()) {
        throw new IllegalArgumentException("evictionTimeout must be positive: " + evictionTimeout);
      }
      this.evictionTimeout = evictionTimeout;
      return this;
    }

    /**
     * Whether clients' request {@code Cache-Control} directives steer the cache. Default: {@link
     * RequestDirectives#IGNORE}, as CDNs do, so no client can force every request through to the
     * resource.
     *
     * @param requestDirectives whether to honour or ignore them
     * @return this builder
     */
    public Builder requestDirectives(RequestDirectives requestDirectives) {
      this.requestDirectives = Objects.requireNonNull(requestDirectives, "requestDirectives");
      return this;
    }

    /**
     * How long a request for a key that another request is already filling waits for it (collapsed
     * forwarding) before going to the resource itself. {@link Duration#ZERO} turns collapsing off.
     * Default: 5 seconds.
     *
     * @param collapseTimeout zero or more
     * @return this builder
     */
    public Builder collapseTimeout(Duration collapseTimeout) {
      if (collapseTimeout.isNegative()) {
        throw new IllegalArgumentException(
            "collapseTimeout must not be negative: " + collapseTimeout);
      }
      this.collapseTimeout = collapseTimeout;
      return this;
    }

    /**
     * The clock for ages and freshness; tests pass a controllable one. Default: UTC system.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Whether the front may serve entries before the application runs: a container adapter ({@link
     * CacheFront}) answers a GET or HEAD from a fresh entry the application marked {@code public}
     * or gave {@code s-maxage}, before routing and before any filter of the application, as a
     * reverse proxy in front of it would. Only requests without credentials and without {@code
     * Origin} are answered there; everything else goes through the JAX-RS lookup as before. Turn it
     * on only where no filter of the application must see a request for a public response (an
     * access check, a rate limit, an audit log). Default: false.
     *
     * @param enabled whether to let the front serve
     * @return this builder
     */
    public Builder front(boolean enabled) {
      this.front = enabled;
      return this;
    }

    /**
     * The feature.
     *
     * @return a new feature, with a cache of its own
     */
    public ResponseCacheFeature build() {
      CacheStore chosen =
          store != null
              ? store
              : new InMemoryCacheStore(InMemoryCacheStore.DEFAULT_MAX_BYTES, clock);
      return new ResponseCacheFeature(
          new CacheSettings(
              chosen,
              defaultTtl,
              cacheAll,
              maxEntrySize,
              new KeyRules(keyPrefix, sortQueryParameters, ignoredQueryParameters),
              generateETags,
              cacheStatusName,
              storeTimeout,
              evictionTimeout,
              requestDirectives,
              collapseTimeout,
              clock,
              anonymousCookies,
              credentialHeaders,
              lookupPriority,
              revalidationRetention),
          front);
    }
  }
}
