package io.cratedigger.rank;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Combines the components into the score in 0..1 and orders the list: tracks a DJ can mix (tempo
 * and key fine or unknown) first, by score; then the ones that break a rule, by score; ties by
 * track id, so the order is reproducible.
 *
 * <p>Score: the weighted mean of the components the candidate has ({@code Σ wᵢcᵢ / Σ wᵢ}); a track
 * without audio features, when the seed has them, counts a middling sound ({@value #UNKNOWN_SOUND})
 * rather than none, so it is neither punished for a missing number nor ranked on the scene alone
 * above every sound-alike. With reciprocal rank fusion the sound and scene weights go to the
 * candidate's fused rank, {@code Σ 1/(RRF_K + rank)}, divided by its best possible value {@code
 * 2/(RRF_K+1)}. A candidate from one of the seeds' own releases keeps {@value #SAME_RELEASE_FACTOR}
 * of its score.
 */
public final class ScoreReranker implements Reranker {
  public static final String TAG = "score";

  /** Elasticsearch's and the RRF paper's constant. */
  public static final int RRF_K = 60;

  /**
   * The sound score a track without audio features counts with when the seed has a sound: neither a
   * close nor a far one. Without it, the weighted mean over the components a track has would rank a
   * featureless track that shares the scene above every sound-alike, as the sound weight is the
   * largest.
   */
  public static final double UNKNOWN_SOUND = 0.5;

  /** Other releases than the seed's are preferred. */
  public static final double SAME_RELEASE_FACTOR = 0.85;

  /** Mixable first, then by score descending, then by id. */
  public static final Comparator<Candidate> ORDER =
      Comparator.comparing((Candidate c) -> !c.mixable())
          .thenComparing((a, b) -> Double.compare(b.score(), a.score()))
          .thenComparing(Candidate::id);

  /**
   * Mixable first; among those and among the rest, the tracks that share the seeds' scene first;
   * then by score descending, then by id. A DJ's "similar": the same scene, mixable, and then the
   * closest sound.
   */
  public static final Comparator<Candidate> SCENE_FIRST =
      Comparator.comparing((Candidate c) -> !c.mixable())
          .thenComparing((Candidate c) -> !c.inScene())
          .thenComparing((a, b) -> Double.compare(b.score(), a.score()))
          .thenComparing(Candidate::id);

  @Override
  public String tag() {
    return TAG;
  }

  /** The weighted mean of the components present. */
  public static double weightedMean(
      Map<Component, Double> components, Map<Component, Double> weights) {
    double sum = 0;
    double total = 0;
    for (var e : components.entrySet()) {
      double w = weights.getOrDefault(e.getKey(), 0.0);
      sum += w * e.getValue();
      total += w;
    }
    return total == 0 ? 0 : sum / total;
  }

  /** The normalised reciprocal-rank-fusion score of two 1-based ranks (0 = absent). */
  public static double rrf(int lexicalRank, int knnRank) {
    double s = 0;
    if (lexicalRank > 0) {
      s += 1.0 / (RRF_K + lexicalRank);
    }
    if (knnRank > 0) {
      s += 1.0 / (RRF_K + knnRank);
    }
    return s / (2.0 / (RRF_K + 1));
  }

  @Override
  public List<Candidate> rerank(List<Candidate> candidates, RankContext ctx) {
    Map<Component, Double> weights = ctx.weights().byComponent();
    boolean rrf = ctx.weights().fusion() == Weights.Fusion.RRF;
    for (Candidate c : candidates) {
      double s;
      if (rrf) {
        var comps = new java.util.EnumMap<>(c.components());
        comps.remove(Component.SOUND);
        comps.remove(Component.SCENE);
        comps.put(Component.RETRIEVAL, rrf(c.lexicalRank(), c.knnRank()));
        var w = new java.util.EnumMap<>(weights);
        w.put(Component.RETRIEVAL, ctx.weights().sound() + ctx.weights().scene());
        s = weightedMean(comps, w);
        c.component(Component.RETRIEVAL, comps.get(Component.RETRIEVAL));
      } else if (c.soundUnknown() && !c.components().containsKey(Component.SOUND)) {
        var comps = new java.util.EnumMap<>(c.components());
        comps.put(Component.SOUND, UNKNOWN_SOUND);
        s = weightedMean(comps, weights);
      } else {
        s = weightedMean(c.components(), weights);
      }
      if (c.release() != 0 && ctx.releases().contains(c.release())) {
        s *= SAME_RELEASE_FACTOR;
        c.reason("from the seed's own release");
      }
      c.score(s);
    }
    candidates.sort(ctx.weights().sceneFirst() ? SCENE_FIRST : ORDER);
    return candidates;
  }
}
