package dev.restcache.internal;

import dev.restcache.internal.http.CacheDirectives;
import dev.restcache.internal.http.CacheValidity;
import dev.restcache.internal.http.VarySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * May this response be stored, and for how long? RFC 9111 §3 for a shared cache, plus
 * restcache's stricter privacy rules. Pure: every input is a parameter.
 */
public final class StoragePolicy {
  /** Statuses RFC 9110 §15.1 defines as heuristically cacheable: the only ones a TTL applies to. */
  static final Set<Integer> HEURISTICALLY_CACHEABLE =
      Set.of(200, 203, 204, 300, 301, 308, 404, 405, 410, 414, 501);

  private StoragePolicy() {
  }

  /** The outcome: store for a lifetime, or a reason not to. */
  public sealed interface Decision {
  }

  /**
   * Store it.
   *
   * @param freshnessLifetime how long the response is fresh
   * @param correctedInitialAge the age it already has
   * @param shareableWithAuthorization whether it may answer requests with {@code Authorization}
   * @param staleWhileRevalidate how long past freshness it may be served while refreshed
   * @param staleIfError how long past freshness it may stand in for an error
   * @param mustRevalidate whether it must never be served stale
   * @param noCache whether it must be revalidated before every use
   * @param immutable whether it never changes while fresh
   */
  public record Store(Duration freshnessLifetime, Duration correctedInitialAge,
      boolean shareableWithAuthorization, Duration staleWhileRevalidate, Duration staleIfError,
      boolean mustRevalidate, boolean noCache, boolean immutable) implements Decision {

    /** The response to store under this decision. */
    public StoredResponse response(int status, Headers headers, byte[] body,
        Instant responseTime) {
      return new StoredResponse(status, headers, body, responseTime, correctedInitialAge,
          freshnessLifetime, shareableWithAuthorization, staleWhileRevalidate, staleIfError,
          mustRevalidate, noCache, immutable);
    }

    /** How long past its freshness the entry is worth keeping. */
    public Duration staleWindow() {
      if (mustRevalidate || noCache) {
        return Duration.ZERO;
      }
      return staleWhileRevalidate.compareTo(staleIfError) > 0 ? staleWhileRevalidate
          : staleIfError;
    }
  }

  /** Do not store it, for {@code reason}. */
  public record Refuse(NotStoredReason reason) implements Decision {
  }

  /**
   * Decides for a response to a GET.
   *
   * @param status the response status
   * @param headers the response headers as they would be stored
   * @param requestHadAuthorization whether the request carried {@code Authorization}
   * @param ttl the freshness to assume when the response declares none; zero for none
   * @param requestTime when the request reached the cache
   * @param responseTime when the response left the resource
   */
  public static Decision decide(int status, Headers headers, boolean requestHadAuthorization,
      Duration ttl, Instant requestTime, Instant responseTime) {
    if (status < 200 || status == 206 || status == 304) {
      return new Refuse(NotStoredReason.STATUS);
    }
    CacheDirectives cc = CacheDirectives.parse(headers.all("Cache-Control"));
    if (cc.noStore()) {
      return new Refuse(NotStoredReason.NO_STORE);
    }
    if (cc.isPrivate()) {
      return new Refuse(NotStoredReason.PRIVATE);
    }
    if (VarySpec.parse(headers.all("Vary")).isWildcard()) {
      return new Refuse(NotStoredReason.VARY_STAR);
    }
    if (headers.contains("Set-Cookie")) {
      return new Refuse(NotStoredReason.SET_COOKIE);
    }
    // RFC 9111 §3.5: these are the directives that let a shared cache reuse such a response.
    boolean shareable = cc.isPublic() || cc.sMaxAge() >= 0 || cc.mustRevalidate();
    if (requestHadAuthorization && !shareable) {
      return new Refuse(NotStoredReason.CREDENTIALS);
    }
    Optional<Duration> lifetime = CacheValidity.explicitFreshnessLifetime(
        cc, headers.first("Date"), headers.first("Expires"), responseTime);
    if (lifetime.isEmpty()) {
      if (ttl.isZero() || ttl.isNegative() || !HEURISTICALLY_CACHEABLE.contains(status)) {
        return new Refuse(NotStoredReason.NO_FRESHNESS);
      }
      lifetime = Optional.of(ttl);
    }
    Duration initialAge = CacheValidity.correctedInitialAge(
        headers.first("Date"), headers.first("Age"), requestTime, responseTime);
    if (!CacheValidity.isFresh(lifetime.get(), initialAge)) {
      return new Refuse(NotStoredReason.STALE);
    }
    boolean mustRevalidate = cc.mustRevalidate() || cc.proxyRevalidate();
    return new Store(lifetime.get(), initialAge, shareable,
        Duration.ofSeconds(Math.max(0, cc.staleWhileRevalidate())),
        Duration.ofSeconds(Math.max(0, cc.staleIfError())), mustRevalidate, cc.noCache(),
        cc.immutable());
  }
}
