package io.cratedigger.synth;

import java.util.random.RandomGenerator;

/**
 * Draws an index 0..n-1 with fixed relative weights, by binary search over cumulative sums: O(log
 * n) per draw and no allocation, which matters at millions of draws.
 */
final class Weighted {

  private final double[] cumulative;

  private Weighted(double[] weights) {
    if (weights.length == 0) {
      throw new IllegalArgumentException("need at least one weight");
    }
    cumulative = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      if (!(weights[i] >= 0)) {
        throw new IllegalArgumentException("weight " + i + " must be >= 0, got " + weights[i]);
      }
      sum += weights[i];
      cumulative[i] = sum;
    }
    if (!(sum > 0)) {
      throw new IllegalArgumentException("weights must not all be 0");
    }
  }

  /** Draws with the given weights. */
  static Weighted of(double... weights) {
    return new Weighted(weights.clone());
  }

  /**
   * Zipf's law over ranks: index {@code r} has weight {@code 1 / (r + 1)^exponent}, so a few
   * entries take a large share and a long tail shares the rest, as artists and labels do.
   */
  static Weighted zipf(int n, double exponent) {
    double[] w = new double[n];
    for (int r = 0; r < n; r++) {
      w[r] = 1 / Math.pow(r + 1, exponent);
    }
    return new Weighted(w);
  }

  /** The number of indices. */
  int size() {
    return cumulative.length;
  }

  /** An index drawn with the weights. */
  int sample(RandomGenerator rng) {
    double u = rng.nextDouble() * cumulative[cumulative.length - 1];
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > u) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
