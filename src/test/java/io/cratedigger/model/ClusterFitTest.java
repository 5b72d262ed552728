package io.cratedigger.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClusterFitTest {

  /**
   * Points 0, 1, 10, 11 on a line in clusters {0, 1} and {10, 11}. Point 0: a = 1, b = (10 + 11) /
   * 2 = 10.5, s = 9.5 / 10.5; point 1: a = 1, b = (9 + 10) / 2 = 9.5, s = 8.5 / 9.5; the other two
   * mirror them. Mean = (9.5 / 10.5 + 8.5 / 9.5) / 2 = 0.899749...
   */
  @Test
  void silhouetteWorkedOut() {
    double[][] points = {{0}, {1}, {10}, {11}};
    double s = ClusterFit.silhouette(ClusterFit.pairwise(points, 4), new int[] {0, 0, 1, 1}, 4, 2);
    assertThat(s).isCloseTo((9.5 / 10.5 + 8.5 / 9.5) / 2, within(1e-12));
  }

  @Test
  void singletonClusterCountsZero() {
    // Point 0 alone: s = 0. Points 10, 11: a = 1, b = 10 resp. 11 → 0.9 and 10/11.
    double[][] points = {{0}, {10}, {11}};
    double s = ClusterFit.silhouette(ClusterFit.pairwise(points, 3), new int[] {0, 1, 1}, 3, 2);
    assertThat(s).isCloseTo((0 + 0.9 + 10.0 / 11) / 3, within(1e-12));
  }

  @Test
  void tooFewDistinctPointsIsRefused() {
    double[][] points = new double[100][];
    for (int i = 0; i < points.length; i++) {
      points[i] = new double[] {i % 3, 0};
    }
    assertThatThrownBy(() -> ClusterFit.choose(points, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the sample has only 3 distinct sounds; clustering needs at least 4: fit on a larger"
                + " or more varied catalog");
  }
}
