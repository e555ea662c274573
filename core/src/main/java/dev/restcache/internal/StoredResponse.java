package dev.restcache.internal;

import dev.restcache.internal.http.Freshness;

/**
 * A response as restcache stores it: what to replay, whom it may answer, and its freshness.
 *
 * @param status the status code
 * @param headers the end-to-end headers in their original order and case, values kept whole
 * @param body the captured body; empty for none
 * @param sharedWith the most personal request it may answer
 * @param freshness how old, fresh and usable stale it is, fixed by the store decision
 */
// The body is never compared, and copying it for each hit would cost what the cache saves.
@SuppressWarnings("ArrayRecordComponent")
public record StoredResponse(
    int status, Headers headers, byte[] body, Credentials sharedWith, Freshness freshness)
    implements StoredValue {

  /** Whether it carries a validator, so that the resource can answer 304 for it. */
  public boolean hasValidator() {
    return StorableHeaders.hasValidator(headers);
  }
}
