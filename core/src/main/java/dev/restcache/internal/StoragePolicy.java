package dev.restcache.internal;

import dev.restcache.internal.http.CacheDirectives;
import dev.restcache.internal.http.CacheValidity;
import dev.restcache.internal.http.Freshness;
import dev.restcache.internal.http.VarySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * May this response be stored, and for how long? RFC 9111 §3 for a shared cache, plus restcache's
 * stricter privacy rules. Pure: every input is a parameter.
 */
public final class StoragePolicy {
  /**
   * The statuses a TTL applies to: those RFC 9110 §15.1 defines as heuristically cacheable, less
   * the errors. An error is stored only when the resource itself made it fresh, so that no
   * annotation or default turns one client's failure into everyone's answer.
   */
  static final Set<Integer> HEURISTICALLY_CACHEABLE = Set.of(200, 203, 204, 300, 301, 308);

  /**
   * The statuses whose caching rules restcache implements (RFC 9110 §15): with {@code
   * must-understand}, only these are stored.
   */
  static final Set<Integer> UNDERSTOOD =
      Set.of(
          200, 203, 204, 300, 301, 302, 303, 307, 308, 400, 403, 404, 405, 410, 414, 451, 500, 501,
          502, 503, 504);

  private StoragePolicy() {}

  /** The outcome: store with a freshness, or a reason not to. */
  public sealed interface Decision {}

  /**
   * Store it.
   *
   * @param freshness how old, fresh and usable stale the response is, fixed now for the entry
   * @param sharedWith the most personal request it may answer
   * @param revalidatable whether the resource gave it a validator ({@code ETag}, {@code
   *     Last-Modified}) it can confirm with a 304, so that it is worth keeping once stale
   */
  public record Store(Freshness freshness, Credentials sharedWith, boolean revalidatable)
      implements Decision {

    /** The response to store under this decision. */
    public StoredResponse response(int status, Headers headers, byte[] body) {
      return new StoredResponse(status, headers, body, sharedWith, freshness);
    }
  }

  /** Do not store it, for {@code reason}. */
  public record Refuse(NotStoredReason reason) implements Decision {}

  /**
   * Everything the decision reads about one response and the request it answers.
   *
   * @param method the request method: only a GET fills the cache
   * @param requestDirectives the request's {@code Cache-Control}, {@link CacheDirectives#NONE} when
   *     request directives are ignored
   * @param credentials what identified the request's client
   * @param personalised whether the method reads who the user is (a request with credentials then
   *     never fills its entry)
   * @param rewritten whether a response filter changed the status or the entity the resource
   *     produced, which a hit could not replay
   * @param status the response status, as sent
   * @param headers the response headers as they are sent, after every filter and interceptor
   * @param resourceHeaders the headers as the resource itself produced them, before any response
   *     filter; null when the cache cannot tell that the resource ran (a parameter that failed to
   *     convert never reaches it), which keeps every error out of the cache
   * @param bodySize the body's size in bytes; -1 while it is not known yet
   * @param maxBodySize the largest body stored
   * @param ttl the freshness to assume when the response declares none; zero for none
   * @param requestTime when the request reached the cache
   * @param responseTime when the response left the resource
   */
  public record Candidate(
      String method,
      CacheDirectives requestDirectives,
      Credentials credentials,
      boolean personalised,
      boolean rewritten,
      int status,
      Headers headers,
      Headers resourceHeaders,
      long bodySize,
      long maxBodySize,
      Duration ttl,
      Instant requestTime,
      Instant responseTime) {

    /**
     * A GET's response, with no request directives, from a method that reads no identity, as the
     * resource produced it, of a size not known yet.
     */
    public static Candidate of(
        int status,
        Headers headers,
        Credentials credentials,
        Duration ttl,
        Instant requestTime,
        Instant responseTime,
        Headers resourceHeaders) {
      return new Candidate(
          "GET",
          CacheDirectives.NONE,
          credentials,
          false,
          false,
          status,
          headers,
          resourceHeaders,
          -1,
          Long.MAX_VALUE,
          ttl,
          requestTime,
          responseTime);
    }

    /** This candidate with the headers as finally written. */
    public Candidate withHeaders(Headers written) {
      return new Candidate(
          method,
          requestDirectives,
          credentials,
          personalised,
          rewritten,
          status,
          written,
          resourceHeaders,
          bodySize,
          maxBodySize,
          ttl,
          requestTime,
          responseTime);
    }

    /** This candidate with its body's size known. */
    public Candidate ofSize(long size) {
      return new Candidate(
          method,
          requestDirectives,
          credentials,
          personalised,
          rewritten,
          status,
          headers,
          resourceHeaders,
          size,
          maxBodySize,
          ttl,
          requestTime,
          responseTime);
    }
  }

  /**
   * Decides for {@code candidate}: every rule of storing, from the request's method and directives
   * to the response's status, headers as written and size.
   */
  public static Decision decide(Candidate candidate) {
    if (!"GET".equals(candidate.method())) {
      // A HEAD is answered from a GET's entry but never fills one.
      return new Refuse(NotStoredReason.METHOD);
    }
    if (candidate.requestDirectives().noStore()) {
      return new Refuse(NotStoredReason.REQUEST_NO_STORE);
    }
    if (candidate.personalised() && candidate.credentials() != Credentials.NONE) {
      return new Refuse(NotStoredReason.PERSONALISED);
    }
    if (candidate.rewritten()) {
      return new Refuse(NotStoredReason.REWRITTEN);
    }
    if (candidate.bodySize() > candidate.maxBodySize()) {
      return new Refuse(NotStoredReason.TOO_LARGE);
    }
    int status = candidate.status();
    Headers headers = candidate.headers();
    Credentials credentials = candidate.credentials();
    Duration ttl = candidate.ttl();
    Instant requestTime = candidate.requestTime();
    Instant responseTime = candidate.responseTime();
    Headers resourceHeaders = candidate.resourceHeaders();
    if (status < 200 || status == 206 || status == 304) {
      return new Refuse(NotStoredReason.STATUS);
    }
    CacheDirectives cc = CacheDirectives.parse(headers.all("Cache-Control"));
    // RFC 9111 §5.2.2.3: must-understand stands in for no-store before a cache that knows the
    // caching rules of the status; restcache knows those of every final status it stores.
    if (cc.mustUnderstand() ? !UNDERSTOOD.contains(status) : cc.noStore()) {
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
    Credentials sharedWith = sharedWith(cc);
    if (!sharedWith.admits(credentials)) {
      return new Refuse(NotStoredReason.CREDENTIALS);
    }
    if (status >= 400 && !resourceMadeFresh(resourceHeaders, responseTime)) {
      return new Refuse(NotStoredReason.ERROR_STATUS);
    }
    // RFC 9111 §4.3: a response with a validator is worth storing even when it is never
    // fresh (no-cache without max-age, max-age=0): the next request revalidates it, and a 304
    // spares the resource producing the body again.
    boolean revalidatable = StorableHeaders.hasValidator(headers);
    Optional<Duration> lifetime =
        CacheValidity.explicitFreshnessLifetime(
            cc, headers.first("Date"), headers.first("Expires"), responseTime);
    if (lifetime.isEmpty()) {
      if (!HEURISTICALLY_CACHEABLE.contains(status)
          || ((ttl.isZero() || ttl.isNegative()) && !revalidatable)) {
        return new Refuse(NotStoredReason.NO_FRESHNESS);
      }
      lifetime = Optional.of(ttl.isNegative() ? Duration.ZERO : ttl);
    }
    Freshness freshness =
        Freshness.of(
            cc,
            lifetime.get(),
            CacheValidity.correctedInitialAge(
                headers.first("Date"), headers.first("Age"), requestTime, responseTime),
            responseTime);
    if (!freshness.isFresh(responseTime) && !revalidatable) {
      return new Refuse(NotStoredReason.STALE);
    }
    return new Store(freshness, sharedWith, revalidatable);
  }

  // RFC 9111 §3.5: the directives that let a shared cache reuse a response to a request with
  // Authorization. must-revalidate is the RFC's for Authorization alone (see Credentials).
  private static Credentials sharedWith(CacheDirectives cc) {
    if (cc.isPublic() || cc.sMaxAge() >= 0) {
      return Credentials.IDENTITY;
    }
    return cc.mustRevalidate() ? Credentials.AUTHORIZATION : Credentials.NONE;
  }

  private static boolean resourceMadeFresh(Headers resourceHeaders, Instant responseTime) {
    return resourceHeaders != null
        && CacheValidity.explicitFreshnessLifetime(
                CacheDirectives.parse(resourceHeaders.all("Cache-Control")),
                resourceHeaders.first("Date"),
                resourceHeaders.first("Expires"),
                responseTime)
            .isPresent();
  }
}
