package io.cratedigger.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What fitting the feature model found, for logs, the CLI and the model file.
 *
 * @param sampleSize tracks of the sample that had audio features, i.e. the rows the fit used
 * @param featuresUsed how many audio features make up the input of the vector
 * @param features their names, in vector-input order
 * @param components PCA components kept: the length of {@link FeatureModel#vector}
 * @param varianceKept cumulative share of the standardised variance those components keep
 * @param k the number of clusters chosen
 * @param silhouetteByK the mean silhouette of every k tried, in k order
 * @param criterion how {@code k} was chosen, in words
 */
public record FitReport(
    int sampleSize,
    int featuresUsed,
    List<String> features,
    int components,
    double varianceKept,
    int k,
    Map<Integer, Double> silhouetteByK,
    String criterion) {

  public FitReport {
    features = List.copyOf(features);
    if (featuresUsed != features.size()) {
      throw new IllegalArgumentException(
          "featuresUsed is " + featuresUsed + " but " + features.size() + " features are named");
    }
    if (components < 1 || components > featuresUsed) {
      throw new IllegalArgumentException(
          "components must be 1.." + featuresUsed + ", got " + components);
    }
    silhouetteByK = Collections.unmodifiableMap(new TreeMap<>(silhouetteByK));
  }
}
