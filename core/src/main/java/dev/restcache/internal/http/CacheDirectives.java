package dev.restcache.internal.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A parsed {@code Cache-Control} field (RFC 9111 §5.2, list syntax of RFC 9110 §5.6).
 *
 * <p>Parsing never throws. Directive names are case-insensitive; values are tokens or quoted
 * strings; when a directive repeats, the first occurrence wins (RFC 9111 §4.2.1); a delta-seconds
 * value above 2<sup>31</sup> is read as 2<sup>31</sup> (§1.2.2). A {@code max-age} or {@code
 * s-maxage} whose value cannot be read is taken as 0, so the response counts as stale: the
 * conservative reading. Qualified {@code private="x"} and {@code no-cache="x"} are treated like
 * their unqualified forms. Unknown directives are kept.
 */
public final class CacheDirectives {
  /** No directives. */
  public static final CacheDirectives NONE = builder().build();

  static final long DELTA_SECONDS_MAX = 2147483648L;
  private static final long ABSENT = -1;

  private final long maxAge;
  private final long sMaxAge;
  private final long maxStale;
  private final boolean maxStaleAny;
  private final long minFresh;
  private final long staleWhileRevalidate;
  private final long staleIfError;
  private final boolean noStore;
  private final boolean noCache;
  private final boolean isPrivate;
  private final boolean isPublic;
  private final boolean mustRevalidate;
  private final boolean proxyRevalidate;
  private final boolean noTransform;
  private final boolean immutable;
  private final boolean onlyIfCached;
  private final boolean mustUnderstand;
  private final Set<String> noCacheFields;
  private final Set<String> privateFields;
  private final boolean invalidValue;
  private final List<String> extensions;

  private CacheDirectives(Builder b) {
    maxAge = b.maxAge;
    sMaxAge = b.sMaxAge;
    maxStale = b.maxStale;
    maxStaleAny = b.maxStaleAny;
    minFresh = b.minFresh;
    staleWhileRevalidate = b.staleWhileRevalidate;
    staleIfError = b.staleIfError;
    noStore = b.noStore;
    noCache = b.noCache;
    isPrivate = b.isPrivate;
    isPublic = b.isPublic;
    mustRevalidate = b.mustRevalidate;
    proxyRevalidate = b.proxyRevalidate;
    noTransform = b.noTransform;
    immutable = b.immutable;
    onlyIfCached = b.onlyIfCached;
    mustUnderstand = b.mustUnderstand;
    noCacheFields = Collections.unmodifiableSet(new TreeSet<>(b.noCacheFields));
    privateFields = Collections.unmodifiableSet(new TreeSet<>(b.privateFields));
    invalidValue = b.invalidValue;
    extensions = List.copyOf(b.extensions);
  }

  /** One {@code Cache-Control} field value; null is no directives. */
  public static CacheDirectives parse(String headerValue) {
    return headerValue == null ? NONE : parse(List.of(headerValue));
  }

  /** Several {@code Cache-Control} field lines, read as one list. */
  public static CacheDirectives parse(List<String> headerValues) {
    if (headerValues == null || headerValues.isEmpty()) {
      return NONE;
    }
    Builder builder = builder();
    Set<String> seen = new LinkedHashSet<>();
    for (String line : headerValues) {
      if (line != null) {
        for (Directive directive : Directive.split(line)) {
          if (seen.add(directive.name)) {
            builder.apply(directive);
          }
        }
      }
    }
    return builder.build();
  }

  /**
   * A request's directives: its {@code Cache-Control}, or, when it has none, {@code no-cache} for a
   * {@code Pragma: no-cache} (RFC 9111 §5.4).
   */
  public static CacheDirectives forRequest(List<String> cacheControl, List<String> pragma) {
    CacheDirectives parsed = parse(cacheControl);
    if ((cacheControl != null && !cacheControl.isEmpty()) || pragma == null) {
      return parsed;
    }
    boolean noCache =
        pragma.stream()
            .filter(Objects::nonNull)
            .flatMap(line -> Arrays.stream(line.split(",")))
            .anyMatch(member -> member.trim().equalsIgnoreCase("no-cache"));
    return noCache ? builder().noCache(true).build() : parsed;
  }

  /** A builder with no directives. */
  public static Builder builder() {
    return new Builder();
  }

  /** {@code max-age} seconds, or -1. */
  public long maxAge() {
    return maxAge;
  }

  /** {@code s-maxage} seconds, or -1. */
  public long sMaxAge() {
    return sMaxAge;
  }

  /** {@code max-stale} seconds (request), or -1; see {@link #maxStaleAny()}. */
  public long maxStale() {
    return maxStale;
  }

  /** {@code max-stale} without a value: any staleness is acceptable. */
  public boolean maxStaleAny() {
    return maxStaleAny;
  }

  /** {@code min-fresh} seconds (request), or -1. */
  public long minFresh() {
    return minFresh;
  }

  /** {@code stale-while-revalidate} seconds (RFC 5861), or -1. */
  public long staleWhileRevalidate() {
    return staleWhileRevalidate;
  }

  /** {@code stale-if-error} seconds (RFC 5861), or -1. */
  public long staleIfError() {
    return staleIfError;
  }

  /** {@code no-store}. */
  public boolean noStore() {
    return noStore;
  }

  /** {@code no-cache}, qualified or not. */
  public boolean noCache() {
    return noCache;
  }

  /** {@code private}, qualified or not. */
  public boolean isPrivate() {
    return isPrivate;
  }

  /** {@code public}. */
  public boolean isPublic() {
    return isPublic;
  }

  /** {@code must-revalidate}. */
  public boolean mustRevalidate() {
    return mustRevalidate;
  }

  /** {@code proxy-revalidate}. */
  public boolean proxyRevalidate() {
    return proxyRevalidate;
  }

  /** {@code no-transform}. */
  public boolean noTransform() {
    return noTransform;
  }

  /** {@code immutable} (RFC 8246). */
  public boolean immutable() {
    return immutable;
  }

  /** {@code only-if-cached} (request). */
  public boolean onlyIfCached() {
    return onlyIfCached;
  }

  /** {@code must-understand}. */
  public boolean mustUnderstand() {
    return mustUnderstand;
  }

  /** The lower-case field names of a qualified {@code no-cache}. */
  public Set<String> noCacheFields() {
    return noCacheFields;
  }

  /** The lower-case field names of a qualified {@code private}. */
  public Set<String> privateFields() {
    return privateFields;
  }

  /** Whether a known delta-seconds directive had a value that could not be read. */
  public boolean hasInvalidValue() {
    return invalidValue;
  }

  /** Unknown directives, as written, in order. */
  public List<String> extensions() {
    return extensions;
  }

  /** These directives plus {@code other}'s: flags added; of two numbers, the smaller wins. */
  public CacheDirectives merge(CacheDirectives other) {
    Builder merged =
        builder()
            .maxAge(smaller(maxAge, other.maxAge))
            .sMaxAge(smaller(sMaxAge, other.sMaxAge))
            .staleWhileRevalidate(smaller(staleWhileRevalidate, other.staleWhileRevalidate))
            .staleIfError(smaller(staleIfError, other.staleIfError))
            .maxStale(smaller(maxStale, other.maxStale))
            .minFresh(smaller(minFresh, other.minFresh))
            .noStore(noStore || other.noStore)
            .noCache(noCache || other.noCache)
            .isPrivate(isPrivate || other.isPrivate)
            .isPublic(isPublic || other.isPublic)
            .mustRevalidate(mustRevalidate || other.mustRevalidate)
            .proxyRevalidate(proxyRevalidate || other.proxyRevalidate)
            .noTransform(noTransform || other.noTransform)
            .immutable(immutable || other.immutable)
            .onlyIfCached(onlyIfCached || other.onlyIfCached)
            .mustUnderstand(mustUnderstand || other.mustUnderstand);
    merged.maxStaleAny = maxStaleAny || other.maxStaleAny;
    merged.invalidValue = invalidValue || other.invalidValue;
    merged.noCacheFields.addAll(noCacheFields);
    merged.noCacheFields.addAll(other.noCacheFields);
    merged.privateFields.addAll(privateFields);
    merged.privateFields.addAll(other.privateFields);
    merged.extensions.addAll(extensions);
    other.extensions.stream().filter(e -> !extensions.contains(e)).forEach(merged.extensions::add);
    return merged.build();
  }

  /**
   * These response directives less those that let a cache store or share a response ({@code
   * max-age}, {@code s-maxage}, the stale windows, {@code public}, {@code immutable}): what may
   * still be said of an error.
   */
  public CacheDirectives withoutFreshness() {
    return builder()
        .noStore(noStore)
        .noCache(noCache)
        .isPrivate(isPrivate)
        .mustRevalidate(mustRevalidate)
        .proxyRevalidate(proxyRevalidate)
        .noTransform(noTransform)
        .build();
  }

  /** The canonical field value, in a fixed order; empty when there are no directives. */
  public String toHeaderValue() {
    List<String> parts = new ArrayList<>();
    flag(parts, isPublic, "public");
    if (isPrivate) {
      parts.add(privateFields.isEmpty() ? "private" : "private=" + quoted(privateFields));
    }
    if (noCache) {
      parts.add(noCacheFields.isEmpty() ? "no-cache" : "no-cache=" + quoted(noCacheFields));
    }
    flag(parts, noStore, "no-store");
    flag(parts, noTransform, "no-transform");
    flag(parts, mustRevalidate, "must-revalidate");
    flag(parts, proxyRevalidate, "proxy-revalidate");
    flag(parts, mustUnderstand, "must-understand");
    flag(parts, immutable, "immutable");
    seconds(parts, maxAge, "max-age");
    seconds(parts, sMaxAge, "s-maxage");
    seconds(parts, staleWhileRevalidate, "stale-while-revalidate");
    seconds(parts, staleIfError, "stale-if-error");
    if (maxStaleAny) {
      parts.add("max-stale");
    } else {
      seconds(parts, maxStale, "max-stale");
    }
    seconds(parts, minFresh, "min-fresh");
    flag(parts, onlyIfCached, "only-if-cached");
    parts.addAll(extensions);
    return String.join(", ", parts);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CacheDirectives other
        && toHeaderValue().equals(other.toHeaderValue())
        && invalidValue == other.invalidValue;
  }

  @Override
  public int hashCode() {
    return Objects.hash(toHeaderValue(), invalidValue);
  }

  @Override
  public String toString() {
    return "Cache-Control[" + toHeaderValue() + "]";
  }

  private static long smaller(long a, long b) {
    if (a < 0) {
      return b;
    }
    return b < 0 ? a : Math.min(a, b);
  }

  private static void flag(List<String> parts, boolean set, String name) {
    if (set) {
      parts.add(name);
    }
  }

  private static void seconds(List<String> parts, long value, String name) {
    if (value >= 0) {
      parts.add(name + "=" + value);
    }
  }

  // RFC 9110 §5.6.4 quoted-string: a field list read from garbage may hold quotes or backslashes.
  private static String quoted(Set<String> fields) {
    String list = String.join(", ", fields);
    return '"' + list.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** Builds {@link CacheDirectives}; numbers below zero mean unset. */
  public static final class Builder {
    private long maxAge = ABSENT;
    private long sMaxAge = ABSENT;
    private long maxStale = ABSENT;
    private boolean maxStaleAny;
    private long minFresh = ABSENT;
    private long staleWhileRevalidate = ABSENT;
    private long staleIfError = ABSENT;
    private boolean noStore;
    private boolean noCache;
    private boolean isPrivate;
    private boolean isPublic;
    private boolean mustRevalidate;
    private boolean proxyRevalidate;
    private boolean noTransform;
    private boolean immutable;
    private boolean onlyIfCached;
    private boolean mustUnderstand;
    private final Set<String> noCacheFields = new TreeSet<>();
    private final Set<String> privateFields = new TreeSet<>();
    private boolean invalidValue;
    private final List<String> extensions = new ArrayList<>();

    private Builder() {}

    /** {@code max-age}. */
    public Builder maxAge(long seconds) {
      maxAge = unsetIfNegative(seconds);
      return this;
    }

    /** {@code s-maxage}. */
    public Builder sMaxAge(long seconds) {
      sMaxAge = unsetIfNegative(seconds);
      return this;
    }

    /** {@code max-stale} with a value. */
    public Builder maxStale(long seconds) {
      maxStale = unsetIfNegative(seconds);
      return this;
    }

    /** {@code min-fresh}. */
    public Builder minFresh(long seconds) {
      minFresh = unsetIfNegative(seconds);
      return this;
    }

    /** {@code stale-while-revalidate}. */
    public Builder staleWhileRevalidate(long seconds) {
      staleWhileRevalidate = unsetIfNegative(seconds);
      return this;
    }

    /** {@code stale-if-error}. */
    public Builder staleIfError(long seconds) {
      staleIfError = unsetIfNegative(seconds);
      return this;
    }

    /** {@code no-store}. */
    public Builder noStore(boolean set) {
      noStore = set;
      return this;
    }

    /** {@code no-cache}. */
    public Builder noCache(boolean set) {
      noCache = set;
      return this;
    }

    /** {@code private}. */
    public Builder isPrivate(boolean set) {
      isPrivate = set;
      return this;
    }

    /** {@code public}. */
    public Builder isPublic(boolean set) {
      isPublic = set;
      return this;
    }

    /** {@code must-revalidate}. */
    public Builder mustRevalidate(boolean set) {
      mustRevalidate = set;
      return this;
    }

    /** {@code proxy-revalidate}. */
    public Builder proxyRevalidate(boolean set) {
      proxyRevalidate = set;
      return this;
    }

    /** {@code no-transform}. */
    public Builder noTransform(boolean set) {
      noTransform = set;
      return this;
    }

    /** {@code immutable}. */
    public Builder immutable(boolean set) {
      immutable = set;
      return this;
    }

    /** {@code only-if-cached}. */
    public Builder onlyIfCached(boolean set) {
      onlyIfCached = set;
      return this;
    }

    /** {@code must-understand}. */
    public Builder mustUnderstand(boolean set) {
      mustUnderstand = set;
      return this;
    }

    /** The directives. */
    public CacheDirectives build() {
      return new CacheDirectives(this);
    }

    private static long unsetIfNegative(long seconds) {
      return seconds < 0 ? ABSENT : Math.min(seconds, DELTA_SECONDS_MAX);
    }

    private void apply(Directive d) {
      switch (d.name) {
        case "max-age" -> maxAge = deltaSeconds(d, 0);
        case "s-maxage" -> sMaxAge = deltaSeconds(d, 0);
        case "min-fresh" -> minFresh = deltaSeconds(d, ABSENT);
        case "stale-while-revalidate" -> staleWhileRevalidate = deltaSeconds(d, ABSENT);
        case "stale-if-error" -> staleIfError = deltaSeconds(d, ABSENT);
        case "max-stale" -> {
          if (d.value == null) {
            maxStaleAny = true;
          } else {
            maxStale = deltaSeconds(d, ABSENT);
          }
        }
        case "no-store" -> noStore = true;
        case "no-cache" -> {
          noCache = true;
          noCacheFields.addAll(fieldNames(d.value));
        }
        case "private" -> {
          isPrivate = true;
          privateFields.addAll(fieldNames(d.value));
        }
        case "public" -> isPublic = true;
        case "must-revalidate" -> mustRevalidate = true;
        case "proxy-revalidate" -> proxyRevalidate = true;
        case "no-transform" -> noTransform = true;
        case "immutable" -> immutable = true;
        case "only-if-cached" -> onlyIfCached = true;
        case "must-understand" -> mustUnderstand = true;
        default -> extensions.add(d.raw);
      }
    }

    private long deltaSeconds(Directive d, long whenInvalid) {
      String value = d.value;
      if (value == null || value.isEmpty()) {
        invalidValue = true;
        return whenInvalid;
      }
      for (int i = 0; i < value.length(); i++) {
        if (value.charAt(i) < '0' || value.charAt(i) > '9') {
          invalidValue = true;
          return whenInvalid;
        }
      }
      // Digits only: anything longer than 10 digits is past 2^31 whatever its leading zeros.
      String digits = value.replaceFirst("^0+(?=.)", "");
      return digits.length() > 10
          ? DELTA_SECONDS_MAX
          : Math.min(Long.parseLong(digits), DELTA_SECONDS_MAX);
    }

    private static List<String> fieldNames(String value) {
      List<String> names = new ArrayList<>();
      if (value != null) {
        for (String name : value.split(",")) {
          String trimmed = name.trim().toLowerCase(Locale.ROOT);
          if (!trimmed.isEmpty()) {
            names.add(trimmed);
          }
        }
      }
      return names;
    }
  }

  /** One list member: a lower-case name, an optional unquoted value, and the raw text. */
  private record Directive(String name, String value, String raw) {

    /** Splits a field value at commas outside quoted strings, tolerating any garbage. */
    static List<Directive> split(String line) {
      List<Directive> directives = new ArrayList<>();
      int i = 0;
      int n = line.length();
      while (i < n) {
        int start = i;
        StringBuilder value = null;
        int equals = -1;
        boolean quoted = false;
        for (; i < n; i++) {
          char c = line.charAt(i);
          if (quoted) {
            if (c == '\\' && i + 1 < n) {
              value.append(line.charAt(++i));
            } else if (c == '"') {
              quoted = false;
            } else {
              value.append(c);
            }
          } else if (c == ',') {
            break;
          } else if (c == '=' && equals < 0) {
            equals = i;
            value = new StringBuilder();
          } else if (c == '"' && value != null && value.toString().isBlank()) {
            quoted = true;
            value.setLength(0);
          } else if (value != null) {
            value.append(c);
          }
        }
        String raw = line.substring(start, i).trim();
        i++;
        if (raw.isEmpty()) {
          continue;
        }
        String name =
            (equals < 0 ? raw : line.substring(start, equals)).trim().toLowerCase(Locale.ROOT);
        if (!name.isEmpty()) {
          directives.add(new Directive(name, value == null ? null : value.toString().trim(), raw));
        }
      }
      return directives;
    }
  }
}
