package io.cratedigger.model;

import java.util.List;

/**
 * The JSON form of a {@link FeatureModel}: every number the transform needs, stored as doubles so
 * that a loaded model gives bit-for-bit the vectors of the fitted one.
 *
 * @param format the file format version, {@value FeatureModel#FORMAT}
 * @param transform the transform in words, for people reading the file; ignored when loading
 * @param features the audio features making up the input, in order
 * @param clipZ z-scores are clipped to ±clipZ
 * @param means each feature's sample mean
 * @param sds each feature's sample standard deviation (1 where it did not vary)
 * @param pcaCenter the mean of the standardised sample
 * @param components the kept principal axes, {@code components[c][feature]}
 * @param eigenvalues the variance along every principal axis, kept or not, largest first
 * @param centroids cluster centres in vector space, {@code centroids[cluster][component]}
 * @param clusters the clusters, in id order
 * @param report what the fit found
 */
record ModelFile(
    int format,
    String transform,
    List<String> features,
    double clipZ,
    double[] means,
    double[] sds,
    double[] pcaCenter,
    double[][] components,
    double[] eigenvalues,
    double[][] centroids,
    List<Cluster> clusters,
    FitReport report) {

  static final String TRANSFORM =
      "z[f] = clamp((x[f] - means[f]) / sds[f], -clipZ, clipZ), 0 where x[f] is missing;"
          + " vector[c] = sum over f of (z[f] - pcaCenter[f]) * components[c][f];"
          + " cluster = nearest centroid by Euclidean distance, lowest id on a tie";
}
