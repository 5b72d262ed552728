package io.cratedigger.rank;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Caps per artist and per release, so one artist or album does not crowd the list: at most {@code
 * maxPerArtist} results share an artist (one, for the seeds' own artists) and at most {@code
 * maxPerRelease} share a release. Runs after the list is ordered; the best placed stay.
 */
public final class DiversityReranker implements Reranker {
  @Override
  public String tag() {
    return "diversity";
  }

  @Override
  public List<Candidate> rerank(List<Candidate> candidates, RankContext ctx) {
    Map<Long, Integer> perArtist = new HashMap<>();
    Map<Long, Integer> perRelease = new HashMap<>();
    int maxArtist = ctx.options().maxPerArtist();
    int maxRelease = ctx.options().maxPerRelease();
    List<Candidate> out = new ArrayList<>(candidates.size());
    for (Candidate c : candidates) {
      boolean over = false;
      for (int i = 0; i < c.artistCount(); i++) {
        long a = c.artist(i);
        int cap = ctx.artists().contains(a) ? 1 : maxArtist;
        over |= perArtist.getOrDefault(a, 0) >= cap;
      }
      over |= c.release() != 0 && perRelease.getOrDefault(c.release(), 0) >= maxRelease;
      if (over) {
        continue;
      }
      for (int i = 0; i < c.artistCount(); i++) {
        perArtist.merge(c.artist(i), 1, Integer::sum);
      }
      if (c.release() != 0) {
        perRelease.merge(c.release(), 1, Integer::sum);
      }
      out.add(c);
    }
    return out;
  }
}
