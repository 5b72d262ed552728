package io.cratedigger.model;

import io.cratedigger.track.AudioFeature;
import io.cratedigger.track.Track;
import java.util.List;

/**
 * Z-scores of the sound features: {@code (x - mean) / sd} with the fit sample's mean and standard
 * deviation, clipped to {@code ±clip}; a missing feature is imputed with the mean, i.e. z = 0.
 *
 * <p>Standardising gives every feature the same weight in the Euclidean distance: without it
 * loudness (dB, sd ≈ 4) would outweigh all the 0..1 features together. Clipping keeps the odd
 * extreme (a -45 dB field recording) from dominating the PCA and from sitting alone far from
 * everything in the KNN index. Immutable; the arrays are never changed after construction.
 */
final class Scaler {

  /** A standard deviation below this counts as no variance; the feature then gets sd 1. */
  static final double MIN_SD = 1e-9;

  private final List<AudioFeature> features;
  private final double[] means;
  private final double[] sds;
  private final double clip;

  Scaler(List<AudioFeature> features, double[] means, double[] sds, double clip) {
    if (means.length != features.size() || sds.length != features.size()) {
      throw new IllegalArgumentException(
          features.size()
              + " features need as many means and sds, got "
              + means.length
              + " and "
              + sds.length);
    }
    for (int i = 0; i < sds.length; i++) {
      if (!(sds[i] > 0) || !Double.isFinite(means[i])) {
        throw new IllegalArgumentException(
            features.get(i).field() + ": needs a finite mean and a positive sd");
      }
    }
    if (!(clip > 0)) {
      throw new IllegalArgumentException("clip must be positive, got " + clip);
    }
    this.features = List.copyOf(features);
    this.means = means.clone();
    this.sds = sds.clone();
    this.clip = clip;
  }

  /**
   * Fits means and sds on {@code rows} (raw values in {@code features} order, {@link Double#NaN}
   * where missing), each feature on the tracks that have it.
   */
  static Scaler fit(List<AudioFeature> features, List<double[]> rows, double clip) {
    int p = features.size();
    double[] sum = new double[p];
    long[] count = new long[p];
    for (double[] row : rows) {
      for (int j = 0; j < p; j++) {
        if (!Double.isNaN(row[j])) {
          sum[j] += row[j];
          count[j]++;
        }
      }
    }
    double[] means = new double[p];
    for (int j = 0; j < p; j++) {
      means[j] = sum[j] / count[j];
    }
    // Second pass around the mean: no cancellation from sum-of-squares minus square-of-sum.
    double[] ss = new double[p];
    for (double[] row : rows) {
      for (int j = 0; j < p; j++) {
        if (!Double.isNaN(row[j])) {
          double d = row[j] - means[j];
          ss[j] += d * d;
        }
      }
    }
    double[] sds = new double[p];
    for (int j = 0; j < p; j++) {
      double sd = count[j] > 1 ? Math.sqrt(ss[j] / (count[j] - 1)) : 0;
      sds[j] = sd < MIN_SD ? 1 : sd;
    }
    return new Scaler(features, means, sds, clip);
  }

  /**
   * Reads {@code t}'s raw values into {@code out} ({@code NaN} where missing) and returns how many
   * are present.
   */
  int read(Track t, double[] out) {
    return read(f -> f.of(t), out);
  }

  /** {@link #read(Track, double[])} from each feature's value (null when missing). */
  int read(java.util.function.Function<AudioFeature, Double> values, double[] out) {
    int present = 0;
    for (int j = 0; j < out.length; j++) {
      Double v = values.apply(features.get(j));
      out[j] = v == null ? Double.NaN : v;
      present += v == null ? 0 : 1;
    }
    return present;
  }

  /** Turns raw values ({@code NaN} = missing) into clipped z-scores in place. */
  void standardise(double[] values) {
    for (int j = 0; j < values.length; j++) {
      values[j] = Double.isNaN(values[j]) ? 0 : z(j, values[j]);
    }
  }

  double z(int j, double x) {
    double z = (x - means[j]) / sds[j];
    return Math.max(-clip, Math.min(clip, z));
  }

  /** A z-score back in feature units, kept inside the feature's valid range. */
  double unscale(int j, double z) {
    AudioFeature f = features.get(j);
    return Math.max(f.min(), Math.min(f.max(), means[j] + z * sds[j]));
  }

  List<AudioFeature> features() {
    return features;
  }

  int size() {
    return features.size();
  }

  double[] means() {
    return means.clone();
  }

  double[] sds() {
    return sds.clone();
  }

  double clip() {
    return clip;
  }
}
