package io.cratedigger.rank;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs the rerankers in order and records how many candidates each step left. */
public final class RerankerCascade {
  private final List<Reranker> steps;

  public RerankerCascade(List<Reranker> steps) {
    this.steps = List.copyOf(steps);
  }

  /** The cascade of the product: rules, score and order, then the list's shape. */
  public static RerankerCascade standard() {
    return new RerankerCascade(
        List.of(
            new TempoReranker(),
            new KeyReranker(),
            new EnergyReranker(),
            new ClusterReranker(),
            new TargetReranker(),
            new ScoreReranker(),
            new VersionReranker(),
            new FilterReranker(),
            new DiversityReranker()));
  }

  /** The result of a run: the ordered candidates and the count after each step. */
  public record Result(List<Candidate> candidates, Map<String, Integer> sizes) {}

  public Result run(List<Candidate> candidates, RankContext ctx) {
    List<Candidate> list = new ArrayList<>(candidates);
    Map<String, Integer> sizes = new LinkedHashMap<>();
    for (Reranker r : steps) {
      list = r.rerank(list, ctx);
      sizes.put(r.tag(), list.size());
    }
    return new Result(list, sizes);
  }
}
