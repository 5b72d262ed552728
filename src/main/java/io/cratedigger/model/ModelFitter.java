package io.cratedigger.model;

import io.cratedigger.track.AudioFeature;
import io.cratedigger.track.Track;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fits a {@link FeatureModel}: scaler, then PCA, then clusters, then their names. */
final class ModelFitter {

  private ModelFitter() {}

  static FeatureModel fit(List<Track> sample, long seed) {
    Scaler all = new Scaler(List.of(AudioFeature.values()), zeros(), ones(), FeatureModel.CLIP_Z);
    int p = all.size();
    List<double[]> raw = new ArrayList<>();
    int[] support = new int[p];
    for (Track t : sample) {
      double[] row = new double[p];
      if (all.read(t, row) > 0) {
        raw.add(row);
        for (int j = 0; j < p; j++) {
          support[j] += Double.isNaN(row[j]) ? 0 : 1;
        }
      }
    }
    if (raw.size() < FeatureModel.MIN_TRACKS) {
      throw new IllegalArgumentException(
          "the feature model needs at least "
              + FeatureModel.MIN_TRACKS
              + " tracks with audio features, the sample has "
              + raw.size()
              + " (of "
              + sample.size()
              + " tracks): import a catalog with audio features first");
    }
    // A feature too few tracks have would be mostly imputed means: noise, not sound.
    List<AudioFeature> features = new ArrayList<>();
    List<Integer> columns = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      if (support[j] >= FeatureModel.MIN_TRACKS) {
        features.add(all.features().get(j));
        columns.add(j);
      }
    }
    List<double[]> rows = new ArrayList<>(raw.size());
    for (double[] r : raw) {
      double[] row = new double[columns.size()];
      for (int i = 0; i < row.length; i++) {
        row[i] = r[columns.get(i)];
      }
      boolean any = false;
      for (double v : row) {
        any |= !Double.isNaN(v);
      }
      if (any) {
        rows.add(row);
      }
    }
    if (features.isEmpty() || rows.size() < FeatureModel.MIN_TRACKS) {
      throw new IllegalArgumentException(
          "no audio feature is known for "
              + FeatureModel.MIN_TRACKS
              + " tracks of the sample; the feature model needs them");
    }

    Scaler scaler = Scaler.fit(features, rows, FeatureModel.CLIP_Z);
    double[][] z = new double[rows.size()][];
    for (int i = 0; i < z.length; i++) {
      z[i] = rows.get(i).clone();
      scaler.standardise(z[i]);
    }
    Pca pca = Pca.fit(z, FeatureModel.MIN_VARIANCE);

    // Cluster the vectors exactly as vector() gives them, float rounding included.
    double[][] points = new double[z.length][];
    double[] v = new double[pca.dimensions()];
    for (int i = 0; i < z.length; i++) {
      pca.project(z[i], v);
      points[i] = new double[v.length];
      for (int c = 0; c < v.length; c++) {
        points[i][c] = (float) v[c];
      }
    }
    ClusterFit.Choice choice = ClusterFit.choose(points, seed);
    double[][] centroids = choice.centroids();
    int k = centroids.length;

    int[] members = new int[k];
    for (double[] point : points) {
      members[nearest(centroids, point)]++;
    }
    List<double[]> centroidZ = new ArrayList<>();
    for (double[] c : centroids) {
      centroidZ.add(pca.reconstruct(c));
    }
    List<String> names = ClusterNamer.names(features, centroidZ);
    List<Cluster> clusters = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      Map<String, Double> profile = new LinkedHashMap<>();
      for (int j = 0; j < features.size(); j++) {
        profile.put(features.get(j).field(), round3(scaler.unscale(j, centroidZ.get(c)[j])));
      }
      clusters.add(new Cluster(c, names.get(c), (double) members[c] / points.length, profile));
    }
    FitReport report =
        new FitReport(
            rows.size(),
            features.size(),
            features.stream().map(AudioFeature::field).toList(),
            pca.dimensions(),
            pca.varianceKept(),
            k,
            choice.silhouetteByK(),
            choice.criterion());
    return FeatureModel.of(scaler, pca, centroids, clusters, report);
  }

  /** The nearest centroid, as {@link FeatureModel#cluster} finds it. */
  private static int nearest(double[][] centroids, double[] point) {
    int best = 0;
    double nearest = Double.POSITIVE_INFINITY;
    for (int c = 0; c < centroids.length; c++) {
      double d = ClusterFit.squared(point, centroids[c]);
      if (d < nearest) {
        nearest = d;
        best = c;
      }
    }
    return best;
  }

  private static double round3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private static double[] zeros() {
    return new double[AudioFeature.values().length];
  }

  private static double[] ones() {
    double[] ones = new double[AudioFeature.values().length];
    Arrays.fill(ones, 1);
    return ones;
  }
}
