package io.cratedigger.rank;

import io.cratedigger.track.KeyMove;
import io.cratedigger.track.Track;
import java.util.ArrayList;
import java.util.List;

/**
 * Orders tracks into a playable mix: start with the first, then always take the remaining track
 * that mixes best with the one playing under a {@link MixPolicy} (the smallest tempo change in
 * units of the tolerance, then the best key move as heard), the earlier one in the input on a tie.
 * A greedy path, as a DJ builds a set by ear.
 */
public final class MixPath {
  private MixPath() {}

  /** The tracks in mixing order under {@code policy}; the first stays first. */
  public static List<Track> order(List<Track> tracks, MixPolicy policy) {
    List<Track> left = new ArrayList<>(tracks);
    List<Track> out = new ArrayList<>(tracks.size());
    if (left.isEmpty()) {
      return out;
    }
    Track current = left.removeFirst();
    out.add(current);
    while (!left.isEmpty()) {
      int best = 0;
      double bestCost = Double.MAX_VALUE;
      MixPolicy.Deck from = MixPolicy.Deck.of(current);
      for (int i = 0; i < left.size(); i++) {
        double c = cost(policy.between(from, MixPolicy.Deck.of(left.get(i))), policy);
        if (c < bestCost) {
          bestCost = c;
          best = i;
        }
      }
      current = left.remove(best);
      out.add(current);
    }
    return out;
  }

  /**
   * Lower is smoother: the tempo change in units of the tolerance (1 when a tempo is unknown), plus
   * the key move's rank (2 when a key is unknown), plus 2 more for a clash, the one move no pitch
   * fader saves.
   */
  static double cost(MixPolicy.Transition t, MixPolicy policy) {
    double tempo = t.tempo() == null ? 1 : t.tempo().abs() / policy.options().bpmTolerance();
    int key = t.move() == null ? 2 : t.move().rank() + (t.move() == KeyMove.CLASH ? 2 : 0);
    return tempo + key;
  }
}
