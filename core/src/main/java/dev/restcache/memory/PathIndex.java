package dev.restcache.memory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The slots of an {@link InMemoryCacheStore} by path, so that a path invalidation visits the slots
 * of its hash bucket rather than every slot: buckets of doubly linked chains that run through the
 * slots, so a slot joins and leaves in constant time however many keys its path has. Used under the
 * store's lock only.
 */
final class PathIndex {
  private static final int INITIAL_BUCKETS = 16;

  private Slot[] buckets = new Slot[INITIAL_BUCKETS];
  private int size;

  /** Adds {@code slot} under its path. */
  void add(Slot slot) {
    if (size >= buckets.length) {
      grow();
    }
    insert(buckets, slot);
    size++;
  }

  /** Removes {@code slot}, which {@link #add} added. */
  void remove(Slot slot) {
    if (slot.pathPrevious == null) {
      buckets[index(slot.pathHash(), buckets.length)] = slot.pathNext;
    } else {
      slot.pathPrevious.pathNext = slot.pathNext;
    }
    if (slot.pathNext != null) {
      slot.pathNext.pathPrevious = slot.pathPrevious;
    }
    slot.pathPrevious = null;
    slot.pathNext = null;
    size--;
  }

  /** {@return the slots whose path is {@code path}} */
  List<Slot> slotsOf(String path) {
    byte[] utf8 = path.getBytes(StandardCharsets.UTF_8);
    List<Slot> found = new ArrayList<>();
    for (Slot slot = buckets[index(Slot.hashOf(utf8), buckets.length)];
        slot != null;
        slot = slot.pathNext) {
      if (slot.hasPath(utf8)) {
        found.add(slot);
      }
    }
    return found;
  }

  /** Forgets every slot. */
  void clear() {
    buckets = new Slot[INITIAL_BUCKETS];
    size = 0;
  }

  private void grow() {
    Slot[] table = new Slot[buckets.length * 2];
    for (Slot head : buckets) {
      Slot slot = head;
      while (slot != null) {
        Slot next = slot.pathNext;
        insert(table, slot);
        slot = next;
      }
    }
    buckets = table;
  }

  private static void insert(Slot[] table, Slot slot) {
    int index = index(slot.pathHash(), table.length);
    Slot head = table[index];
    slot.pathPrevious = null;
    slot.pathNext = head;
    if (head != null) {
      head.pathPrevious = slot;
    }
    table[index] = slot;
  }

  private static int index(int hash, int length) {
    return (hash ^ (hash >>> 16)) & (length - 1);
  }
}
