package io.cratedigger.rank;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Combines the components into the score in 0..1 and orders the list: tracks a DJ can mix (tempo
 * and key fine or unknown) first, by score; then the ones that break a rule, by score; ties by
 * track id, so the order is reproducible.
 *
 * <p>Score: the weighted mean of the components the candidate has ({@code Σ wᵢcᵢ / Σ wᵢ}), so a
 * track without audio features is scored on scene, tempo and key alone rather than punished for a
 * missing number. With reciprocal rank fusion the sound and scene weights go to the candidate's
 * fused rank, {@code Σ 1/(RRF_K + rank)}, divided by its best possible value {@code 2/(RRF_K+1)}. A
 * candidate from one of the seeds' own releases keeps {@value #SAME_RELEASE_FACTOR} of its score.
 */
public final class ScoreReranker implements Reranker {
  public static final String TAG = "score";

  /** Elasticsearch's and the RRF paper's constant. */
  public static final int RRF_K = 60;

  /** Other releases than the seed's are preferred. */
  public static final double SAME_RELEASE_FACTOR = 0.85;

  /** Mixable first, then by score descending, then by id. */
  public static final Comparator<Candidate> ORDER =
      Comparator.comparing((Candidate c) -> !c.mixable())
          .thenComparing((a, b) -> Double.compare(b.score(), a.score()))
          .thenComparing(Candidate::id);

  @Override
  public String tag() {
    return TAG;
  }

  /** The weighted mean of the components present. */
  public static double weightedMean(Map<String, Double> components, Map<String, Double> weights) {
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
    Map<String, Double> weights = ctx.weights().byTag();
    boolean rrf = ctx.weights().fusion() == Weights.Fusion.RRF;
    for (Candidate c : candidates) {
      double s;
      if (rrf) {
        var comps = new java.util.LinkedHashMap<>(c.components());
        comps.remove("sound");
        comps.remove("scene");
        comps.put("retrieval", rrf(c.lexicalRank(), c.knnRank()));
        var w = new java.util.LinkedHashMap<>(weights);
        w.put("retrieval", ctx.weights().sound() + ctx.weights().scene());
        s = weightedMean(comps, w);
        c.component("retrieval", comps.get("retrieval"));
      } else {
        s = weightedMean(c.components(), weights);
      }
      if (c.release() != 0 && ctx.releases().contains(c.release())) {
        s *= SAME_RELEASE_FACTOR;
        c.reason("from the seed's own release");
      }
      c.score(s);
    }
    candidates.sort(ORDER);
    return candidates;
  }
}
