package io.cratedigger.rank;

import io.cratedigger.track.Key;
import io.cratedigger.track.KeyMove;
import io.cratedigger.track.Track;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The mixing rules of one request, built from the DJ's {@link MixOptions}: the one place that knows
 * when a tempo change, a key move and an energy change mix. The tempo, key and energy rerankers
 * score with it, the retrieval filter is translated from its {@link #filter coarse form}, the
 * engine checks candidates and describes each result's {@link #between transition} with it, and
 * {@link MixPath} orders a set by it. One place, so that they cannot drift apart: a result's key
 * move is the move the key reranker judged, and the engine's check of its pool agrees with the
 * rerankers, key lock on or off.
 *
 * <p>Unknown values (a BPM of 0 in many exports, no key) are neither good nor bad: a transition
 * with an unknown part leaves that part out, and {@link Transition#mixes} holds when every known
 * part mixes.
 */
public final class MixPolicy {
  private static final MixPolicy DEFAULTS = new MixPolicy(MixOptions.defaults());

  /** Tempo factors tried on the next track, as-is first: of equal gaps the first wins. */
  private static final double[] AS_IS = {1};

  private static final double[] HALF_DOUBLE = {1, 2, 0.5};

  private final MixOptions options;

  private MixPolicy(MixOptions options) {
    if (options == null) {
      throw new IllegalArgumentException("options must not be null");
    }
    this.options = options;
  }

  /** The rules for {@code options}. */
  public static MixPolicy of(MixOptions options) {
    return new MixPolicy(options);
  }

  /**
   * The rules for {@link MixOptions#defaults()}, where no request brings options (a sample mix).
   */
  public static MixPolicy defaults() {
    return DEFAULTS;
  }

  public MixOptions options() {
    return options;
  }

  /**
   * What the rules read of a track on a deck: tempo, key and energy, each null when unknown.
   *
   * @param bpm the tempo in BPM
   * @param key the key as released
   * @param energy Spotify's energy, 0..1
   */
  public record Deck(Double bpm, Key key, Double energy) {
    public static Deck of(Track t) {
      return new Deck(t.tempo(), t.key(), t.energy());
    }

    public static Deck of(Candidate c) {
      return new Deck(c.bpm(), c.key(), c.energy());
    }
  }

  /**
   * The tempo change from one track to the next once beat-matched.
   *
   * @param abs the relative gap, e.g. 0.016 for 124 → 126
   * @param factor 1, 2 (the next track in half time: 63 after 124) or 0.5 (in double time)
   * @param signed the signed gap after the factor: the pitch fader's move, +0.016 for 124 → 126
   */
  public record TempoChange(double abs, double factor, double signed) {
    /** Whether the next track is in half time (played at twice its tempo). */
    public boolean halfTime() {
      return factor == 2;
    }

    /** Whether the next track is in double time (played at half its tempo). */
    public boolean doubleTime() {
      return factor == 0.5;
    }

    /** The signed change in percent, to one decimal, as results show it. */
    public double percent() {
      return Math.round(signed * 1000) / 10.0;
    }
  }

  /**
   * The change from {@code fromBpm} to {@code toBpm}: the smallest relative gap, trying the next
   * track at ×2 and ×½ too when half and double time count (87 ↔ 174 is a gap of 0).
   */
  public TempoChange tempo(double fromBpm, double toBpm) {
    double[] factors = factors();
    double factor = factors[0];
    double best = Math.abs(toBpm * factor / fromBpm - 1);
    for (int i = 1; i < factors.length; i++) {
      double g = Math.abs(toBpm * factors[i] / fromBpm - 1);
      if (g < best) {
        best = g;
        factor = factors[i];
      }
    }
    return new TempoChange(best, factor, (toBpm * factor) / fromBpm - 1);
  }

  private double[] factors() {
    return options.halfDouble() ? HALF_DOUBLE : AS_IS;
  }

  /** Whether the pitch fader reaches the change: within the tolerance. */
  public boolean tempoMixes(TempoChange change) {
    return change.abs() <= options.bpmTolerance();
  }

  /**
   * The tempo score: 1 at the same tempo, 0.5 at the edge of the tolerance, 0 at twice the
   * tolerance ({@code max(0, 1 − gap / (2·tolerance))}), so a track just outside the range still
   * ranks above one far away.
   */
  public double tempoScore(TempoChange change) {
    return Math.max(0, 1 - change.abs() / (2 * options.bpmTolerance()));
  }

  /**
   * The key {@code to} is heard in when it follows {@code from}. With key lock on, or a tempo
   * unknown, that is its key as released. With key lock off, beat-matching it to {@code from}'s
   * tempo moves its pitch by {@code 12·log2(ratio)} semitones, half or double time folded in: a
   * track two keys away can become perfect after a 6 % pitch-up, and a compatible one can clash.
   * Null when {@code to}'s key is unknown.
   */
  public Key heard(Deck from, Deck to) {
    if (to.key() == null || options.keyLock() || from.bpm() == null || to.bpm() == null) {
      return to.key();
    }
    TempoChange change = tempo(from.bpm(), to.bpm());
    // played at from's tempo, a track whose tempo is (after the factor) to·factor
    return to.key().heardAt(from.bpm() / (to.bpm() * change.factor()));
  }

  /**
   * The key move from {@code from} to {@code to} as the listener hears it ({@link #heard}), null
   * when either key is unknown.
   */
  public KeyMove move(Deck from, Deck to) {
    return moveTo(from.key(), heard(from, to));
  }

  private static KeyMove moveTo(Key from, Key heard) {
    return from == null || heard == null ? null : from.moveTo(heard);
  }

  /** Whether a key move mixes: a compatible one, or the diagonal one when the DJ allows it. */
  public boolean keyMixes(KeyMove move) {
    return move.compatible() || (move == KeyMove.DIAGONAL && options.allowDiagonal());
  }

  /**
   * The key score on the Camelot wheel (Mixed In Key's moves): perfect 1.0, adjacent and relative
   * 0.8, the energy boosts 0.6, diagonal 0.4 when allowed and 0.1 when not, a clash 0.
   */
  public double keyScore(KeyMove move) {
    return switch (move) {
      case PERFECT -> 1.0;
      case ADJACENT, RELATIVE -> 0.8;
      case BOOST_WHOLE_STEP, BOOST_SEMITONE -> 0.6;
      case DIAGONAL -> options.allowDiagonal() ? 0.4 : 0.1;
      case CLASH -> 0.0;
    };
  }

  /**
   * Whether an energy change (next minus playing, on the 0..1 scale) goes against the direction: a
   * fall under lift, a rise under drop. Lift and drop are rules, as a key is; keep and any are only
   * preferences, so nothing goes against them.
   */
  public boolean againstEnergy(double change) {
    return switch (options.energy()) {
      case LIFT -> change < 0;
      case DROP -> change > 0;
      case ANY, KEEP -> false;
    };
  }

  /**
   * The energy score. Keep: {@code 1 − 2·|Δ|}. Lift: 1 for a rise of 0.05 to 0.25, less for a
   * smaller rise or a bigger jump, 0 for a fall. Drop: the mirror image. Any: 1.
   */
  public double energyScore(double change) {
    return switch (options.energy()) {
      case ANY -> 1;
      case KEEP -> Math.max(0, 1 - 2 * Math.abs(change));
      case LIFT -> rise(change);
      case DROP -> rise(-change);
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

  /**
   * Going from one track to the next, each part null when a value it needs is unknown.
   *
   * @param tempo the tempo change
   * @param move the key move as heard ({@link #heard})
   * @param heard the key the next track is heard in (its own with key lock on)
   * @param energyChange the next track's energy minus the playing one's
   * @param mixes whether every known part mixes: tempo within the tolerance, a key move that mixes,
   *     energy not against the direction
   */
  public record Transition(
      TempoChange tempo, KeyMove move, Key heard, Double energyChange, boolean mixes) {}

  /** The transition from {@code from} to {@code to} under these rules. */
  public Transition between(Deck from, Deck to) {
    TempoChange tempo = from.bpm() == null || to.bpm() == null ? null : tempo(from.bpm(), to.bpm());
    Key heard = heard(from, to);
    KeyMove move = moveTo(from.key(), heard);
    Double energy =
        from.energy() == null || to.energy() == null ? null : to.energy() - from.energy();
    boolean mixes =
        (tempo == null || tempoMixes(tempo))
            && (move == null || keyMixes(move))
            && (energy == null || !againstEnergy(energy));
    return new Transition(tempo, move, heard, energy, mixes);
  }

  /**
   * Whole BPMs from {@code from} to {@code to}, inclusive.
   *
   * @param from the lowest
   * @param to the highest
   */
  public record WholeBpms(long from, long to) {}

  /**
   * What a track must have to mix with a seed, in the form an index looks up: a little generous,
   * never strict, so that the exact check of the rerankers sees every track that mixes.
   *
   * @param keys the keys that mix as released; null when any key may (key lock off: the key heard
   *     depends on the tempo; or the seed's key unknown)
   * @param bpms the whole-BPM windows that may mix, one per tempo factor; null when any tempo may
   * @param minEnergy the lowest energy that mixes ({@code -∞} when any)
   * @param maxEnergy the highest energy that mixes ({@code +∞} when any)
   */
  public record Filter(Set<Key> keys, List<WholeBpms> bpms, double minEnergy, double maxEnergy) {
    public Filter {
      keys = keys == null ? null : Collections.unmodifiableSequencedSet(new LinkedHashSet<>(keys));
      bpms = bpms == null ? null : List.copyOf(bpms);
    }

    /** Whether the energy is bounded (lift or drop, with a known seed energy). */
    public boolean boundsEnergy() {
      return minEnergy > Double.NEGATIVE_INFINITY || maxEnergy < Double.POSITIVE_INFINITY;
    }
  }

  /**
   * The {@link Filter} for {@code seed}. BPM windows: the seed's tempo at each factor, ± the
   * tolerance, each end rounded to the nearest whole BPM, since the index holds whole BPMs (a
   * track's rounded tempo can be a little outside its real gap, which the exact check settles). The
   * factors are their own inverses as a set, so the windows around ×2 and ×½ of the seed are where
   * a track mixes in half and double time. Energy: a fall goes against lift, so under lift the
   * seed's energy is the lowest that mixes; under drop the highest.
   */
  public Filter filter(Deck seed) {
    Set<Key> keys = null;
    if (seed.key() != null && options.keyLock()) {
      keys = new LinkedHashSet<>();
      for (Key.Mode mode : Key.Mode.values()) {
        for (int pc = 0; pc < 12; pc++) {
          Key k = new Key(pc, mode);
          if (keyMixes(seed.key().moveTo(k))) {
            keys.add(k);
          }
        }
      }
    }
    List<WholeBpms> bpms = null;
    if (seed.bpm() != null) {
      bpms = new ArrayList<>();
      double tol = options.bpmTolerance();
      for (double f : factors()) {
        double t = seed.bpm() * f;
        bpms.add(new WholeBpms(Math.round(t * (1 - tol)), Math.round(t * (1 + tol))));
      }
    }
    double min = Double.NEGATIVE_INFINITY;
    double max = Double.POSITIVE_INFINITY;
    if (seed.energy() != null) {
      // where againstEnergy turns: a change of 0 is never against
      switch (options.energy()) {
        case LIFT -> min = seed.energy();
        case DROP -> max = seed.energy();
        case ANY, KEEP -> {}
      }
    }
    return new Filter(keys, bpms, min, max);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MixPolicy p && options.equals(p.options);
  }

  @Override
  public int hashCode() {
    return options.hashCode();
  }

  @Override
  public String toString() {
    return "MixPolicy[" + options + "]";
  }
}
