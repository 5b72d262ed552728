package io.cratedigger.rank;

import java.util.List;

/** Drops what the DJ excluded: rule breakers with "compatible only", and low scores. */
public final class FilterReranker implements Reranker {
  @Override
  public String tag() {
    return "filter";
  }

  @Override
  public List<Candidate> rerank(List<Candidate> candidates, RankContext ctx) {
    boolean compatibleOnly = ctx.options().compatibleOnly();
    double min = ctx.options().minScore();
    candidates.removeIf(c -> (compatibleOnly && !c.mixable()) || c.score() < min);
    return candidates;
  }
}
