package io.cratedigger.model;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import smile.clustering.BBDTree;
import smile.clustering.CentroidClustering;
import smile.clustering.Clustering;
import smile.clustering.KMeans;
import smile.math.MathEx;

/**
 * Chooses the number of sound clusters and fits them: KMeans (smile, k-means++ seeding) for every k
 * in {@value #MIN_K}..{@value #MAX_K} on a seeded sample of at most {@value #KMEANS_SAMPLE} points,
 * best of {@value #RUNS} runs, scored by the mean silhouette on the first {@value
 * #SILHOUETTE_SAMPLE} of them; the best score wins, the smaller k on a tie.
 *
 * <p>Silhouette rather than the elbow of the distortion curve because it has a maximum to read off
 * (the elbow needs a judgement call) and because it rewards clusters that are apart from each
 * other, which is what a name like "calm, acoustic" promises. Sampling keeps a 200,000-track fit to
 * a couple of seconds: the centroids of 20,000 points are as good as those of 200,000, and the
 * silhouette is quadratic in the points it scores.
 */
final class ClusterFit {

  static final int MIN_K = 4;
  static final int MAX_K = 12;
  static final int KMEANS_SAMPLE = 20_000;
  static final int SILHOUETTE_SAMPLE = 2_000;
  static final int MAX_ITER = 100;

  /** KMeans stops when the mean squared distance improves by less than this. */
  static final double TOL = 1e-4;

  /**
   * KMeans runs per k, the lowest distortion kept: one k-means++ start now and then merges two real
   * groups and splits another, which would make that k's silhouette look worse than it is.
   */
  static final int RUNS = 4;

  /**
   * The clustering chosen.
   *
   * @param centroids in PCA space, largest cluster (of the KMeans sample) first
   * @param silhouetteByK the mean silhouette of each k tried
   * @param criterion how k was chosen, in words
   */
  record Choice(double[][] centroids, Map<Integer, Double> silhouetteByK, String criterion) {}

  private ClusterFit() {}

  /** Clusters {@code points} (PCA vectors); the same points and seed give the same result. */
  static Choice choose(double[][] points, long seed) {
    int[] order = shuffled(points.length, seed);
    int n = Math.min(points.length, KMEANS_SAMPLE);
    double[][] sample = new double[n][];
    for (int i = 0; i < n; i++) {
      sample[i] = points[order[i]];
    }
    int maxK = Math.min(MAX_K, distinct(sample, MAX_K));
    if (maxK < MIN_K) {
      throw new IllegalArgumentException(
          "the sample has only "
              + maxK
              + " distinct sounds; clustering needs at least "
              + MIN_K
              + ": fit on a larger or more varied catalog");
    }
    int m = Math.min(n, SILHOUETTE_SAMPLE);
    double[] dist = pairwise(sample, m);
    BBDTree tree = new BBDTree(sample);
    Map<Integer, Double> silhouettes = new LinkedHashMap<>();
    CentroidClustering<double[], double[]> best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int k = MIN_K; k <= maxK; k++) {
      CentroidClustering<double[], double[]> km = bestRun(tree, sample, k, seed);
      double score = silhouette(dist, km.group(), m, k);
      silhouettes.put(k, score);
      if (score > bestScore) {
        bestScore = score;
        best = km;
      }
    }
    String criterion =
        String.format(
            Locale.ROOT,
            "k with the best mean silhouette over k=%d..%d (KMeans on %d points, silhouette on"
                + " %d, seed %d)",
            MIN_K,
            maxK,
            n,
            m,
            seed);
    return new Choice(bySize(best), silhouettes, criterion);
  }

  /** The lowest-distortion of {@link #RUNS} KMeans runs; the tree only indexes the points. */
  private static CentroidClustering<double[], double[]> bestRun(
      BBDTree tree, double[][] sample, int k, long seed) {
    Clustering.Options options = new Clustering.Options(k, MAX_ITER, TOL, null);
    CentroidClustering<double[], double[]> best = null;
    for (int run = 0; run < RUNS; run++) {
      // smile's random is per thread; seeding each run makes it independent of the others.
      MathEx.setSeed(seed * 1_000 + k * RUNS + run);
      CentroidClustering<double[], double[]> fit = KMeans.fit(tree, sample, options);
      if (best == null || fit.distortion() < best.distortion()) {
        best = fit;
      }
    }
    return best;
  }

  /** Mean silhouette of the first {@code m} points under {@code labels}. */
  static double silhouette(double[] dist, int[] labels, int m, int k) {
    int[] size = new int[k];
    for (int i = 0; i < m; i++) {
      size[labels[i]]++;
    }
    double total = 0;
    double[] sum = new double[k];
    for (int i = 0; i < m; i++) {
      Arrays.fill(sum, 0);
      for (int j = 0; j < m; j++) {
        if (j != i) {
          sum[labels[j]] += dist[index(i, j)];
        }
      }
      int own = labels[i];
      if (size[own] <= 1) {
        continue; // a singleton's silhouette is 0 by definition
      }
      double a = sum[own] / (size[own] - 1);
      double b = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        if (c != own && size[c] > 0) {
          b = Math.min(b, sum[c] / size[c]);
        }
      }
      double s = Double.isInfinite(b) ? 0 : (b - a) / Math.max(a, b);
      total += Double.isNaN(s) ? 0 : s;
    }
    return total / m;
  }

  /** Distances between the first {@code m} points, as a packed lower triangle. */
  static double[] pairwise(double[][] points, int m) {
    double[] dist = new double[m * (m - 1) / 2];
    for (int i = 1; i < m; i++) {
      for (int j = 0; j < i; j++) {
        dist[index(i, j)] = Math.sqrt(squared(points[i], points[j]));
      }
    }
    return dist;
  }

  private static int index(int i, int j) {
    return i > j ? i * (i - 1) / 2 + j : j * (j - 1) / 2 + i;
  }

  static double squared(double[] x, double[] y) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      double d = x[i] - y[i];
      s += d * d;
    }
    return s;
  }

  /** The non-empty centroids, largest cluster first, ties broken by the centroid's values. */
  private static double[][] bySize(CentroidClustering<double[], double[]> km) {
    int k = km.k();
    Integer[] ids = new Integer[k];
    for (int c = 0; c < k; c++) {
      ids[c] = c;
    }
    Arrays.sort(
        ids,
        Comparator.comparingInt((Integer c) -> -km.size(c))
            .thenComparing(c -> km.center(c), Arrays::compare));
    return Arrays.stream(ids)
        .filter(c -> km.size(c) > 0)
        .map(c -> km.center(c).clone())
        .toArray(double[][]::new);
  }

  /** How many distinct points there are, counting no further than {@code limit}. */
  private static int distinct(double[][] points, int limit) {
    Set<List<Double>> seen = new HashSet<>();
    for (double[] p : points) {
      seen.add(Arrays.stream(p).boxed().toList());
      if (seen.size() >= limit) {
        break;
      }
    }
    return seen.size();
  }

  private static int[] shuffled(int n, long seed) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }
}
