package dev.restcache.internal.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * An entity tag (RFC 9110 §8.8.3).
 *
 * @param opaqueTag the tag including its double quotes
 * @param weak whether it carries the {@code W/} prefix
 */
public record EntityTag(String opaqueTag, boolean weak) {

  /** The tag in {@code value}, or empty when it is not one. */
  public static Optional<EntityTag> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String trimmed = value.trim();
    boolean weak = trimmed.startsWith("W/");
    String opaque = weak ? trimmed.substring(2) : trimmed;
    if (opaque.length() < 2
        || opaque.charAt(0) != '"'
        || opaque.charAt(opaque.length() - 1) != '"'
        || opaque.indexOf('"', 1) != opaque.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(new EntityTag(opaque, weak));
  }

  /**
   * The tags of an {@code If-None-Match} or {@code If-Match} list; malformed members are skipped.
   * The wildcard {@code *} is not a tag: see {@link #isWildcardList(String)}.
   */
  public static List<EntityTag> parseList(String headerValue) {
    List<EntityTag> tags = new ArrayList<>();
    if (headerValue == null) {
      return tags;
    }
    int i = 0;
    int n = headerValue.length();
    while (i < n) {
      char c = headerValue.charAt(i);
      if (c == ',' || c == ' ' || c == '\t') {
        i++;
        continue;
      }
      int start = i;
      if (headerValue.startsWith("W/", i)) {
        i += 2;
      }
      if (i < n && headerValue.charAt(i) == '"') {
        int close = headerValue.indexOf('"', i + 1);
        if (close < 0) {
          break;
        }
        parse(headerValue.substring(start, close + 1)).ifPresent(tags::add);
        i = close + 1;
      } else {
        int comma = headerValue.indexOf(',', i);
        i = comma < 0 ? n : comma;
      }
    }
    return tags;
  }

  /** Whether an {@code If-None-Match} value is the wildcard {@code *}. */
  public static boolean isWildcardList(String headerValue) {
    return headerValue != null && headerValue.trim().equals("*");
  }

  /** Weak comparison: the opaque tags match, whatever their weakness (§8.8.3.2). */
  public boolean weakEquals(EntityTag other) {
    return opaqueTag.equals(other.opaqueTag);
  }

  /** The field value: {@code "x"} or {@code W/"x"}. */
  public String toHeaderValue() {
    return weak ? "W/" + opaqueTag : opaqueTag;
  }

  /** A strong tag from the first 128 bits of the body's SHA-256, base64url. */
  public static EntityTag strongFromBody(byte[] body) {
    byte[] hash = sha256(body);
    String encoded =
        Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16));
    return new EntityTag('"' + encoded + '"', false);
  }

  private static byte[] sha256(byte[] body) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(body);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
