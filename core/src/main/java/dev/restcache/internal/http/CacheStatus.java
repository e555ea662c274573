package dev.restcache.internal.http;

import dev.restcache.internal.ForwardReason;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * One cache's member of an RFC 9211 {@code Cache-Status} field, e.g. {@code restcache; hit; ttl=42}
 * or {@code restcache; fwd=uri-miss; stored}. Immutable.
 */
public final class CacheStatus {
  // RFC 8941 §3.3.4 sf-token.
  private static final Map<String, String> NAME_ITEMS = new ConcurrentHashMap<>();
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z*][A-Za-z0-9:/!#$%&'*+.^_`|~-]*");

  private final String cacheName;
  private final String fwd;
  private final Integer fwdStatus;
  private final Long ttl;
  private final boolean stored;
  private final boolean collapsed;
  private final String detail;

  private CacheStatus(
      String cacheName,
      String fwd,
      Integer fwdStatus,
      Long ttl,
      boolean stored,
      boolean collapsed,
      String detail) {
    this.cacheName = cacheName;
    this.fwd = fwd;
    this.fwdStatus = fwdStatus;
    this.ttl = ttl;
    this.stored = stored;
    this.collapsed = collapsed;
    this.detail = detail;
  }

  /** The request was answered from the cache. */
  public static CacheStatus hit(String cacheName) {
    return new CacheStatus(cacheName, null, null, null, false, false, null);
  }

  /** The request went to the resource, for {@code reason} (RFC 9211 §2.2). */
  public static CacheStatus forward(String cacheName, ForwardReason reason) {
    return new CacheStatus(cacheName, reason.token(), null, null, false, false, null);
  }

  /** With the response's remaining freshness in seconds (negative when stale). */
  public CacheStatus ttl(long seconds) {
    return new CacheStatus(cacheName, fwd, fwdStatus, seconds, stored, collapsed, detail);
  }

  /** With whether the forwarded response was stored. */
  public CacheStatus stored(boolean isStored) {
    return new CacheStatus(cacheName, fwd, fwdStatus, ttl, isStored, collapsed, detail);
  }

  /** With a free-form detail, such as why the response was not stored. */
  public CacheStatus detail(String text) {
    return new CacheStatus(cacheName, fwd, fwdStatus, ttl, stored, collapsed, text);
  }

  /** With whether the request waited for another one to fill the cache (collapsed forwarding). */
  public CacheStatus collapsed(boolean isCollapsed) {
    return new CacheStatus(cacheName, fwd, fwdStatus, ttl, stored, isCollapsed, detail);
  }

  /** With the status the resource answered, when it differs from the one sent (a 304). */
  public CacheStatus fwdStatus(int status) {
    return new CacheStatus(cacheName, fwd, status, ttl, stored, collapsed, detail);
  }

  /** The field member, parameters in RFC 9211 §2 order. */
  public String toHeaderValue() {
    StringBuilder value =
        new StringBuilder(48).append(NAME_ITEMS.computeIfAbsent(cacheName, CacheStatus::nameItem));
    if (fwd == null) {
      value.append("; hit");
    } else {
      value.append("; fwd=").append(fwd);
    }
    if (fwdStatus != null) {
      value.append("; fwd-status=").append(fwdStatus);
    }
    if (ttl != null) {
      value.append("; ttl=").append(ttl);
    }
    if (stored) {
      value.append("; stored");
    }
    if (collapsed) {
      value.append("; collapsed");
    }
    if (detail != null) {
      value.append("; detail=").append(sfString(detail));
    }
    return value.toString();
  }

  @Override
  public String toString() {
    return toHeaderValue();
  }

  // The name is a token or a string (RFC 9211 §2); it is the same on every response, so the
  // choice is made once per name rather than with a regular expression per response.
  private static String nameItem(String name) {
    return TOKEN.matcher(name).matches() ? name : sfString(name);
  }

  // RFC 8941 §3.3.3: printable ASCII, with backslash and double quote escaped.
  private static String sfString(String text) {
    StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' || c == '"') {
        quoted.append('\\').append(c);
      } else if (c >= 0x20 && c <= 0x7e) {
        quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }
}
