package io.cratedigger.rank;

import java.util.List;
import java.util.Locale;

/**
 * BPM compatibility. The candidate's tempo is compared with the seed's directly and, when half and
 * double time count, at ×2 and ×½ (87 ↔ 174); the smallest relative gap wins. Score: 1 at the same
 * tempo, 0.5 at the edge of the tolerance, 0 at twice the tolerance. Outside the tolerance the
 * candidate breaks the tempo rule. BPM unknown (0 in many exports) is neither good nor bad: no
 * component, and a reason that says so.
 */
public final class TempoReranker implements Reranker {
  public static final String TAG = "tempo";

  @Override
  public String tag() {
    return TAG;
  }

  /** The smallest relative gap between the tempi, trying ×2 and ×½ when allowed. */
  public static Gap gap(double seed, double candidate, boolean halfDouble) {
    double best = Math.abs(candidate / seed - 1);
    double factor = 1;
    if (halfDouble) {
      for (double f : new double[] {2, 0.5}) {
        double g = Math.abs(candidate * f / seed - 1);
        if (g < best) {
          best = g;
          factor = f;
        }
      }
    }
    return new Gap(best, factor, (candidate * factor) / seed - 1);
  }

  /**
   * @param abs the relative gap, e.g. 0.016 for 124 → 126
   * @param factor 1, 2 (candidate in half time) or 0.5 (double time)
   * @param signed the signed gap after the factor
   */
  public record Gap(double abs, double factor, double signed) {}

  /** The score for a relative gap: {@code max(0, 1 − gap / (2·tolerance))}. */
  public static double score(double gap, double tolerance) {
    return Math.max(0, 1 - gap / (2 * tolerance));
  }

  @Override
  public List<Candidate> rerank(List<Candidate> candidates, RankContext ctx) {
    double tol = ctx.options().bpmTolerance();
    for (Candidate c : candidates) {
      if (ctx.bpm() == null) {
        continue; // no seed tempo (artist or genre seeds): nothing to compare
      }
      if (c.bpm() == null) {
        c.reason("BPM unknown");
        continue;
      }
      Gap g = gap(ctx.bpm(), c.bpm(), ctx.options().halfDouble());
      c.component(Component.TEMPO, score(g.abs(), tol));
      double seed = ctx.bpm();
      double cand = c.bpm();
      java.util.function.Supplier<String> text =
          () ->
              String.format(
                  Locale.ROOT,
                  "%s → %s BPM%s, %+.1f %%",
                  bpm(seed),
                  bpm(cand),
                  g.factor() == 2 ? " (half time)" : g.factor() == 0.5 ? " (double time)" : "",
                  100 * g.signed());
      if (g.abs() <= tol) {
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
