package io.cratedigger.rank;

import java.util.List;

/** Sound-cluster agreement: 1 when the candidate is in the seed's cluster, 0 otherwise. */
public final class ClusterReranker implements Reranker {
  public static final String TAG = "cluster";

  @Override
  public String tag() {
    return TAG;
  }

  @Override
  public List<Candidate> rerank(List<Candidate> candidates, RankContext ctx) {
    if (ctx.cluster() < 0) {
      return candidates;
    }
    for (Candidate c : candidates) {
      if (c.cluster() >= 0) {
        c.component(Component.CLUSTER, c.cluster() == ctx.cluster() ? 1 : 0);
      }
    }
    return candidates;
  }
}
