package io.cratedigger.ingest;

import java.util.Arrays;

/**
 * An open-addressing set of 64-bit hashes: 8 to 16 bytes per entry, against about 100 for a {@code
 * HashSet<String>}. Duplicate detection keeps one entry per track, so this is what lets ten million
 * rows be read in a few hundred megabytes at most.
 */
public final class LongHashSet {
  private static final long EMPTY = 0L;
  private long[] slots = new long[1 << 10];
  private int size;
  private boolean hasZero;

  /** A well-mixed 64-bit hash of text (FNV-1a, then a murmur finaliser). */
  static long hash(CharSequence s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  /** Adds {@code v}; {@code false} when it was already there. */
  boolean add(long v) {
    if (v == EMPTY) {
      boolean added = !hasZero;
      hasZero = true;
      size += added ? 1 : 0;
      return added;
    }
    if ((size + 1) * 3L > slots.length * 2L) {
      grow();
    }
    int mask = slots.length - 1;
    int i = (int) (v ^ (v >>> 32)) & mask;
    while (slots[i] != EMPTY) {
      if (slots[i] == v) {
        return false;
      }
      i = (i + 1) & mask;
    }
    slots[i] = v;
    size++;
    return true;
  }

  boolean contains(long v) {
    if (v == EMPTY) {
      return hasZero;
    }
    int mask = slots.length - 1;
    int i = (int) (v ^ (v >>> 32)) & mask;
    while (slots[i] != EMPTY) {
      if (slots[i] == v) {
        return true;
      }
      i = (i + 1) & mask;
    }
    return false;
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    int mask = slots.length - 1;
    for (long v : old) {
      if (v != EMPTY) {
        int i = (int) (v ^ (v >>> 32)) & mask;
        while (slots[i] != EMPTY) {
          i = (i + 1) & mask;
        }
        slots[i] = v;
      }
    }
    Arrays.fill(old, EMPTY);
  }
}
