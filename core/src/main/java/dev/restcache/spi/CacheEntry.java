package dev.restcache.spi;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * One value in a {@link CacheStore}: an encoded response (or variant index) with the attributes a
 * store needs to find and expire it.
 *
 * <p>The payload is opaque to the store; restcache writes and reads it in its own versioned binary
 * format, so no store ever deserialises classes. Instances are immutable.
 */
public final class CacheEntry {
  private final String path;
  private final Set<String> tags;
  private final Instant expiresAt;
  private final byte[] payload;

  /**
   * @param path the absolute request path the entry belongs to, for path invalidation
   * @param tags the tags the entry belongs to, for tag invalidation
   * @param expiresAt when the store may drop the entry: its freshness plus any stale window
   * @param payload the encoded value; copied
   */
  public CacheEntry(String path, Set<String> tags, Instant expiresAt, byte[] payload) {
    this.path = Objects.requireNonNull(path, "path");
    this.tags = Set.copyOf(tags);
    this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    this.payload = payload.clone();
  }

  /** {@return the absolute request path, e.g. {@code /api/books/42}} */
  public String path() {
    return path;
  }

  /** {@return the tags, possibly empty} */
  public Set<String> tags() {
    return tags;
  }

  /**
   * {@return when the entry may be dropped} restcache itself checks freshness inside the payload.
   */
  public Instant expiresAt() {
    return expiresAt;
  }

  /** {@return a copy of the encoded value} */
  public byte[] payload() {
    return payload.clone();
  }

  /** {@return the size of the encoded value in bytes, without copying it} */
  public int payloadSize() {
    return payload.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CacheEntry other
        && path.equals(other.path)
        && tags.equals(other.tags)
        && expiresAt.equals(other.expiresAt)
        && Arrays.equals(payload, other.payload);
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, tags, expiresAt, Arrays.hashCode(payload));
  }

  @Override
  public String toString() {
    return "CacheEntry[path="
        + path
        + ", tags="
        + tags
        + ", expiresAt="
        + expiresAt
        + ", payload="
        + payload.length
        + " bytes]";
  }
}
