package io.cratedigger.rank;

import java.util.List;
import java.util.Locale;

/**
 * The energy direction of the set. Keep: {@code 1 − 2·|Δ|}. Lift: best for a rise of 0.05 to 0.25
 * ({@code 1}), less for a smaller rise, {@code 0} for a fall. Drop: the mirror image. Δ is the
 * candidate's energy minus the seed's, on Spotify's 0..1 scale.
 *
 * <p>Lift and drop are rules, not preferences: a track that moves the energy the other way breaks
 * them and leaves the mixable part of the list, as a clashing key does ({@link #against}). Keep and
 * any stay soft.
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

  /**
   * Whether a change {@code delta} goes against the direction (a fall under lift, a rise under
   * drop).
   */
  public static boolean against(double delta, MixOptions.Energy direction) {
    return switch (direction) {
      case LIFT -> delta < 0;
      case DROP -> delta > 0;
      case ANY, KEEP -> false;
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
      c.component(Component.ENERGY, score(delta, dir));
      boolean against = against(delta, dir);
      // against the direction, even a small change is named for what it is
      String move =
          Math.abs(delta) < 0.05 && !against
              ? "keeps the energy"
              : delta > 0 ? "lifts the energy" : "brings the energy down";
      double seed = ctx.energy();
      double cand = c.energy();
      if (against) {
        c.breaks(
            () ->
                String.format(
                    Locale.ROOT,
                    "%s (%.2f → %.2f), against %s",
                    move,
                    seed,
                    cand,
                    dir.name().toLowerCase(Locale.ROOT)));
      } else {
        c.reason(() -> String.format(Locale.ROOT, "%s (%.2f → %.2f)", move, seed, cand));
      }
    }
    return candidates;
  }
}
