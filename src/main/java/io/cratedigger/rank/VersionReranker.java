package io.cratedigger.rank;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One version per song: of "Strobe", "Strobe (Radio Edit)" and "Strobe (Michael Cassette Remix)" by
 * the same artist only the best placed stays. (The seed's own versions never reach the list: the
 * retrieval excludes its song.) Runs after the list is ordered.
 */
public final class VersionReranker implements Reranker {
  @Override
  public String tag() {
    return "versions";
  }

  @Override
  public List<Candidate> rerank(List<Candidate> candidates, RankContext ctx) {
    Set<Long> seen = new HashSet<>();
    List<Candidate> out = new ArrayList<>(candidates.size());
    for (Candidate c : candidates) {
      if (seen.add(c.song())) {
        out.add(c);
      }
    }
    return out;
  }
}
