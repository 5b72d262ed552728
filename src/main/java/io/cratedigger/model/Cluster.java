package io.cratedigger.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One sound cluster of the feature model.
 *
 * @param id the cluster id, {@code 0..k-1}; 0 is the largest cluster of the fit sample
 * @param name plain words from the centroid, most distinctive first, e.g. {@code calm, acoustic,
 *     instrumental}; unique within a model
 * @param share the fraction of the fit sample's tracks (those with audio features) in this cluster
 * @param profile the centroid mapped back to feature units, in feature order, e.g. {@code energy
 *     0.82}, {@code loudness -6.1}
 */
public record Cluster(int id, String name, double share, Map<String, Double> profile) {

  public Cluster {
    if (id < 0) {
      throw new IllegalArgumentException("cluster id must be >= 0, got " + id);
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("cluster " + id + " needs a name");
    }
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("cluster " + id + ": share must be 0..1, got " + share);
    }
    // Map.copyOf would lose the feature order that makes the profile readable.
    profile = Collections.unmodifiableMap(new LinkedHashMap<>(profile));
  }
}
