package io.cratedigger.model;

import java.util.Arrays;

/**
 * Principal components of the standardised features, and the projection onto the first few.
 *
 * <p>The projection is a rotation followed by dropping the low-variance axes; it does not whiten
 * (divide by the component's sd). So Euclidean distance between two projected tracks is their
 * distance in standardised feature space minus only the part along the dropped axes, which is what
 * a KNN search with Euclidean similarity needs: near in the vector means sounds alike. Whitening
 * would blow the dropped-to-noise axes up to the weight of the main ones.
 *
 * <p>We fit it ourselves instead of with smile's {@code PCA}: smile 6 computes it through LAPACK in
 * a native libopenblas the machines don't have, and for an 8×8 covariance matrix a Jacobi
 * eigen-decomposition in plain Java is exact, deterministic and instantaneous.
 */
final class Pca {

  private final double[] center;
  private final double[][] components; // [component][feature], unit length, orthogonal
  private final double[] eigenvalues; // all of them, descending: variance along each axis

  Pca(double[] center, double[][] components, double[] eigenvalues) {
    if (components.length == 0 || components.length > center.length) {
      throw new IllegalArgumentException(
          "need 1.." + center.length + " components, got " + components.length);
    }
    if (eigenvalues.length != center.length) {
      throw new IllegalArgumentException(
          center.length + " features need as many eigenvalues, got " + eigenvalues.length);
    }
    this.center = center.clone();
    this.components = new double[components.length][];
    for (int c = 0; c < components.length; c++) {
      if (components[c].length != center.length) {
        throw new IllegalArgumentException(
            "component "
                + c
                + " has "
                + components[c].length
                + " loadings, expected "
                + center.length);
      }
      this.components[c] = components[c].clone();
    }
    this.eigenvalues = eigenvalues.clone();
  }

  /**
   * Fits on standardised rows and keeps the fewest components whose cumulative variance reaches
   * {@code minVariance}.
   */
  static Pca fit(double[][] rows, double minVariance) {
    int p = rows[0].length;
    int n = rows.length;
    double[] center = new double[p];
    for (double[] r : rows) {
      for (int j = 0; j < p; j++) {
        center[j] += r[j];
      }
    }
    for (int j = 0; j < p; j++) {
      center[j] /= n;
    }
    double[][] cov = new double[p][p];
    double[] d = new double[p];
    for (double[] r : rows) {
      for (int j = 0; j < p; j++) {
        d[j] = r[j] - center[j];
      }
      for (int a = 0; a < p; a++) {
        for (int b = a; b < p; b++) {
          cov[a][b] += d[a] * d[b];
        }
      }
    }
    for (int a = 0; a < p; a++) {
      for (int b = a; b < p; b++) {
        cov[a][b] /= Math.max(1, n - 1);
        cov[b][a] = cov[a][b];
      }
    }
    Eigen eigen = Eigen.symmetric(cov);
    double total = Arrays.stream(eigen.values()).map(v -> Math.max(0, v)).sum();
    if (!(total > 0)) {
      throw new IllegalArgumentException(
          "the audio features of the sample do not vary at all; nothing to model");
    }
    int kept = 0;
    double cumulative = 0;
    while (kept < p && cumulative < minVariance) {
      cumulative += Math.max(0, eigen.values()[kept]) / total;
      kept++;
    }
    return new Pca(center, Arrays.copyOf(eigen.vectors(), kept), eigen.values());
  }

  /** Projects standardised {@code z} onto the kept components, into {@code out}. */
  void project(double[] z, double[] out) {
    for (int c = 0; c < components.length; c++) {
      double[] w = components[c];
      double s = 0;
      for (int j = 0; j < w.length; j++) {
        s += (z[j] - center[j]) * w[j];
      }
      out[c] = s;
    }
  }

  /** Maps a point of PCA space back to standardised feature space. */
  double[] reconstruct(double[] point) {
    double[] z = center.clone();
    for (int c = 0; c < components.length; c++) {
      for (int j = 0; j < z.length; j++) {
        z[j] += point[c] * components[c][j];
      }
    }
    return z;
  }

  /** Cumulative share of the total variance the kept components explain. */
  double varianceKept() {
    double total = 0;
    double kept = 0;
    for (int c = 0; c < eigenvalues.length; c++) {
      double v = Math.max(0, eigenvalues[c]);
      total += v;
      kept += c < components.length ? v : 0;
    }
    return kept / total;
  }

  int dimensions() {
    return components.length;
  }

  double[] center() {
    return center.clone();
  }

  double[][] components() {
    double[][] copy = new double[components.length][];
    for (int c = 0; c < copy.length; c++) {
      copy[c] = components[c].clone();
    }
    return copy;
  }

  double[] eigenvalues() {
    return eigenvalues.clone();
  }
}
