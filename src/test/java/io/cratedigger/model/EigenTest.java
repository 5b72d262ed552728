package io.cratedigger.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EigenTest {

  /**
   * [[2, 1], [1, 2]] has eigenvalues 3 and 1 with eigenvectors (1, 1)/√2 and (1, -1)/√2; the sign
   * rule makes the largest entry positive, and on a tie the first.
   */
  @Test
  void twoByTwoWorkedOut() {
    Eigen e = Eigen.symmetric(new double[][] {{2, 1}, {1, 2}});
    double r = Math.sqrt(0.5);
    assertThat(e.values()).containsExactly(new double[] {3, 1}, within(1e-12));
    assertThat(e.vectors()[0]).containsExactly(new double[] {r, r}, within(1e-12));
    assertThat(e.vectors()[1]).containsExactly(new double[] {r, -r}, within(1e-12));
  }

  @Test
  void diagonalMatrixIsSortedDescending() {
    Eigen e = Eigen.symmetric(new double[][] {{1, 0, 0}, {0, 5, 0}, {0, 0, 3}});
    assertThat(e.values()).containsExactly(5, 3, 1);
    assertThat(e.vectors()[0]).containsExactly(0, 1, 0);
    assertThat(e.vectors()[2]).containsExactly(1, 0, 0);
  }

  /** A random 8×8 covariance: A·v = λ·v for every pair, and the vectors are orthonormal. */
  @Test
  void randomCovarianceDecomposes() {
    SplittableRandom rng = new SplittableRandom(3);
    int n = 8;
    double[][] x = new double[30][n];
    for (double[] row : x) {
      for (int j = 0; j < n; j++) {
        row[j] = rng.nextGaussian() + (j > 0 ? 0.5 * row[j - 1] : 0);
      }
    }
    double[][] a = new double[n][n];
    for (double[] row : x) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          a[i][j] += row[i] * row[j];
        }
      }
    }
    Eigen e = Eigen.symmetric(a);
    for (int k = 0; k < n; k++) {
      double[] v = e.vectors()[k];
      for (int i = 0; i < n; i++) {
        double av = 0;
        for (int j = 0; j < n; j++) {
          av += a[i][j] * v[j];
        }
        assertThat(av).isCloseTo(e.values()[k] * v[i], within(1e-9));
      }
      for (int l = 0; l < n; l++) {
        double dot = 0;
        for (int i = 0; i < n; i++) {
          dot += v[i] * e.vectors()[l][i];
        }
        assertThat(dot).isCloseTo(k == l ? 1 : 0, within(1e-12));
      }
      if (k > 0) {
        assertThat(e.values()[k]).isLessThanOrEqualTo(e.values()[k - 1]);
      }
    }
  }
}
