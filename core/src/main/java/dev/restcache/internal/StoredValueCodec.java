package dev.restcache.internal;

import dev.restcache.internal.http.Freshness;
import dev.restcache.internal.http.VarySpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * restcache's own binary format for store payloads: a version byte, a kind byte, then the fields.
 * No Java serialisation, so a store never deserialises classes; anything that does not decode as
 * this exact format is rejected as {@link CorruptEntryException}.
 *
 * <p>Version 3 writes every number as a variable-length integer (LEB128, zig-zag for the signed
 * times), so the fields around the headers and body take about 30 bytes instead of 80: in memory
 * that framing is most of what an entry costs beyond its content. Version 2, the same fields at
 * fixed width, is still read, so entries a shared store already holds survive an upgrade.
 */
public final class StoredValueCodec {
  private static final byte VERSION = 3;
  // 2: the sharing level is a byte (Credentials), and a variant index names cookies too.
  private static final byte FIXED_WIDTH_VERSION = 2;
  private static final byte KIND_RESPONSE = 1;
  private static final byte KIND_VARIANT_INDEX = 2;
  private static final int MUST_REVALIDATE = 1;
  private static final int NO_CACHE = 2;
  private static final int IMMUTABLE = 4;
  // Bounds that no real entry reaches; they stop a corrupt length from allocating gigabytes.
  private static final int MAX_FIELDS = 10_000;
  private static final int MAX_STRING_BYTES = 1 << 20;

  private StoredValueCodec() {}

  /** Thrown when a payload is not a value this codec wrote. */
  public static final class CorruptEntryException extends Exception {
    CorruptEntryException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Encodes {@code value}. */
  public static byte[] encode(StoredValue value) {
    ByteArrayOutputStream out =
        new ByteArrayOutputStream(value instanceof StoredResponse r ? r.body().length + 256 : 64);
    out.write(VERSION);
    if (value instanceof StoredResponse response) {
      out.write(KIND_RESPONSE);
      writeResponse(out, response);
    } else if (value instanceof VariantIndex index) {
      out.write(KIND_VARIANT_INDEX);
      writeString(out, index.vary().toHeaderValue());
      writeString(out, String.join(",", index.cookies()));
    }
    return out.toByteArray();
  }

  /** Decodes a payload written by {@link #encode}, or by the encoder of version 2. */
  public static StoredValue decode(byte[] payload) throws CorruptEntryException {
    // A ByteBuffer rather than a DataInputStream: this runs on every hit, and the stream's
    // synchronized reads cost more than the decoding itself.
    ByteBuffer buffer = ByteBuffer.wrap(payload);
    try {
      byte version = buffer.get();
      if (version != VERSION && version != FIXED_WIDTH_VERSION) {
        throw new IOException("unknown version " + version);
      }
      Reader in = new Reader(buffer, version == VERSION);
      byte kind = buffer.get();
      StoredValue value =
          switch (kind) {
            case KIND_RESPONSE -> readResponse(in);
            case KIND_VARIANT_INDEX ->
                new VariantIndex(VarySpec.parse(List.of(in.string())), cookieNames(in.string()));
            default -> throw new IOException("unknown kind " + kind);
          };
      if (buffer.hasRemaining()) {
        throw new IOException(buffer.remaining() + " trailing bytes");
      }
      return value;
    } catch (IOException | RuntimeException e) {
      throw new CorruptEntryException("not a restcache entry: " + e.getMessage(), e);
    }
  }

  private static void writeResponse(ByteArrayOutputStream out, StoredResponse response) {
    Freshness freshness = response.freshness();
    writeUnsigned(out, response.status());
    writeSigned(out, freshness.responseTime().toEpochMilli());
    writeSigned(out, freshness.correctedInitialAge().toMillis());
    writeSigned(out, saturatedMillis(freshness.lifetime()));
    out.write(response.sharedWith().level());
    writeSigned(out, saturatedMillis(freshness.staleWhileRevalidate()));
    writeSigned(out, saturatedMillis(freshness.staleIfError()));
    out.write(
        (freshness.mustRevalidate() ? MUST_REVALIDATE : 0)
            | (freshness.noCache() ? NO_CACHE : 0)
            | (freshness.immutable() ? IMMUTABLE : 0));
    List<Headers.Field> fields = response.headers().fields();
    writeUnsigned(out, fields.size());
    for (Headers.Field field : fields) {
      writeString(out, field.name());
      writeString(out, field.value());
    }
    writeUnsigned(out, response.body().length);
    out.writeBytes(response.body());
  }

  private static StoredResponse readResponse(Reader in) throws IOException {
    int status = in.status();
    Instant responseTime = Instant.ofEpochMilli(in.time());
    Duration initialAge = Duration.ofMillis(in.time());
    Duration lifetime = Duration.ofMillis(in.time());
    Credentials sharedWith = credentials(in.buffer.get());
    Duration staleWhileRevalidate = Duration.ofMillis(in.time());
    Duration staleIfError = Duration.ofMillis(in.time());
    int flags = in.flags();
    int count = boundedLength(in.length(), MAX_FIELDS, "header count");
    List<Headers.Field> fields = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      fields.add(new Headers.Field(in.string(), in.string()));
    }
    int bodyLength = boundedLength(in.length(), in.buffer.remaining(), "body length");
    byte[] body = new byte[bodyLength];
    in.buffer.get(body);
    return new StoredResponse(
        status,
        Headers.of(fields),
        body,
        sharedWith,
        new Freshness(
            responseTime,
            initialAge,
            lifetime,
            staleWhileRevalidate,
            staleIfError,
            (flags & MUST_REVALIDATE) != 0,
            (flags & NO_CACHE) != 0,
            (flags & IMMUTABLE) != 0));
  }

  /** Reads the numbers of either version: variable-length in version 3, fixed in version 2. */
  private static final class Reader {
    final ByteBuffer buffer;
    private final boolean compact;

    Reader(ByteBuffer buffer, boolean compact) {
      this.buffer = buffer;
      this.compact = compact;
    }

    int status() throws IOException {
      return compact ? boundedLength(length(), 0xFFFF, "status") : buffer.getShort() & 0xFFFF;
    }

    long time() throws IOException {
      if (!compact) {
        return buffer.getLong();
      }
      long zigZag = unsigned();
      return (zigZag >>> 1) ^ -(zigZag & 1);
    }

    int flags() throws IOException {
      if (compact) {
        int flags = buffer.get();
        if ((flags & ~(MUST_REVALIDATE | NO_CACHE | IMMUTABLE)) != 0) {
          throw new IOException("bad flags " + flags);
        }
        return flags;
      }
      return (buffer.get() != 0 ? MUST_REVALIDATE : 0)
          | (buffer.get() != 0 ? NO_CACHE : 0)
          | (buffer.get() != 0 ? IMMUTABLE : 0);
    }

    int length() throws IOException {
      if (!compact) {
        return buffer.getInt();
      }
      long length = unsigned();
      return length > Integer.MAX_VALUE ? -1 : (int) length;
    }

    String string() throws IOException {
      int length =
          boundedLength(length(), Math.min(MAX_STRING_BYTES, buffer.remaining()), "string");
      String value =
          new String(
              buffer.array(),
              buffer.arrayOffset() + buffer.position(),
              length,
              StandardCharsets.UTF_8);
      buffer.position(buffer.position() + length);
      return value;
    }

    private long unsigned() throws IOException {
      long value = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        byte b = buffer.get();
        value |= (long) (b & 0x7F) << shift;
        if (b >= 0) {
          return value;
        }
      }
      throw new IOException("variable-length number longer than 64 bits");
    }
  }

  private static Credentials credentials(byte level) throws IOException {
    return Credentials.ofLevel(level)
        .orElseThrow(() -> new IOException("bad sharing level " + level));
  }

  private static List<String> cookieNames(String joined) {
    return joined.isEmpty() ? List.of() : List.of(joined.split(","));
  }

  private static void writeString(ByteArrayOutputStream out, String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    writeUnsigned(out, utf8.length);
    out.writeBytes(utf8);
  }

  private static void writeSigned(ByteArrayOutputStream out, long value) {
    writeUnsigned(out, (value << 1) ^ (value >> 63));
  }

  private static void writeUnsigned(ByteArrayOutputStream out, long value) {
    while ((value & ~0x7FL) != 0) {
      out.write((int) (value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out.write((int) value);
  }

  private static int boundedLength(int length, int max, String what) throws IOException {
    if (length < 0 || length > max) {
      throw new IOException("bad " + what + ": " + length);
    }
    return length;
  }

  private static long saturatedMillis(Duration duration) {
    try {
      return duration.toMillis();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }
}
