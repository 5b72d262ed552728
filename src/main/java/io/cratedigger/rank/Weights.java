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
    int knnPool,
    Facets facets,
    boolean sceneFirst) {

  /**
   * How much sharing a value of each facet counts in the scene score, before its rarity (IDF): a
   * shared style says most about the scene, a genre less (Discogs' genres are broad), a label and
   * an artist less again. {@code near} scales the credit for a near style ("Tech House" for a
   * "Techno" seed gets {@code near × similarity} of a shared one). {@code shared} is the part of
   * the scene score a track earns by sharing one of the seed's defining styles at all (the rest is
   * how much it shares, by rarity): in real collections sound alone finds the scene a quarter of
   * the time, so being in the scene has to count for itself.
   */
  public record Facets(
      double style, double genre, double label, double artist, double near, double shared) {
    public Facets {
      if (!(shared >= 0 && shared <= 1)) {
        throw new IllegalArgumentException("ranking.facets.shared must be 0..1, got " + shared);
      }
      for (double w : new double[] {style, genre, label, artist, near}) {
        if (!(w >= 0 && w <= 10)) {
          throw new IllegalArgumentException("facet weights must be 0..10, got " + w);
        }
      }
    }

    /** style 1.0, genre 0.5, label 0.4, artist 0.3, near 1.0, shared 0.8. */
    public static Facets defaults() {
      return new Facets(1.0, 0.5, 0.4, 0.3, 1.0, 0.8);
    }

    /** Name → weight, for the configuration file and its log line. */
    public Map<String, Double> byName() {
      Map<String, Double> m = new LinkedHashMap<>();
      m.put("style", style);
      m.put("genre", genre);
      m.put("label", label);
      m.put("artist", artist);
      m.put("near", near);
      m.put("shared", shared);
      return m;
    }
  }

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
    if (facets == null) {
      facets = Facets.defaults();
    }
  }

  /**
   * sound 0.50, scene 0.21, tempo 0.03, key 0.03, energy 0.02, cluster 0, target 0.05; no hard
   * scene tier. Chosen on the real export (README, "Ranking on real collections"): among the tracks
   * that mix, the closest sound with a bonus for sharing the scene, so the top 10 share the scene
   * and mix 0.78 of the time (the oracle: 0.90) while staying within 10 % of the sound distance of
   * sound alone. Tempo and key only order tracks that already mix, so they weigh little.
   */
  public static Weights defaults() {
    return new Weights(
        0.50,
        0.21,
        0.03,
        0.03,
        0.02,
        0.0,
        0.05,
        Fusion.WEIGHTED,
        100,
        100,
        Facets.defaults(),
        false);
  }

  /** The same weights with another fusion. */
  public Weights withFusion(Fusion f) {
    return new Weights(
        sound,
        scene,
        tempo,
        key,
        energy,
        cluster,
        target,
        f,
        lexicalPool,
        knnPool,
        facets,
        sceneFirst);
  }

  /** Component → weight (every one but {@link Component#RETRIEVAL}, which stands in for two). */
  public Map<Component, Double> byComponent() {
    Map<Component, Double> m = new java.util.EnumMap<>(Component.class);
    m.put(Component.SOUND, sound);
    m.put(Component.SCENE, scene);
    m.put(Component.TEMPO, tempo);
    m.put(Component.KEY, key);
    m.put(Component.ENERGY, energy);
    m.put(Component.CLUSTER, cluster);
    m.put(Component.TARGET, target);
    return m;
  }

  /** Component tag (as in the configuration) → weight. */
  public Map<String, Double> byTag() {
    Map<String, Double> m = new LinkedHashMap<>();
    byComponent().forEach((c, w) -> m.put(c.tag(), w));
    return m;
  }
}
