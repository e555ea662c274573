package dev.restcache.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An immutable, ordered list of header fields, looked up case-insensitively. A field given several
 * times keeps every value in its order, so multi-valued headers survive whole.
 */
public final class Headers {
  /** No fields. */
  public static final Headers EMPTY = new Headers(List.of());

  private final List<Field> fields;

  private Headers(List<Field> fields) {
    this.fields = fields;
  }

  /** One header field line; its value is never null. */
  public record Field(String name, String value) {
    /** A null value is an empty one: a container may hold a field without a value. */
    public Field {
      value = value == null ? "" : value;
    }
  }

  /** Headers from field lines. */
  public static Headers of(List<Field> fields) {
    return new Headers(List.copyOf(fields));
  }

  /** The field lines in order. */
  public List<Field> fields() {
    return fields;
  }

  /** The first value of {@code name}, or null. */
  public String first(String name) {
    for (Field field : fields) {
      if (field.name().equalsIgnoreCase(name)) {
        return field.value();
      }
    }
    return null;
  }

  /** Every value of {@code name} in order; empty when absent. */
  public List<String> all(String name) {
    List<String> values = new ArrayList<>(1);
    for (Field field : fields) {
      if (field.name().equalsIgnoreCase(name)) {
        values.add(field.value());
      }
    }
    return values;
  }

  /** Whether {@code name} is present. */
  public boolean contains(String name) {
    return first(name) != null;
  }

  /** These fields without those named in {@code names}, compared case-insensitively. */
  public Headers without(Collection<String> names) {
    Set<String> lower = new HashSet<>();
    names.forEach(name -> lower.add(name.toLowerCase(Locale.ROOT)));
    List<Field> kept = new ArrayList<>(fields.size());
    for (Field field : fields) {
      if (!lower.contains(field.name().toLowerCase(Locale.ROOT))) {
        kept.add(field);
      }
    }
    return new Headers(List.copyOf(kept));
  }

  /** Calls {@code action} for each field line. */
  public void forEach(BiConsumer<String, String> action) {
    fields.forEach(field -> action.accept(field.name(), field.value()));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Headers other && fields.equals(other.fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return fields.toString();
  }
}
