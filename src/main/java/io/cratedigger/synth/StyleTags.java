package io.cratedigger.synth;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Picks the styles and genres a release is tagged with, as Discogs tags releases: the main style
 * plus up to two of its neighbours, and the genres those styles belong to.
 */
final class StyleTags {

  private final List<StyleProfile> styles = Styles.all();
  private final int[][] neighbours;

  StyleTags() {
    neighbours = new int[styles.size()][];
    for (int i = 0; i < neighbours.length; i++) {
      neighbours[i] = styles.get(i).neighbours().stream().mapToInt(Styles::indexOf).toArray();
    }
  }

  /** The neighbours of a style as indices, nearest first. Do not modify. */
  int[] neighbours(int style) {
    return neighbours[style];
  }

  /**
   * The main style and 0–2 of its neighbours, nearer neighbours more likely; a neighbour that did
   * not exist yet in {@code year} is left out (no dubstep tag on a 1997 record).
   */
  int[] pick(int main, int year, RandomGenerator rng) {
    int[] near = neighbours[main];
    double u = rng.nextDouble();
    int extra = Math.min(near.length, u < 0.5 ? 0 : u < 0.85 ? 1 : 2);
    int[] set = new int[1 + extra];
    set[0] = main;
    int n = 1;
    for (int tries = 0; n < set.length && tries < 8; tries++) {
      // Squaring a uniform favours the first neighbours, which the table lists as nearest.
      double v = rng.nextDouble();
      int candidate = near[(int) (v * v * near.length)];
      boolean skip = styles.get(candidate).era().from() > year;
      for (int i = 0; i < n; i++) {
        skip |= set[i] == candidate;
      }
      if (!skip) {
        set[n++] = candidate;
      }
    }
    return n == set.length ? set : Arrays.copyOf(set, n);
  }

  /** The main style's genre, then the first other genre among the rest, if any. */
  List<String> genres(int[] set) {
    String main = styles.get(set[0]).genre();
    for (int i = 1; i < set.length; i++) {
      String g = styles.get(set[i]).genre();
      if (!g.equals(main)) {
        return List.of(main, g);
      }
    }
    return List.of(main);
  }
}
