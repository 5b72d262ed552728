package io.cratedigger.rank;

import java.util.List;
import java.util.Locale;

/**
 * BPM compatibility, by the request's {@link MixPolicy}: the candidate's tempo is compared with the
 * seed's directly and, when half and double time count, at ×2 and ×½ (87 ↔ 174); the smallest
 * relative gap wins. Score: 1 at the same tempo, 0.5 at the edge of the tolerance, 0 at twice the
 * tolerance. Outside the tolerance the candidate breaks the tempo rule. BPM unknown (0 in many
 * exports) is neither good nor bad: no component, and a reason that says so.
 */
public final class TempoReranker implements Reranker {
  public static final String TAG = "tempo";

  @Override
  public String tag() {
    return TAG;
  }

  @Override
  public List<Candidate> rerank(List<Candidate> candidates, RankContext ctx) {
    MixPolicy policy = ctx.policy();
    double tol = policy.options().bpmTolerance();
    for (Candidate c : candidates) {
      if (ctx.bpm() == null) {
        continue; // no seed tempo (artist or genre seeds): nothing to compare
      }
      if (c.bpm() == null) {
        c.reason("BPM unknown");
        continue;
      }
      MixPolicy.TempoChange g = policy.tempo(ctx.bpm(), c.bpm());
      c.component(Component.TEMPO, policy.tempoScore(g));
      double seed = ctx.bpm();
      double cand = c.bpm();
      java.util.function.Supplier<String> text =
          () ->
              String.format(
                  Locale.ROOT,
                  "%s → %s BPM%s, %+.1f %%",
                  bpm(seed),
                  bpm(cand),
                  g.halfTime() ? " (half time)" : g.doubleTime() ? " (double time)" : "",
                  100 * g.signed());
      if (policy.tempoMixes(g)) {
        c.reason(text);
      } else {
        c.breaks(() -> text.get() + String.format(Locale.ROOT, ", outside ±%.0f %%", 100 * tol));
      }
    }
    return candidates;
  }

  static String bpm(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }
}
