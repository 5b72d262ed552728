package io.cratedigger.rank;

import java.util.List;
import java.util.Locale;

/**
 * The energy direction of the set, by the request's {@link MixPolicy}. Keep: {@code 1 − 2·|Δ|}.
 * Lift: best for a rise of 0.05 to 0.25 ({@code 1}), less for a smaller rise, {@code 0} for a fall.
 * Drop: the mirror image. Δ is the candidate's energy minus the seed's, on Spotify's 0..1 scale.
 *
 * <p>Lift and drop are rules, not preferences: a track that moves the energy the other way breaks
 * them and leaves the mixable part of the list, as a clashing key does ({@link
 * MixPolicy#againstEnergy}). Keep and any stay soft.
 */
public final class EnergyReranker implements Reranker {
  public static final String TAG = "energy";

  @Override
  public String tag() {
    return TAG;
  }

  @Override
  public List<Candidate> rerank(List<Candidate> candidates, RankContext ctx) {
    MixPolicy policy = ctx.policy();
    MixOptions.Energy dir = policy.options().energy();
    if (ctx.energy() == null || dir == MixOptions.Energy.ANY) {
      return candidates;
    }
    for (Candidate c : candidates) {
      if (c.energy() == null) {
        continue;
      }
      double delta = c.energy() - ctx.energy();
      c.component(Component.ENERGY, policy.energyScore(delta));
      boolean against = policy.againstEnergy(delta);
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
