package io.cratedigger.model;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations.
 *
 * @param values eigenvalues, largest first
 * @param vectors unit eigenvectors, {@code vectors[i]} belongs to {@code values[i]}; each is signed
 *     so that its largest-magnitude entry is positive, which makes the result independent of the
 *     rotation order and the components readable (component 1 points "up" its main feature)
 */
record Eigen(double[] values, double[][] vectors) {

  private static final int MAX_SWEEPS = 100;

  /** Decomposes {@code m}, which must be square and symmetric; {@code m} is not changed. */
  static Eigen symmetric(double[][] m) {
    int n = m.length;
    double[][] a = new double[n][];
    double[][] v = new double[n][n];
    double norm = 0;
    for (int i = 0; i < n; i++) {
      if (m[i].length != n) {
        throw new IllegalArgumentException("matrix must be square, row " + i + " is not");
      }
      a[i] = m[i].clone();
      v[i][i] = 1;
      for (int j = 0; j < n; j++) {
        norm += m[i][j] * m[i][j];
      }
    }
    for (int sweep = 0; sweep < MAX_SWEEPS && offDiagonal(a) > 1e-30 * norm; sweep++) {
      for (int p = 0; p < n - 1; p++) {
        for (int q = p + 1; q < n; q++) {
          if (a[p][q] != 0) {
            rotate(a, v, p, q);
          }
        }
      }
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -a[i][i]).thenComparing(i -> i));
    double[] values = new double[n];
    double[][] vectors = new double[n][n];
    for (int r = 0; r < n; r++) {
      int col = order[r];
      values[r] = a[col][col];
      int big = 0;
      for (int i = 0; i < n; i++) {
        vectors[r][i] = v[i][col];
        big = Math.abs(v[i][col]) > Math.abs(v[big][col]) ? i : big;
      }
      if (vectors[r][big] < 0) {
        for (int i = 0; i < n; i++) {
          vectors[r][i] = -vectors[r][i];
        }
      }
    }
    return new Eigen(values, vectors);
  }

  private static double offDiagonal(double[][] a) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a.length; j++) {
        s += i == j ? 0 : a[i][j] * a[i][j];
      }
    }
    return s;
  }

  /** Applies the rotation that zeroes {@code a[p][q]}: A ← JᵀAJ, V ← VJ. */
  private static void rotate(double[][] a, double[][] v, int p, int q) {
    int n = a.length;
    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
    double t =
        theta == 0 ? 1 : Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
    double c = 1 / Math.sqrt(t * t + 1);
    double s = t * c;
    for (int k = 0; k < n; k++) {
      double kp = a[k][p];
      double kq = a[k][q];
      a[k][p] = c * kp - s * kq;
      a[k][q] = s * kp + c * kq;
    }
    for (int k = 0; k < n; k++) {
      double pk = a[p][k];
      double qk = a[q][k];
      a[p][k] = c * pk - s * qk;
      a[q][k] = s * pk + c * qk;
    }
    for (int k = 0; k < n; k++) {
      double kp = v[k][p];
      double kq = v[k][q];
      v[k][p] = c * kp - s * kq;
      v[k][q] = s * kp + c * kq;
    }
  }
}
