package dev.restcache.servlet;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The request's {@code Host} field, as the authority of the front's key, when it names the host and
 * port the container serves the request under. A Jakarta REST runtime on a servlet container builds
 * the request's URI, and so the application's key, from the container's view ({@code
 * getRequestURL()}), which RFC 9112 §3.2.2 takes from an absolute-form request line rather than
 * from {@code Host}, and which a container may be configured to report as a proxy's (Tomcat's
 * {@code proxyName}). Where the two disagree, the front cannot know the application's key and
 * leaves the request to it. (Forwarding fields such as {@code X-Forwarded-Host} need no check here:
 * they are part of every key.)
 */
final class HostField {
  private HostField() {}

  /** The {@code Host} field, or null when it is absent or names another host or port. */
  static String authorityOf(HttpServletRequest request) {
    String field = request.getHeader("host");
    // An IPv6 literal is left to the application's lookup, as CacheFront leaves it.
    if (field == null || field.startsWith("[")) {
      return null;
    }
    int colon = field.lastIndexOf(':');
    String host = colon < 0 ? field : field.substring(0, colon);
    int port = colon < 0 ? defaultPort(request.getScheme()) : port(field.substring(colon + 1));
    return host.equalsIgnoreCase(request.getServerName()) && port == request.getServerPort()
        ? field
        : null;
  }

  private static int defaultPort(String scheme) {
    return "https".equalsIgnoreCase(scheme) ? 443 : 80;
  }

  // -1 for anything but one to five digits, which no container reports as its port.
  private static int port(String digits) {
    if (digits.isEmpty() || digits.length() > 5) {
      return -1;
    }
    for (int i = 0; i < digits.length(); i++) {
      if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
        return -1;
      }
    }
    return Integer.parseInt(digits);
  }
}
