package dev.restcache.internal;

import dev.restcache.internal.http.VarySpec;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Store keys. The primary key is the target URI (scheme, host, port, path, query) under the
 * configured prefix; a variant key adds the values of the request headers a {@code Vary} names.
 */
public final class CacheKeys {
  private CacheKeys() {
  }

  /** The primary key of a request for {@code requestUri}. */
  public static String primaryKey(String prefix, URI requestUri) {
    StringBuilder key = new StringBuilder(prefix.length() + 64).append(prefix);
    String scheme = requestUri.getScheme();
    key.append(scheme == null ? "" : scheme.toLowerCase(Locale.ROOT)).append("://");
    String host = requestUri.getHost();
    key.append(host == null ? "" : host.toLowerCase(Locale.ROOT));
    int port = effectivePort(scheme, requestUri.getPort());
    if (port >= 0) {
      key.append(':').append(port);
    }
    String path = requestUri.getRawPath();
    key.append(path == null || path.isEmpty() ? "/" : path);
    if (requestUri.getRawQuery() != null) {
      key.append('?').append(requestUri.getRawQuery());
    }
    return key.toString();
  }

  /** The key of the variant selected by {@code requestHeader}'s values of {@code vary}. */
  public static String variantKey(String primaryKey, VarySpec vary,
      Function<String, List<String>> requestHeader) {
    return primaryKey + " #" + vary.variantKey(requestHeader);
  }

  /** The path entries are indexed by, for path invalidation: the raw absolute path. */
  public static String path(URI uri) {
    String path = uri.getRawPath();
    return path == null || path.isEmpty() ? "/" : path;
  }

  private static int effectivePort(String scheme, int port) {
    if (port >= 0) {
      return port;
    }
    if ("http".equalsIgnoreCase(scheme)) {
      return 80;
    }
    return "https".equalsIgnoreCase(scheme) ? 443 : -1;
  }
}
