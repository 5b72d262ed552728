package io.cratedigger.rank;

import io.cratedigger.track.Key;
import io.cratedigger.track.KeyMove;
import java.util.List;

/**
 * Harmonic compatibility on the Camelot wheel (Mixed In Key's moves): perfect 1.0, adjacent and
 * relative 0.8, the energy boosts 0.6, diagonal 0.4 when allowed and 0.1 when not, a clash 0.
 *
 * <p>With key lock off, the candidate is compared in the key a listener hears once it is
 * beat-matched to the seed: its pitch moves by {@code 12·log2(seedBpm / candidateBpm)} semitones
 * (with half or double time folded in). A track two keys away can become perfect after a 6 %
 * pitch-up, and a compatible one can clash; no mainstream DJ tool computes this.
 */
public final class KeyReranker implements Reranker {
  public static final String TAG = "key";

  @Override
  public String tag() {
    return TAG;
  }

  /** The score of a move. */
  public static double score(KeyMove move, boolean allowDiagonal) {
    return switch (move) {
      case PERFECT -> 1.0;
      case ADJACENT, RELATIVE -> 0.8;
      case BOOST_WHOLE_STEP, BOOST_SEMITONE -> 0.6;
      case DIAGONAL -> allowDiagonal ? 0.4 : 0.1;
      case CLASH -> 0.0;
    };
  }

  /** The key the candidate is heard in once beat-matched to the seed without key lock. */
  public static Key heard(Key candidate, double seedBpm, double candidateBpm, boolean halfDouble) {
    TempoReranker.Gap g = TempoReranker.gap(seedBpm, candidateBpm, halfDouble);
    // playing at seedBpm a track whose (folded) tempo is candidateBpm·factor: ratio seed/that
    double ratio = seedBpm / (candidateBpm * g.factor());
    return candidate.heardAt(ratio);
  }

  @Override
  public List<Candidate> rerank(List<Candidate> candidates, RankContext ctx) {
    Key seed = ctx.key();
    boolean diagonal = ctx.options().allowDiagonal();
    for (Candidate c : candidates) {
      if (seed == null) {
        continue;
      }
      if (c.key() == null) {
        c.reason("key unknown");
        continue;
      }
      Key played = c.key();
      boolean shifted = false;
      if (!ctx.options().keyLock() && ctx.bpm() != null && c.bpm() != null) {
        played = heard(c.key(), ctx.bpm(), c.bpm(), ctx.options().halfDouble());
        shifted = !played.equals(c.key());
      }
      KeyMove move = seed.moveTo(played);
      c.component(Component.KEY, score(move, diagonal));
      Key released = c.key();
      Key heard = played;
      boolean wasShifted = shifted;
      java.util.function.Supplier<String> text =
          () ->
              seed.camelot()
                  + " → "
                  + heard.camelot()
                  + ", "
                  + (move.compatible()
                      ? move.label() + " key"
                      : move == KeyMove.DIAGONAL
                          ? "diagonal move" + (diagonal ? "" : " (not allowed)")
                          : "keys clash")
                  + (wasShifted
                      ? " ("
                          + released.camelot()
                          + " as released, heard as "
                          + heard.camelot()
                          + " once beat-matched)"
                      : "");
      if (move.compatible() || (move == KeyMove.DIAGONAL && diagonal)) {
        c.reason(text);
      } else {
        c.breaks(text);
      }
    }
    return candidates;
  }
}
