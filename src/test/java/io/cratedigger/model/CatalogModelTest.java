package io.cratedigger.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.cratedigger.synth.CatalogGenerator;
import io.cratedigger.track.AudioFeature;
import io.cratedigger.track.Track;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The model on a realistic catalog: 20,000 generated tracks. */
class CatalogModelTest {

  private static final int N = 20_000;
  private static List<Track> catalog;
  private static FeatureModel model;

  @BeforeAll
  static void fit() {
    CatalogGenerator gen = new CatalogGenerator(1);
    catalog = new ArrayList<>(N);
    for (int i = 0; i < N; i++) {
      catalog.add(gen.next());
    }
    model = FeatureModel.fit(catalog, 42);
  }

  @Test
  void keepsAtLeastNinetyPercentOfTheVarianceInAFewDimensions() {
    FitReport r = model.report();
    assertThat(model.varianceKept()).isGreaterThanOrEqualTo(0.90).isEqualTo(r.varianceKept());
    assertThat(model.dimensions()).isBetween(3, 8).isEqualTo(r.components());
    assertThat(r.features())
        .containsExactly(
            Arrays.stream(AudioFeature.values()).map(AudioFeature::field).toArray(String[]::new));
    assertThat(r.featuresUsed()).isEqualTo(8);
    assertThat(r.sampleSize())
        .isEqualTo((int) catalog.stream().filter(Track::hasAudioFeatures).count());
  }

  @Test
  void choosesKBySilhouette() {
    FitReport r = model.report();
    assertThat(r.k()).isBetween(4, 12).isEqualTo(model.clusters().size());
    assertThat(r.silhouetteByK().keySet()).containsExactly(4, 5, 6, 7, 8, 9, 10, 11, 12);
    double best = r.silhouetteByK().values().stream().mapToDouble(d -> d).max().orElseThrow();
    assertThat(r.silhouetteByK().get(r.k())).isEqualTo(best);
    assertThat(r.criterion()).startsWith("k with the best mean silhouette over k=4..12");
  }

  @Test
  void clustersAreNamedUniquelyAndShareTheSample() {
    List<Cluster> clusters = model.clusters();
    assertThat(clusters.stream().map(Cluster::name)).doesNotHaveDuplicates();
    double total = 0;
    for (int c = 0; c < clusters.size(); c++) {
      Cluster cl = clusters.get(c);
      assertThat(cl.id()).isEqualTo(c);
      assertThat(cl.name().split(", ")).hasSizeBetween(2, 4);
      assertThat(cl.profile()).containsOnlyKeys(model.report().features());
      assertThat(cl.profile().get("loudness")).isBetween(-60.0, 5.0);
      total += cl.share();
    }
    assertThat(total).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    // Largest first: id 0 is the biggest cluster.
    for (int c = 1; c < clusters.size(); c++) {
      assertThat(clusters.get(c).share()).isLessThanOrEqualTo(clusters.get(c - 1).share() + 0.01);
    }
  }

  @Test
  void sameSeedGivesTheSameModel() {
    FeatureModel again = FeatureModel.fit(catalog, 42);
    assertThat(again.report()).isEqualTo(model.report());
    assertThat(again.clusters()).isEqualTo(model.clusters());
    for (Track t : catalog.subList(0, 500)) {
      assertThat(again.vector(t)).isEqualTo(model.vector(t));
      assertThat(again.cluster(again.vector(t))).isEqualTo(model.cluster(model.vector(t)));
    }
  }

  /**
   * The vector drops only low-variance axes of the standardised features, so a track's nearest
   * neighbour by vector distance should be among its nearest by distance over all 8 standardised
   * features (computed here independently of the model). Measured with seed 1 and 5,000 tracks: 76
   * of 100 probes within the 5 nearest, 97 within the 100 nearest. Distance over the raw, unscaled
   * features (loudness in dB drowning the rest) gets only 44 and 82, so the bounds tell a model
   * that means "sounds alike" from one that doesn't.
   */
  @Test
  void vectorDistanceOrdersNeighboursLikeStandardisedFeatures() {
    List<Track> complete =
        catalog.stream()
            .filter(t -> t.hasAudioFeatures() && !model.imputed(t))
            .limit(5_000)
            .toList();
    int n = complete.size();
    AudioFeature[] f = AudioFeature.values();
    double[][] z = new double[n][f.length];
    for (int j = 0; j < f.length; j++) {
      double sum = 0;
      double sq = 0;
      for (Track t : complete) {
        sum += f[j].of(t);
      }
      double mean = sum / n;
      for (Track t : complete) {
        sq += (f[j].of(t) - mean) * (f[j].of(t) - mean);
      }
      double sd = Math.sqrt(sq / (n - 1));
      for (int i = 0; i < n; i++) {
        z[i][j] = (f[j].of(complete.get(i)) - mean) / sd;
      }
    }
    double[][] v = new double[n][];
    for (int i = 0; i < n; i++) {
      float[] x = model.vector(complete.get(i));
      v[i] = new double[x.length];
      for (int c = 0; c < x.length; c++) {
        v[i][c] = x[c];
      }
    }
    int top5 = 0;
    int top100 = 0;
    for (int p = 0; p < 100; p++) {
      int probe = p * 37;
      int nearest = -1;
      double best = Double.POSITIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        double d = ClusterFit.squared(v[probe], v[i]);
        if (i != probe && d < best) {
          best = d;
          nearest = i;
        }
      }
      double toNearest = ClusterFit.squared(z[probe], z[nearest]);
      int closer = 0; // tracks strictly nearer than it in standardised space
      for (int i = 0; i < n; i++) {
        closer += i != probe && ClusterFit.squared(z[probe], z[i]) < toNearest ? 1 : 0;
      }
      top5 += closer < 5 ? 1 : 0;
      top100 += closer < 100 ? 1 : 0;
    }
    assertThat(top5).isGreaterThanOrEqualTo(70);
    assertThat(top100).isGreaterThanOrEqualTo(95);
  }
}
