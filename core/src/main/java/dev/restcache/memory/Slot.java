package dev.restcache.memory;

import dev.restcache.spi.CacheEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;

/**
 * One entry of an {@link InMemoryCacheStore}, and its links in the store's structures.
 *
 * <p>The key, the path and the payload share one array, {@code [key length][key][path][payload]}
 * with the numbers as LEB128 and the strings as UTF-8: a key or a path as a {@code String} of its
 * own would cost two more objects per entry. The path is usually spelled in the key too (a prefix,
 * then the URI's path), so it is held as two ranges of the key where it can be, {@code [1][prefix
 * length][offset][rest length]}, and as {@code [0][length][bytes]} where it cannot. The slot is its
 * own node in every structure that finds it (the key table's bucket, its path's index bucket, the
 * eviction queue), so an entry is two objects in all.
 */
final class Slot {
  private static final byte SPELLED = 0;
  private static final byte DERIVED = 1;
  // Past this, the path is spelled out rather than searched for in the key.
  private static final int MAX_SEARCHED_KEY_BYTES = 4096;

  /** The key's {@link String#hashCode()}. */
  final int hash;

  /**
   * The key, the path and the payload; never changed, so a reader without the lock sees it whole.
   */
  final byte[] data;

  /** When the entry expires, in nanoseconds since the epoch, saturated. */
  final long expiresAt;

  /** The entry's tags as the tag index shares them, or null when it has none. */
  final TagIndex.TagSet tags;

  /** The next slot in the key table's bucket; read without the lock, written under it. */
  volatile Slot next;

  // The eviction queue and the path index: read and written under the store's lock only.
  Slot older;
  Slot newer;
  Slot pathPrevious;
  Slot pathNext;

  /** Whether it was read since the eviction hand last passed it; set by readers without a lock. */
  boolean referenced;

  Slot(int hash, byte[] data, long expiresAt, TagIndex.TagSet tags) {
    this.hash = hash;
    this.data = data;
    this.expiresAt = expiresAt;
    this.tags = tags;
  }

  /** Lays out {@code key}, the entry's path and its payload as {@link #data} holds them. */
  static byte[] layout(String key, CacheEntry entry) {
    byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
    byte[] pathBytes = entry.path().getBytes(StandardCharsets.UTF_8);
    byte[] payload = entry.payload();
    int prefix = Arrays.mismatch(keyBytes, pathBytes);
    prefix = prefix < 0 ? pathBytes.length : prefix;
    int rest = pathBytes.length - prefix;
    int offset =
        keyBytes.length <= MAX_SEARCHED_KEY_BYTES
            ? indexOf(keyBytes, prefix, pathBytes, prefix)
            : -1;
    boolean derived = offset >= 0;
    int pathSize =
        derived
            ? 1 + numberSize(prefix) + numberSize(offset) + numberSize(rest)
            : 1 + numberSize(pathBytes.length) + pathBytes.length;
    byte[] data =
        new byte[numberSize(keyBytes.length) + keyBytes.length + pathSize + payload.length];
    int at = putNumber(data, 0, keyBytes.length);
    System.arraycopy(keyBytes, 0, data, at, keyBytes.length);
    at += keyBytes.length;
    if (derived) {
      data[at++] = DERIVED;
      at = putNumber(data, at, prefix);
      at = putNumber(data, at, offset);
      at = putNumber(data, at, rest);
    } else {
      data[at++] = SPELLED;
      at = putNumber(data, at, pathBytes.length);
      System.arraycopy(pathBytes, 0, data, at, pathBytes.length);
      at += pathBytes.length;
    }
    System.arraycopy(payload, 0, data, at, payload.length);
    return data;
  }

  // Where path[from..] occurs in key at or after from, or -1.
  private static int indexOf(byte[] key, int from, byte[] path, int pathFrom) {
    int length = path.length - pathFrom;
    for (int at = from; at + length <= key.length; at++) {
      if (Arrays.equals(key, at, at + length, path, pathFrom, path.length)) {
        return at;
      }
    }
    return -1;
  }

  /** {@code instant} in nanoseconds since the epoch, saturated at the ends of a long. */
  static long epochNanos(Instant instant) {
    try {
      return Math.addExact(
          Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    } catch (ArithmeticException outOfRange) {
      return instant.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /** Whether the key is {@code utf8}. */
  boolean hasKey(byte[] utf8) {
    int length = lengthAt(0);
    int start = numberSize(length);
    return Arrays.equals(data, start, start + length, utf8, 0, utf8.length);
  }

  /** Whether this slot and {@code other} have the same key. */
  boolean hasKeyOf(Slot other) {
    int length = lengthAt(0);
    return hash == other.hash
        && Arrays.equals(
            data, 0, numberSize(length) + length, other.data, 0, numberSize(length) + length);
  }

  /** Whether the path is {@code utf8}. */
  boolean hasPath(byte[] utf8) {
    Path path = path();
    return path.length() == utf8.length
        && Arrays.equals(data, path.from, path.from + path.firstLength, utf8, 0, path.firstLength)
        && Arrays.equals(
            data,
            path.restFrom,
            path.restFrom + path.restLength,
            utf8,
            path.firstLength,
            utf8.length);
  }

  /** The hash of the path, as {@link #hashOf} computes it from the path's UTF-8. */
  int pathHash() {
    Path path = path();
    int hash = hashOf(1, data, path.from, path.from + path.firstLength);
    return hashOf(hash, data, path.restFrom, path.restFrom + path.restLength);
  }

  /** A hash of {@code bytes}. */
  static int hashOf(byte[] bytes) {
    return hashOf(1, bytes, 0, bytes.length);
  }

  private static int hashOf(int start, byte[] bytes, int from, int to) {
    int hash = start;
    for (int i = from; i < to; i++) {
      hash = 31 * hash + bytes[i];
    }
    return hash;
  }

  /** Whether the eviction queue no longer holds it: it was replaced, evicted or invalidated. */
  boolean isRemoved() {
    return newer == this;
  }

  /** Marks it as no longer in the store, see {@link #isRemoved()}. */
  void markRemoved() {
    older = this;
    newer = this;
  }

  /** The entry as it was put: path, tags, expiry and a copy of the payload. */
  CacheEntry toEntry() {
    Path path = path();
    byte[] utf8 = new byte[path.length()];
    System.arraycopy(data, path.from, utf8, 0, path.firstLength);
    System.arraycopy(data, path.restFrom, utf8, path.firstLength, path.restLength);
    return new CacheEntry(
        new String(utf8, StandardCharsets.UTF_8),
        tags == null ? Set.of() : tags.tags(),
        Instant.ofEpochSecond(0, expiresAt),
        Arrays.copyOfRange(data, path.end, data.length));
  }

  /** The size of {@link #data}. */
  int size() {
    return data.length;
  }

  // The path as two ranges of data (the second empty when it is spelled out), and where it ends.
  private record Path(int from, int firstLength, int restFrom, int restLength, int end) {
    int length() {
      return firstLength + restLength;
    }
  }

  private Path path() {
    int keyLength = lengthAt(0);
    int keyFrom = numberSize(keyLength);
    int at = keyFrom + keyLength;
    boolean derived = data[at++] == DERIVED;
    int first = lengthAt(at);
    at += numberSize(first);
    if (!derived) {
      return new Path(at, first, at + first, 0, at + first);
    }
    int offset = lengthAt(at);
    at += numberSize(offset);
    int rest = lengthAt(at);
    at += numberSize(rest);
    return new Path(keyFrom, first, keyFrom + offset, rest, at);
  }

  private int lengthAt(int at) {
    int value = 0;
    for (int shift = 0; ; shift += 7) {
      byte b = data[at++];
      value |= (b & 0x7F) << shift;
      if (b >= 0) {
        return value;
      }
    }
  }

  private static int numberSize(int length) {
    int size = 1;
    while ((length >>>= 7) != 0) {
      size++;
    }
    return size;
  }

  private static int putNumber(byte[] data, int at, int number) {
    while ((number & ~0x7F) != 0) {
      data[at++] = (byte) ((number & 0x7F) | 0x80);
      number >>>= 7;
    }
    data[at++] = (byte) number;
    return at;
  }
}
