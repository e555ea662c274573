package dev.restcache.internal.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The request header fields a response varies on (RFC 9110 §12.5.5), and how a request's values of
 * them select a stored variant (RFC 9111 §4.1).
 */
public final class VarySpec {
  /** Varies on nothing. */
  public static final VarySpec NONE = new VarySpec(List.of(), false);

  private final List<String> fieldNames;
  private final boolean wildcard;

  private VarySpec(List<String> fieldNames, boolean wildcard) {
    this.fieldNames = fieldNames;
    this.wildcard = wildcard;
  }

  /** The names in one or more {@code Vary} field lines; null or empty means none. */
  public static VarySpec parse(List<String> varyHeaderValues) {
    if (varyHeaderValues == null || varyHeaderValues.isEmpty()) {
      return NONE;
    }
    TreeSet<String> names = new TreeSet<>();
    boolean wildcard = false;
    for (String line : varyHeaderValues) {
      if (line == null) {
        continue;
      }
      for (String member : line.split(",")) {
        String name = member.trim().toLowerCase(Locale.ROOT);
        if (name.equals("*")) {
          wildcard = true;
        } else if (!name.isEmpty()) {
          names.add(name);
        }
      }
    }
    return names.isEmpty() && !wildcard ? NONE : new VarySpec(List.copyOf(names), wildcard);
  }

  /** Whether it is {@code Vary: *}: no request can be matched to it. */
  public boolean isWildcard() {
    return wildcard;
  }

  /** Whether it varies on nothing. */
  public boolean isEmpty() {
    return fieldNames.isEmpty() && !wildcard;
  }

  /** The lower-case field names, sorted. */
  public List<String> fieldNames() {
    return fieldNames;
  }

  /** This set with {@code extraFieldNames} added. */
  public VarySpec with(Collection<String> extraFieldNames) {
    TreeSet<String> names = new TreeSet<>(fieldNames);
    extraFieldNames.forEach(name -> names.add(name.trim().toLowerCase(Locale.ROOT)));
    names.remove("");
    return new VarySpec(List.copyOf(names), wildcard);
  }

  /** This set without {@code fieldName}. */
  public VarySpec without(String fieldName) {
    List<String> names = new ArrayList<>(fieldNames);
    names.remove(fieldName.toLowerCase(Locale.ROOT));
    return names.isEmpty() && !wildcard ? NONE : new VarySpec(List.copyOf(names), wildcard);
  }

  /** The canonical field value: {@code *}, or the sorted lower-case names. */
  public String toHeaderValue() {
    return wildcard ? "*" : String.join(", ", fieldNames);
  }

  /**
   * A string that identifies a request's values of these fields: equal for requests a cache must
   * treat alike (only the whitespace around list members removed), different otherwise: member
   * order, empty members, whitespace inside a member, absent versus empty, and how the members are
   * split into field lines all count (RFC 9110 §5.3 lets a proxy join lines, but an application
   * reading the first line sees another value). Each part is length-prefixed so that no two
   * different inputs can produce the same key.
   *
   * @param requestHeader the request's field lines for a lower-case name, or null when absent
   */
  public String variantKey(Function<String, List<String>> requestHeader) {
    StringBuilder key = new StringBuilder();
    for (String name : fieldNames) {
      List<String> lines = requestHeader.apply(name);
      key.append(name.length()).append(':').append(name);
      if (lines == null) {
        key.append('!');
        continue;
      }
      String value = normalise(lines);
      key.append('=').append(value.length()).append(':').append(value);
    }
    return key.toString();
  }

  private static String normalise(List<String> lines) {
    StringBuilder joined = new StringBuilder();
    for (String line : lines) {
      // Lines stay apart: an application reading the first line sees another value than one
      // reading their comma-joined list.
      joined.append('/');
      boolean first = true;
      for (String member : (line == null ? "" : line).split(",", -1)) {
        if (!first) {
          joined.append(',');
        }
        first = false;
        // Optional whitespace around a list member (RFC 9110 §5.6.1) is all a cache may drop:
        // "acme," is a list with an empty member, and "a  b" is not "a b".
        String trimmed = trimOptionalWhitespace(member);
        joined.append(trimmed.length()).append(':').append(trimmed);
      }
    }
    return joined.toString();
  }

  private static String trimOptionalWhitespace(String member) {
    int start = 0;
    int end = member.length();
    while (start < end && isOptionalWhitespace(member.charAt(start))) {
      start++;
    }
    while (end > start && isOptionalWhitespace(member.charAt(end - 1))) {
      end--;
    }
    return member.substring(start, end);
  }

  private static boolean isOptionalWhitespace(char c) {
    return c == ' ' || c == '\t';
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VarySpec other
        && wildcard == other.wildcard
        && fieldNames.equals(other.fieldNames);
  }

  @Override
  public int hashCode() {
    return Objects.hash(fieldNames, wildcard);
  }

  @Override
  public String toString() {
    return "Vary[" + toHeaderValue() + "]";
  }
}
