package dev.restcache.internal;

import dev.restcache.internal.http.Freshness;
import dev.restcache.internal.http.VarySpec;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 */
public final class StoredValueCodec {
  // 2: the sharing level is a byte (Credentials), and a variant index names cookies too.
  private static final byte VERSION = 2;
  private static final byte KIND_RESPONSE = 1;
  private static final byte KIND_VARIANT_INDEX = 2;
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
    ByteArrayOutputStream bytes =
        new ByteArrayOutputStream(value instanceof StoredResponse r ? r.body().length + 512 : 64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      if (value instanceof StoredResponse response) {
        out.writeByte(KIND_RESPONSE);
        writeResponse(out, response);
      } else if (value instanceof VariantIndex index) {
        out.writeByte(KIND_VARIANT_INDEX);
        writeString(out, index.vary().toHeaderValue());
        writeString(out, String.join(",", index.cookies()));
      }
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    return bytes.toByteArray();
  }

  /** Decodes a payload written by {@link #encode}. */
  public static StoredValue decode(byte[] payload) throws CorruptEntryException {
    // A ByteBuffer rather than a DataInputStream: this runs on every hit, and the stream's
    // synchronized reads cost more than the decoding itself.
    ByteBuffer in = ByteBuffer.wrap(payload);
    try {
      byte version = in.get();
      if (version != VERSION) {
        throw new IOException("unknown version " + version);
      }
      byte kind = in.get();
      StoredValue value =
          switch (kind) {
            case KIND_RESPONSE -> readResponse(in);
            case KIND_VARIANT_INDEX ->
                new VariantIndex(
                    VarySpec.parse(List.of(readString(in))), cookieNames(readString(in)));
            default -> throw new IOException("unknown kind " + kind);
          };
      if (in.hasRemaining()) {
        throw new IOException(in.remaining() + " trailing bytes");
      }
      return value;
    } catch (IOException | RuntimeException e) {
      throw new CorruptEntryException("not a restcache entry: " + e.getMessage(), e);
    }
  }

  private static void writeResponse(DataOutputStream out, StoredResponse response)
      throws IOException {
    Freshness freshness = response.freshness();
    out.writeShort(response.status());
    out.writeLong(freshness.responseTime().toEpochMilli());
    out.writeLong(freshness.correctedInitialAge().toMillis());
    out.writeLong(saturatedMillis(freshness.lifetime()));
    out.writeByte(response.sharedWith().level());
    out.writeLong(saturatedMillis(freshness.staleWhileRevalidate()));
    out.writeLong(saturatedMillis(freshness.staleIfError()));
    out.writeBoolean(freshness.mustRevalidate());
    out.writeBoolean(freshness.noCache());
    out.writeBoolean(freshness.immutable());
    List<Headers.Field> fields = response.headers().fields();
    out.writeInt(fields.size());
    for (Headers.Field field : fields) {
      writeString(out, field.name());
      writeString(out, field.value());
    }
    out.writeInt(response.body().length);
    out.write(response.body());
  }

  private static StoredResponse readResponse(ByteBuffer in) throws IOException {
    int status = in.getShort() & 0xFFFF;
    Instant responseTime = Instant.ofEpochMilli(in.getLong());
    Duration initialAge = Duration.ofMillis(in.getLong());
    Duration lifetime = Duration.ofMillis(in.getLong());
    Credentials sharedWith = credentials(in.get());
    Duration staleWhileRevalidate = Duration.ofMillis(in.getLong());
    Duration staleIfError = Duration.ofMillis(in.getLong());
    boolean mustRevalidate = in.get() != 0;
    boolean noCache = in.get() != 0;
    boolean immutable = in.get() != 0;
    int count = boundedLength(in.getInt(), MAX_FIELDS, "header count");
    List<Headers.Field> fields = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      fields.add(new Headers.Field(readString(in), readString(in)));
    }
    int bodyLength = boundedLength(in.getInt(), in.remaining(), "body length");
    byte[] body = new byte[bodyLength];
    in.get(body);
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
            mustRevalidate,
            noCache,
            immutable));
  }

  private static Credentials credentials(byte level) throws IOException {
    return Credentials.ofLevel(level)
        .orElseThrow(() -> new IOException("bad sharing level " + level));
  }

  private static List<String> cookieNames(String joined) {
    return joined.isEmpty() ? List.of() : List.of(joined.split(","));
  }

  private static void writeString(DataOutputStream out, String value) throws IOException {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String readString(ByteBuffer in) throws IOException {
    int length = boundedLength(in.getInt(), Math.min(MAX_STRING_BYTES, in.remaining()), "string");
    String value =
        new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
    in.position(in.position() + length);
    return value;
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
