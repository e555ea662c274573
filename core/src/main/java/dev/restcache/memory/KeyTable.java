package dev.restcache.memory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The slots of an {@link InMemoryCacheStore} by key: a chained hash table whose chains run through
 * the slots themselves, so a key costs one reference in a bucket and one in its slot.
 *
 * <p>Reads take no lock; every change is made under the store's lock. A reader sees a bucket or a
 * chain either before or after a change, never a slot half built (its key and payload are final,
 * and slots are published by volatile writes). A replacement takes the old slot's place in its
 * chain, so a reader finds one or the other. Only growing the table moves slots between chains; a
 * reader that may have missed a slot because of it looks again under the lock.
 */
final class KeyTable {
  private static final VarHandle BUCKET = MethodHandles.arrayElementVarHandle(Slot[].class);
  private static final int INITIAL_BUCKETS = 16;

  private final ReentrantLock lock;
  private volatile Slot[] buckets = new Slot[INITIAL_BUCKETS];
  // Odd while a resize moves slots between chains; written under the lock only.
  private volatile int resizes;
  // Under the lock.
  private int size;

  KeyTable(ReentrantLock lock) {
    this.lock = lock;
  }

  /** The slot under {@code key}, or null. */
  Slot find(String key) {
    int hash = key.hashCode();
    int before = resizes;
    if ((before & 1) == 0) {
      Slot found = search(buckets, key, hash);
      if (found != null || resizes == before) {
        return found;
      }
    }
    lock.lock();
    try {
      return search(buckets, key, hash);
    } finally {
      lock.unlock();
    }
  }

  private static Slot search(Slot[] table, String key, int hash) {
    byte[] utf8 = null;
    for (Slot slot = bucket(table, hash); slot != null; slot = slot.next) {
      if (slot.hash == hash) {
        if (utf8 == null) {
          utf8 = key.getBytes(StandardCharsets.UTF_8);
        }
        if (slot.hasKey(utf8)) {
          return slot;
        }
      }
    }
    return null;
  }

  /** Adds {@code slot} under the store's lock; {@return the slot it replaced, or null} */
  Slot put(Slot slot) {
    Slot[] table = buckets;
    int index = index(slot.hash, table.length);
    Slot previous = null;
    for (Slot current = table[index]; current != null; current = current.next) {
      if (current.hasKeyOf(slot)) {
        slot.next = current.next;
        link(table, index, previous, slot);
        return current;
      }
      previous = current;
    }
    slot.next = table[index];
    BUCKET.setVolatile(table, index, slot);
    size++;
    if (size > table.length) {
      grow(table);
    }
    return null;
  }

  /** Removes {@code slot} under the store's lock, if the table still holds it. */
  void remove(Slot slot) {
    Slot[] table = buckets;
    int index = index(slot.hash, table.length);
    Slot previous = null;
    for (Slot current = table[index]; current != null; current = current.next) {
      if (current == slot) {
        // The removed slot keeps its link, so a reader standing on it goes on along the chain.
        link(table, index, previous, slot.next);
        size--;
        return;
      }
      previous = current;
    }
  }

  /** Empties the table, under the store's lock. */
  void clear() {
    buckets = new Slot[INITIAL_BUCKETS];
    size = 0;
  }

  /** {@return the number of slots}, under the store's lock */
  int size() {
    return size;
  }

  private static void link(Slot[] table, int index, Slot previous, Slot next) {
    if (previous == null) {
      BUCKET.setVolatile(table, index, next);
    } else {
      previous.next = next;
    }
  }

  // Splits each chain in two, keeping the order of its slots: a reader on the old table may then
  // skip slots, which the odd count tells it, but never loops.
  private void grow(Slot[] old) {
    int odd = resizes + 1;
    resizes = odd;
    int length = old.length;
    Slot[] table = new Slot[length * 2];
    for (int index = 0; index < length; index++) {
      Slot lowHead = null;
      Slot lowTail = null;
      Slot highHead = null;
      Slot highTail = null;
      for (Slot slot = old[index]; slot != null; slot = slot.next) {
        if ((spread(slot.hash) & length) == 0) {
          if (lowTail == null) {
            lowHead = slot;
          } else {
            lowTail.next = slot;
          }
          lowTail = slot;
        } else {
          if (highTail == null) {
            highHead = slot;
          } else {
            highTail.next = slot;
          }
          highTail = slot;
        }
      }
      if (lowTail != null) {
        lowTail.next = null;
      }
      if (highTail != null) {
        highTail.next = null;
      }
      table[index] = lowHead;
      table[index + length] = highHead;
    }
    buckets = table;
    resizes = odd + 1;
  }

  private static Slot bucket(Slot[] table, int hash) {
    return (Slot) BUCKET.getVolatile(table, index(hash, table.length));
  }

  private static int index(int hash, int length) {
    return spread(hash) & (length - 1);
  }

  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }
}
