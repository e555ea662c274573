package dev.restcache.internal;

import java.util.ArrayList;
import java.util.List;

/** Reads the name-value pairs of a {@code Cookie} request header (RFC 6265 §4.2). */
final class Cookies {
  private Cookies() {}

  /** One cookie as sent: its name and value, trimmed. */
  record Pair(String name, String value) {}

  /**
   * The pairs of one {@code Cookie} line, in order. Commas separate pairs too: RFC 2965 clients and
   * some containers (which join repeated lines) use them, and a cookie hidden behind one must still
   * count.
   */
  static List<Pair> parse(String line) {
    List<Pair> pairs = new ArrayList<>(4);
    if (line == null) {
      return pairs;
    }
    for (String pair : line.split("[;,]")) {
      int equals = pair.indexOf('=');
      String name = (equals < 0 ? pair : pair.substring(0, equals)).trim();
      String value = equals < 0 ? "" : pair.substring(equals + 1).trim();
      if (!name.isEmpty()) {
        pairs.add(new Pair(name, value));
      }
    }
    return pairs;
  }
}
