package io.cratedigger.rank;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How much each component counts in the final score (normalised over the components a candidate
 * has: a track without audio features is scored on the rest), and how the two retrievals are fused.
 * Read from {@code config/cratedigger.yaml} ({@code ranking:}).
 */
public record Weights(
    double sound,
    double scene,
    double tempo,
    double key,
    double energy,
    double cluster,
    double target,
    Fusion fusion,
    int lexicalPool,
    int knnPool) {

  /** How the lexical and the vector retrieval are combined before the rules apply. */
  public enum Fusion {
    /** Each candidate's sound and scene scores, computed exactly, weighted. */
    WEIGHTED,
    /** Reciprocal rank fusion of the two pools' orders (k = 60). */
    RRF
  }

  public Weights {
    for (double w : new double[] {sound, scene, tempo, key, energy, cluster, target}) {
      if (!(w >= 0 && w <= 10)) {
        throw new IllegalArgumentException("ranking weights must be 0..10, got " + w);
      }
    }
    if (lexicalPool < 1 || lexicalPool > 5000 || knnPool < 1 || knnPool > 5000) {
      throw new IllegalArgumentException("pool sizes must be 1..5000");
    }
  }

  /** sound 0.40, scene 0.25, tempo 0.10, key 0.10, energy 0.05, cluster 0.05, target 0.05. */
  public static Weights defaults() {
    return new Weights(0.40, 0.25, 0.10, 0.10, 0.05, 0.05, 0.05, Fusion.WEIGHTED, 100, 100);
  }

  /** Component tag → weight. */
  public Map<String, Double> byTag() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("sound", sound);
    m.put("scene", scene);
    m.put("tempo", tempo);
    m.put("key", key);
    m.put("energy", energy);
    m.put("cluster", cluster);
    m.put("target", target);
    return m;
  }
}
