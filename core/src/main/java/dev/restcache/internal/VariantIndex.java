package dev.restcache.internal;

import dev.restcache.internal.http.VarySpec;
import java.util.List;

/**
 * Stored under a URI's primary key when its response varies: names the request headers, and the
 * cookies, whose values select the variant, so a lookup needs at most one more store round trip.
 *
 * @param vary the request headers: the response's {@code Vary} and what the method reads
 * @param cookies the anonymous cookies the method reads, sorted; keyed on their values alone, where
 *     a {@code Vary: Cookie} would key on every cookie the browser sends
 */
public record VariantIndex(VarySpec vary, List<String> cookies) implements StoredValue {
  /** Copies the cookie names. */
  public VariantIndex {
    cookies = List.copyOf(cookies);
  }

  /** Whether it selects nothing: the response is stored under the primary key itself. */
  public boolean isEmpty() {
    return vary.isEmpty() && cookies.isEmpty();
  }
}
