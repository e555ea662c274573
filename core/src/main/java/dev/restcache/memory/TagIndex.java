package dev.restcache.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The slots of an {@link InMemoryCacheStore} by tag, so that a tag invalidation visits the slots of
 * that tag rather than every slot. Used under the store's lock only.
 *
 * <p>Entries share one {@link TagSet} per distinct set of tags, so an entry's tags cost one
 * reference. Each tag lists its slots in an array; a removed slot is left in place and skipped, and
 * the array is compacted once it holds more removed slots than live ones, so a removal costs no
 * search and the arrays stay within about twice their live size.
 */
final class TagIndex {
  // Removed slots allowed beyond the live ones before an array is compacted.
  private static final int SLACK = 2;

  private final Map<Set<String>, TagSet> sets = new HashMap<>();
  private final Map<String, Members> members = new HashMap<>();

  /** A set of tags and how many slots of the store share it. */
  static final class TagSet {
    private final Set<String> tags;
    private int slots;

    private TagSet(Set<String> tags) {
      this.tags = tags;
    }

    /** {@return the tags} */
    Set<String> tags() {
      return tags;
    }
  }

  private static final class Members {
    private Slot[] slots = new Slot[2];
    private int size;
    private int live;

    void append(Slot slot) {
      if (size == slots.length) {
        slots = Arrays.copyOf(slots, size * 2);
      }
      slots[size++] = slot;
      live++;
    }

    void compact() {
      int kept = 0;
      for (int i = 0; i < size; i++) {
        if (!slots[i].isRemoved()) {
          slots[kept++] = slots[i];
        }
      }
      Arrays.fill(slots, kept, size, null);
      size = kept;
      if (slots.length > 2 * Math.max(2, size)) {
        slots = Arrays.copyOf(slots, Math.max(2, size));
      }
    }
  }

  /**
   * The shared set equal to {@code tags} (as {@link dev.restcache.spi.CacheEntry} holds them,
   * immutable), for a slot about to be added; null when {@code tags} is empty.
   */
  TagSet share(Set<String> tags) {
    return tags.isEmpty() ? null : sets.computeIfAbsent(tags, TagSet::new);
  }

  /** Adds {@code slot} under each of its tags. */
  void add(Slot slot) {
    if (slot.tags == null) {
      return;
    }
    // A replacement may have released the set it shares between share() and add().
    if (slot.tags.slots++ == 0) {
      sets.putIfAbsent(slot.tags.tags, slot.tags);
    }
    for (String tag : slot.tags.tags) {
      members.computeIfAbsent(tag, t -> new Members()).append(slot);
    }
  }

  /** Forgets {@code slot}, already {@linkplain Slot#markRemoved() marked removed}. */
  void remove(Slot slot) {
    if (slot.tags == null) {
      return;
    }
    if (--slot.tags.slots == 0) {
      sets.remove(slot.tags.tags);
    }
    for (String tag : slot.tags.tags) {
      Members of = members.get(tag);
      if (--of.live == 0) {
        members.remove(tag);
      } else if (of.size - of.live > of.live + SLACK) {
        of.compact();
      }
    }
  }

  /** {@return the slots that have {@code tag}} */
  List<Slot> slotsOf(String tag) {
    Members of = members.get(tag);
    List<Slot> found = new ArrayList<>();
    if (of != null) {
      for (int i = 0; i < of.size; i++) {
        if (!of.slots[i].isRemoved()) {
          found.add(of.slots[i]);
        }
      }
    }
    return found;
  }

  /** Forgets every slot. */
  void clear() {
    sets.clear();
    members.clear();
  }
}
