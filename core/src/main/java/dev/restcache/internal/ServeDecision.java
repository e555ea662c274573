package dev.restcache.internal;

import dev.restcache.internal.http.CacheDirectives;
import dev.restcache.internal.http.ConditionalRequests;
import java.time.Instant;

/**
 * May what is stored answer this request now? The one answer, as a value: serve it (or a 304 for
 * it), serve it stale while one request refreshes it, go to the resource for a reason (revalidating
 * the entry where it has a validator), refuse the cache to this request, or answer 504 to {@code
 * only-if-cached}. Pure: the stored response, the request's facts and the time are parameters, as
 * in OkHttp's {@code CacheStrategy}.
 *
 * <p>Whether a request may use the cache at all, before anything is read, is {@link
 * RequestScreening}'s question; whether a response may be stored is {@link StoragePolicy}'s.
 */
public final class ServeDecision {
  private ServeDecision() {}

  /**
   * What the request brings to the decision.
   *
   * @param credentials what identifies its client
   * @param directives its {@code Cache-Control}, {@link CacheDirectives#NONE} when ignored
   * @param ifNoneMatch its {@code If-None-Match}, or null
   * @param ifModifiedSince its {@code If-Modified-Since}, or null
   */
  public record Request(
      Credentials credentials,
      CacheDirectives directives,
      String ifNoneMatch,
      String ifModifiedSince) {}

  /** The answer. */
  public sealed interface Outcome {}

  /**
   * Answer from the entry.
   *
   * @param notModified whether the request's own conditions hold, so a 304 answers it
   */
  public record Serve(boolean notModified) implements Outcome {}

  /**
   * Stale within {@code stale-while-revalidate} (RFC 5861): answer from the entry while one request
   * refreshes it.
   *
   * @param notModified whether the request's own conditions hold, so a 304 answers it
   * @param refresh how the refreshing request goes to the resource
   */
  public record ServeWhileRefreshing(boolean notModified, Forward refresh) implements Outcome {}

  /**
   * Go to the resource.
   *
   * @param reason why, in RFC 9211's words
   * @param revalidate whether the entry has a validator the resource may confirm with a 304
   * @param usableIfError whether the entry may stand in for a 5xx answer (RFC 5861 §4)
   */
  public record Forward(ForwardReason reason, boolean revalidate, boolean usableIfError)
      implements Outcome {}

  /**
   * The entry may not answer this request, and the answer this request gets may not replace it: the
   * request goes to the resource past the cache.
   *
   * @param reason why
   */
  public record Refuse(NotStoredReason reason) implements Outcome {}

  /** The request said {@code only-if-cached} and nothing usable is stored: answer 504. */
  public record Unsatisfiable() implements Outcome {}

  /**
   * Decides for {@code request} at {@code now}.
   *
   * @param stored what the lookup found; null for nothing
   * @param missReason why the request goes to the resource when nothing was found: {@code
   *     uri-miss}, or {@code vary-miss} when the URI had variants but not this one
   */
  public static Outcome decide(
      StoredResponse stored, ForwardReason missReason, Request request, Instant now) {
    if (stored == null) {
      // RFC 9111 §5.2.1.7: only-if-cached with nothing stored.
      return request.directives().onlyIfCached()
          ? new Unsatisfiable()
          : new Forward(missReason, false, false);
    }
    // RFC 9111 §3.5, applied to every credential (see Credentials).
    if (!stored.sharedWith().admits(request.credentials())) {
      return new Refuse(NotStoredReason.CREDENTIALS);
    }
    ResponseSuitability.Suitability suitability =
        ResponseSuitability.assess(stored, request.directives(), now);
    boolean notModified = notModified(stored, request.ifNoneMatch(), request.ifModifiedSince());
    // Only a response that cannot be served as it is may be needed in place of an error.
    boolean usableIfError =
        suitability != ResponseSuitability.Suitability.FRESH
            && stored.freshness().usableIfError(now);
    return switch (suitability) {
      case FRESH -> new Serve(notModified);
      case STALE_WHILE_REVALIDATE ->
          new ServeWhileRefreshing(
              notModified, new Forward(ForwardReason.STALE, stored.hasValidator(), usableIfError));
      default ->
          request.directives().onlyIfCached()
              ? new Unsatisfiable()
              : new Forward(
                  suitability == ResponseSuitability.Suitability.STALE
                      ? ForwardReason.STALE
                      : ForwardReason.REQUEST,
                  stored.hasValidator(),
                  usableIfError);
    };
  }

  /**
   * Whether the request's conditions ({@code If-None-Match}, {@code If-Modified-Since}) hold for
   * {@code stored}, so that a 304 answers it (RFC 9111 §4.3.2); only a 200 is compared.
   */
  public static boolean notModified(
      StoredResponse stored, String ifNoneMatch, String ifModifiedSince) {
    Headers headers = stored.headers();
    return stored.status() == 200
        && ConditionalRequests.isNotModified(
            ifNoneMatch,
            ifModifiedSince,
            headers.first("ETag"),
            headers.first("Last-Modified"),
            headers.first("Date"));
  }
}
