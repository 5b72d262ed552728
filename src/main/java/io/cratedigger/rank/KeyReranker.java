package io.cratedigger.rank;

import io.cratedigger.track.Key;
import io.cratedigger.track.KeyMove;
import java.util.List;

/**
 * Harmonic compatibility on the Camelot wheel (Mixed In Key's moves), by the request's {@link
 * MixPolicy}: perfect 1.0, adjacent and relative 0.8, the energy boosts 0.6, diagonal 0.4 when
 * allowed and 0.1 when not, a clash 0. A move that does not mix breaks the key rule.
 *
 * <p>With key lock off, the candidate is compared in the key a listener hears once it is
 * beat-matched to the seed ({@link MixPolicy#heard}): its pitch moves by {@code 12·log2(seedBpm /
 * candidateBpm)} semitones (with half or double time folded in). A track two keys away can become
 * perfect after a 6 % pitch-up, and a compatible one can clash; no mainstream DJ tool computes
 * this. The reason names both keys when they differ.
 */
public final class KeyReranker implements Reranker {
  public static final String TAG = "key";

  @Override
  public String tag() {
    return TAG;
  }

  @Override
  public List<Candidate> rerank(List<Candidate> candidates, RankContext ctx) {
    Key seed = ctx.key();
    MixPolicy policy = ctx.policy();
    MixPolicy.Deck seedDeck = ctx.seed();
    boolean diagonal = policy.options().allowDiagonal();
    for (Candidate c : candidates) {
      if (seed == null) {
        continue;
      }
      if (c.key() == null) {
        c.reason("key unknown");
        continue;
      }
      Key released = c.key();
      Key heard = policy.heard(seedDeck, MixPolicy.Deck.of(c));
      boolean shifted = !heard.equals(released);
      KeyMove move = seed.moveTo(heard);
      c.component(Component.KEY, policy.keyScore(move));
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
                  + (shifted
                      ? " ("
                          + released.camelot()
                          + " as released, heard as "
                          + heard.camelot()
                          + " once beat-matched)"
                      : "");
      if (policy.keyMixes(move)) {
        c.reason(text);
      } else {
        c.breaks(text);
      }
    }
    return candidates;
  }
}
