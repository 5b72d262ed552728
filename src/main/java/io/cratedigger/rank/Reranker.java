package io.cratedigger.rank;

import java.util.List;

/**
 * One step of the ranking cascade: reads what earlier steps wrote, adds its component and reasons,
 * and may drop candidates. Run in order by {@link RerankerCascade}.
 */
public interface Reranker {

  /** The name of the component it writes (and of the step in stats), e.g. {@code tempo}. */
  String tag();

  /** The candidates after this step (the same list object, or a shorter one). */
  List<Candidate> rerank(List<Candidate> candidates, RankContext context);
}
