package io.cratedigger.bench;

import java.util.Arrays;
import java.util.Locale;

/** Latency percentiles in milliseconds (nearest rank), with the mean and the maximum. */
public record Stats(int queries, double p50, double p90, double p99, double mean, double max) {

  /** The statistics of {@code ms}, one value per query. */
  public static Stats of(double[] ms) {
    double[] s = ms.clone();
    Arrays.sort(s);
    return new Stats(
        s.length,
        at(s, 0.50),
        at(s, 0.90),
        at(s, 0.99),
        Arrays.stream(s).average().orElse(0),
        s.length == 0 ? 0 : s[s.length - 1]);
  }

  /** The nearest-rank percentile {@code q} (0..1) of sorted values. */
  static double at(double[] sorted, double q) {
    return sorted.length == 0
        ? 0
        : sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1))];
  }

  /** The median of {@code values} (not sorted in place). */
  static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    return at(s, 0.5);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, mean %.2f ms, max %.1f ms (%d queries)",
        p50,
        p90,
        p99,
        mean,
        max,
        queries);
  }
}
