package io.cratedigger.rank;

import java.util.List;
import java.util.Locale;

/**
 * Spotify's {@code target_*} parameters: the closer to the target, the better. Per target, {@code 1
 * − |value − target| / span}; the component is their mean; an unknown value counts 0.5.
 */
public final class TargetReranker implements Reranker {
  public static final String TAG = "target";

  @Override
  public String tag() {
    return TAG;
  }

  @Override
  public List<Candidate> rerank(List<Candidate> candidates, RankContext ctx) {
    if (ctx.targets().isEmpty()) {
      return candidates;
    }
    for (Candidate c : candidates) {
      double sum = 0;
      for (RankContext.Target t : ctx.targets()) {
        double v = c.attribute(t.attribute());
        sum += Double.isNaN(v) ? 0.5 : Math.max(0, 1 - Math.abs(v - t.value()) / t.span());
      }
      double s = sum / ctx.targets().size();
      c.component(Component.TARGET, s);
      if (s >= 0.9) {
        c.reason(() -> String.format(Locale.ROOT, "close to the targets (%.2f)", s));
      }
    }
    return candidates;
  }
}
