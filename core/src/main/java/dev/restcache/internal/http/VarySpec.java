package dev.restcache.internal.http;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The request header fields a response varies on (RFC 9110 §12.5.5), and how a request's values
 * of them select a stored variant (RFC 9111 §4.1).
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

  /** The canonical field value: {@code *}, or the sorted lower-case names. */
  public String toHeaderValue() {
    return wildcard ? "*" : String.join(", ", fieldNames);
  }

  /**
   * A string that identifies a request's values of these fields: equal for requests a cache
   * must treat alike (whitespace around list members and runs of whitespace normalised, member
   * order kept), different otherwise, including absent versus empty. Each part is length-prefixed
   * so that no two different inputs can produce the same key.
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
      for (String member : line.split(",", -1)) {
        String trimmed = member.strip().replaceAll("\\s+", " ");
        if (!trimmed.isEmpty()) {
          if (joined.length() > 0) {
            joined.append(',');
          }
          joined.append(trimmed);
        }
      }
    }
    return joined.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VarySpec other && wildcard == other.wildcard
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
