package dev.restcache.internal;

import dev.restcache.internal.StoredValueCodec.CorruptEntryException;
import java.util.Arrays;

/**
 * The values last decoded, so that a hit on a hot key replays a header block and body built once
 * rather than decoding them anew: a small direct-mapped table, a slot a key, reused only for the
 * very payload it was decoded from. A store hands out a copy of the payload on every read, so the
 * payload itself is compared, which costs a fraction of decoding it; an entry replaced or evicted
 * in the store comes back with other bytes, or not at all, and the slot is never asked.
 */
final class DecodedValues {
  private static final int SLOTS = 256;
  // Small payloads only: comparing is what a reuse costs, and the slots hold at most this much
  // twice over (payload and decoded value) each.
  static final int MAX_PAYLOAD = 8 * 1024;

  // Racy on purpose: a slot is an immutable record, so a reader sees a whole one or none, and a
  // lost write costs one more decode.
  private final Decoded[] slots = new Decoded[SLOTS];

  // Compared by content in decode; the record's own equality is never used.
  @SuppressWarnings("ArrayRecordComponent")
  private record Decoded(String key, byte[] payload, StoredValue value) {}

  /** The value {@code payload}, read under {@code key}, encodes. */
  StoredValue decode(String key, byte[] payload) throws CorruptEntryException {
    if (payload.length > MAX_PAYLOAD) {
      return StoredValueCodec.decode(payload);
    }
    int slot = slot(key);
    Decoded last = slots[slot];
    if (last != null && last.key.equals(key) && Arrays.equals(last.payload, payload)) {
      return last.value;
    }
    StoredValue value = StoredValueCodec.decode(payload);
    slots[slot] = new Decoded(key, payload, value);
    return value;
  }

  private static int slot(String key) {
    int h = key.hashCode();
    return (h ^ (h >>> 16)) & (SLOTS - 1);
  }
}
