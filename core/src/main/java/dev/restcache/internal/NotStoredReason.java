package dev.restcache.internal;

/**
 * Why a response to a cacheable request was not stored. The {@link #detail()} words are the ones
 * the documentation, the {@code Cache-Status} {@code detail} parameter and the TRACE log use.
 */
public enum NotStoredReason {
  /** Only GET responses are stored; a HEAD is answered from a GET entry but never fills one. */
  METHOD("method"),
  /** 206 and other partial or interim responses. */
  STATUS("status"),
  /** {@code Cache-Control: no-store}. */
  NO_STORE("no-store"),
  /** {@code Cache-Control: private}: for the user's own cache only. */
  PRIVATE("private"),
  /** {@code Vary: *}: no request can ever match it. */
  VARY_STAR("vary-star"),
  /** {@code Set-Cookie}: one user's cookie must never reach another. */
  SET_COOKIE("set-cookie"),
  /**
   * The request carried credentials ({@code Authorization}, a cookie not configured as anonymous, a
   * configured credential header, or a user principal) and the response did not explicitly allow
   * sharing it.
   */
  CREDENTIALS("credentials"),
  /**
   * The method reads the {@code SecurityContext}, so its answer to a request with credentials is
   * that user's own, whatever its headers say ({@code @Cached(identityIndependent = true)} says
   * otherwise).
   */
  PERSONALISED("personalised"),
  /**
   * The request carried a precondition the resource evaluates ({@code If-Match}, {@code
   * If-Unmodified-Since}, {@code If-Range}): its answer depends on this client's input.
   */
  PRECONDITION("precondition"),
  /** The request target carried userinfo or a fragment, which no key represents faithfully. */
  TARGET("target"),
  /**
   * A 4xx or 5xx whose freshness did not come from the resource itself ({@code @CacheControl} and
   * the TTL never make an error fresh), or that did not come from the resource at all (a parameter
   * that failed to convert).
   */
  ERROR_STATUS("error-status"),
  /**
   * A response filter changed the status or replaced the entity the resource produced. A hit
   * replays the resource's response and runs the filters again, so such a response could not be
   * replayed as it was sent.
   */
  REWRITTEN("rewritten"),
  /** Writing the response failed after the decision to store it: nothing whole to store. */
  WRITE_FAILED("write-failed"),
  /**
   * The request carried a header that can change what the application answers without being part of
   * the key ({@code X-Original-URL}, {@code X-HTTP-Method-Override}, ...).
   */
  UNKEYED_HEADER("unkeyed-header"),
  /** A GET with content: the content is not part of the key. */
  REQUEST_BODY("request-body"),
  /**
   * No explicit freshness, and no TTL applies (TTL zero, or a status not heuristically cacheable).
   */
  NO_FRESHNESS("no-freshness"),
  /** The request said {@code Cache-Control: no-store} and request directives are honoured. */
  REQUEST_NO_STORE("request-no-store"),
  /** Already stale on arrival. */
  STALE("stale"),
  /** The body exceeded the entry size limit. */
  TOO_LARGE("too-large"),
  /** A write to the same path, a tag or a clear happened while the response was produced. */
  INVALIDATED("invalidated"),
  /** The store failed or timed out. */
  STORE_ERROR("store-error");

  private final String detail;

  NotStoredReason(String detail) {
    this.detail = detail;
  }

  /** The word used in logs, docs and {@code Cache-Status}. */
  public String detail() {
    return detail;
  }

  /**
   * Why a request refused for this reason went to the resource: {@code request} when the request
   * itself ruled the cache out, {@code bypass} when the cache's rules did.
   */
  public ForwardReason forwardReason() {
    return this == CREDENTIALS || this == PERSONALISED || this == PRECONDITION
        ? ForwardReason.REQUEST
        : ForwardReason.BYPASS;
  }
}
