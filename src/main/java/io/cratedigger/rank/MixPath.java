package io.cratedigger.rank;

import io.cratedigger.track.KeyMove;
import io.cratedigger.track.Track;
import java.util.ArrayList;
import java.util.List;

/**
 * Orders tracks into a playable mix: start with the first, then always take the remaining track
 * that mixes best with the one playing (tempo within ±6 % with half/double time, then the best key
 * move), the earlier one in the input on a tie. A greedy path, as a DJ builds a set by ear.
 */
public final class MixPath {
  private MixPath() {}

  public static List<Track> order(List<Track> tracks) {
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
      for (int i = 0; i < left.size(); i++) {
        double c = cost(current, left.get(i));
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

  /** Lower is smoother: tempo gap in units of the tolerance, plus the key move's rank. */
  static double cost(Track from, Track to) {
    double tempo =
        from.tempo() == null || to.tempo() == null
            ? 1
            : TempoReranker.gap(from.tempo(), to.tempo(), true).abs() / 0.06;
    int key = from.key() == null || to.key() == null ? 2 : from.key().moveTo(to.key()).rank();
    return tempo
        + key
        + (to.key() != null && from.key() != null && from.key().moveTo(to.key()) == KeyMove.CLASH
            ? 2
            : 0);
  }
}
