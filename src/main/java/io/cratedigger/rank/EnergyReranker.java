package io.cratedigger.rank;

import java.util.List;
import java.util.Locale;

/**
 * The energy direction of the set. Keep: {@code 1 − 2·|Δ|}. Lift: best for a rise of 0.05 to 0.25
 * ({@code 1}), less for a smaller rise, {@code 0} for a fall. Drop: the mirror image. Δ is the
 * candidate's energy minus the seed's, on Spotify's 0..1 scale.
 */
public final class EnergyReranker implements Reranker {
  public static final String TAG = "energy";

  @Override
  public String tag() {
    return TAG;
  }

  /** The score for an energy change {@code delta} in {@code direction}. */
  public static double score(double delta, MixOptions.Energy direction) {
    return switch (direction) {
      case ANY -> 1;
      case KEEP -> Math.max(0, 1 - 2 * Math.abs(delta));
      case LIFT -> rise(delta);
      case DROP -> rise(-delta);
    };
  }

  private static double rise(double d) {
    if (d <= 0) {
      return 0;
    }
    if (d < 0.05) {
      return d / 0.05 * 0.8; // a barely noticeable lift
    }
    if (d <= 0.25) {
      return 1;
    }
    return Math.max(0, 1 - (d - 0.25) * 2); // too big a jump
  }

  @Override
  public List<Candidate> rerank(List<Candidate> candidates, RankContext ctx) {
    MixOptions.Energy dir = ctx.options().energy();
    if (ctx.energy() == null || dir == MixOptions.Energy.ANY) {
      return candidates;
    }
    for (Candidate c : candidates) {
      if (c.energy() == null) {
        continue;
      }
      double delta = c.energy() - ctx.energy();
      c.component(TAG, score(delta, dir));
      String move =
          Math.abs(delta) < 0.05
              ? "keeps the energy"
              : delta > 0 ? "lifts the energy" : "brings the energy down";
      c.reason(String.format(Locale.ROOT, "%s (%.2f → %.2f)", move, ctx.energy(), c.energy()));
    }
    return candidates;
  }
}
