package io.cratedigger.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.cratedigger.rank.MixPolicy.Deck;
import io.cratedigger.rank.MixPolicy.TempoChange;
import io.cratedigger.rank.MixPolicy.WholeBpms;
import io.cratedigger.track.Key;
import io.cratedigger.track.KeyMove;
import io.cratedigger.track.Track;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mixing rules in their one place, each number worked out by hand. */
class MixPolicyTest {
  private static final MixPolicy DEFAULTS = MixPolicy.defaults();

  static MixPolicy policy(
      boolean halfDouble, boolean keyLock, boolean diagonal, MixOptions.Energy energy) {
    return MixPolicy.of(
        new MixOptions(0.06, halfDouble, keyLock, diagonal, false, energy, 2, 1, 0));
  }

  static Deck deck(Double bpm, String key) {
    return new Deck(bpm, key == null ? null : Key.parse(key), null);
  }

  static Track track(String id, Double bpm, String key) {
    return Track.builder(id, id).tempo(bpm).key(key == null ? null : Key.parse(key)).build();
  }

  /**
   * 124 → 126 BPM: 126/124 − 1 = 2/124 = 0.016129, inside ±6 %; score 1 − 0.016129 / 0.12 = 0.8656.
   * From 124 to 133: 9/124 = 7.26 %, outside; score 1 − 0.0726 / 0.12 = 0.3952.
   */
  @Test
  void aTempoChangeWithinTheToleranceMixes() {
    TempoChange up = DEFAULTS.tempo(124, 126);
    assertThat(up.abs()).isCloseTo(0.016129, offset(1e-6));
    assertThat(up.signed()).isCloseTo(0.016129, offset(1e-6));
    assertThat(up.factor()).isEqualTo(1);
    assertThat(up.percent()).isEqualTo(1.6);
    assertThat(DEFAULTS.tempoMixes(up)).isTrue();
    assertThat(DEFAULTS.tempoScore(up)).isCloseTo(0.8656, offset(1e-4));

    TempoChange down = DEFAULTS.tempo(126, 124);
    assertThat(down.signed()).isCloseTo(-2.0 / 126, offset(1e-9));
    assertThat(down.percent()).isEqualTo(-1.6);

    TempoChange far = DEFAULTS.tempo(124, 133);
    assertThat(DEFAULTS.tempoMixes(far)).isFalse();
    assertThat(DEFAULTS.tempoScore(far)).isCloseTo(0.3952, offset(1e-4));
  }

  /**
   * 87 → 174 is the same tempo in double time: ×½ gives 87, gap 0. Without half and double time it
   * is a gap of 100 %, far outside, score 0. 124 → 63: ×2 = 126, half time, the gap of 124 → 126.
   */
  @Test
  void halfAndDoubleTimeCountOnlyWhenAsked() {
    TempoChange doubled = DEFAULTS.tempo(87, 174);
    assertThat(doubled.abs()).isZero();
    assertThat(doubled.signed()).isZero();
    assertThat(doubled.factor()).isEqualTo(0.5);
    assertThat(doubled.doubleTime()).isTrue();
    assertThat(DEFAULTS.tempoMixes(doubled)).isTrue();
    assertThat(DEFAULTS.tempoScore(doubled)).isEqualTo(1);

    TempoChange half = DEFAULTS.tempo(124, 63);
    assertThat(half.factor()).isEqualTo(2);
    assertThat(half.halfTime()).isTrue();
    assertThat(half.abs()).isCloseTo(0.016129, offset(1e-6));

    MixPolicy straight = policy(false, true, false, MixOptions.Energy.KEEP);
    TempoChange plain = straight.tempo(87, 174);
    assertThat(plain.abs()).isEqualTo(1);
    assertThat(plain.factor()).isEqualTo(1);
    assertThat(straight.tempoMixes(plain)).isFalse();
    assertThat(straight.tempoScore(plain)).isZero();
  }

  /**
   * From 8A: 9A adjacent mixes (0.8); 9B is the diagonal move: 0.1 and no mix by default, 0.4 and a
   * mix when the DJ allows it; 2A clashes (0).
   */
  @Test
  void keyMovesMixWhenCompatibleOrAnAllowedDiagonal() {
    MixPolicy diagonal = policy(true, true, true, MixOptions.Energy.KEEP);
    KeyMove adjacent = DEFAULTS.move(deck(124.0, "8A"), deck(124.0, "9A"));
    assertThat(adjacent).isEqualTo(KeyMove.ADJACENT);
    assertThat(DEFAULTS.keyMixes(adjacent)).isTrue();
    assertThat(DEFAULTS.keyScore(adjacent)).isEqualTo(0.8);

    KeyMove diag = DEFAULTS.move(deck(124.0, "8A"), deck(124.0, "9B"));
    assertThat(diag).isEqualTo(KeyMove.DIAGONAL);
    assertThat(DEFAULTS.keyMixes(diag)).isFalse();
    assertThat(DEFAULTS.keyScore(diag)).isEqualTo(0.1);
    assertThat(diagonal.keyMixes(diag)).isTrue();
    assertThat(diagonal.keyScore(diag)).isEqualTo(0.4);

    KeyMove clash = DEFAULTS.move(deck(124.0, "8A"), deck(124.0, "2A"));
    assertThat(clash).isEqualTo(KeyMove.CLASH);
    assertThat(diagonal.keyMixes(clash)).isFalse();
    assertThat(DEFAULTS.keyScore(clash)).isZero();
    assertThat(DEFAULTS.keyScore(KeyMove.PERFECT)).isEqualTo(1);
    assertThat(DEFAULTS.keyScore(KeyMove.BOOST_SEMITONE)).isEqualTo(0.6);
    assertThat(DEFAULTS.move(deck(124.0, "8A"), deck(124.0, null))).isNull();
  }

  /**
   * Key lock off, seed 8A at 124. A 7A track (D minor) at 116.6, 6 % slower, is played at 124:
   * ratio 124 / 116.6 = 1.0635, 12·log2(1.0635) = +1.07 semitones, rounded +1: Eb minor, 2A, a
   * clash with 8A although 7A as released is adjacent. At 62 BPM in 7A (half time) it is played at
   * exactly twice its tempo, an octave: still 7A. With key lock on, or the seed's tempo unknown,
   * the key is the one released.
   */
  @Test
  void withKeyLockOffTheKeyIsTheOneHeardAfterBeatMatching() {
    MixPolicy noLock = policy(true, false, false, MixOptions.Energy.KEEP);
    Deck seed = deck(124.0, "8A");
    Deck slower = deck(116.6, "7A");
    assertThat(noLock.heard(seed, slower).camelot()).isEqualTo("2A");
    assertThat(noLock.move(seed, slower)).isEqualTo(KeyMove.CLASH);
    MixPolicy.Transition t = noLock.between(seed, slower);
    assertThat(noLock.tempoMixes(t.tempo())).isTrue();
    assertThat(t.heard()).isEqualTo(Key.parse("Eb minor"));
    assertThat(t.move()).isEqualTo(KeyMove.CLASH);
    assertThat(t.mixes()).isFalse();

    assertThat(noLock.heard(seed, deck(62.0, "7A")).camelot()).isEqualTo("7A");
    assertThat(noLock.heard(deck(null, "8A"), slower).camelot()).isEqualTo("7A");
    assertThat(DEFAULTS.heard(seed, slower).camelot()).isEqualTo("7A");
    assertThat(DEFAULTS.move(seed, slower)).isEqualTo(KeyMove.ADJACENT);
    assertThat(DEFAULTS.between(seed, slower).mixes()).isTrue();
  }

  /**
   * Lift: a fall goes against it, a rise does not; drop: the mirror image; keep never goes against.
   * Scores: keep 1 − 2·|Δ| (+0.10 gives 0.8); lift +0.10 gives 1, −0.10 gives 0, +0.02 gives 0.02 /
   * 0.05 · 0.8 = 0.32, +0.45 gives 1 − 0.20·2 = 0.6; drop −0.10 gives 1.
   */
  @Test
  void anEnergyDropGoesAgainstALift() {
    MixPolicy lift = policy(true, true, false, MixOptions.Energy.LIFT);
    MixPolicy drop = policy(true, true, false, MixOptions.Energy.DROP);
    assertThat(lift.againstEnergy(-0.10)).isTrue();
    assertThat(lift.againstEnergy(0.10)).isFalse();
    assertThat(lift.againstEnergy(0)).isFalse();
    assertThat(drop.againstEnergy(0.10)).isTrue();
    assertThat(drop.againstEnergy(-0.10)).isFalse();
    assertThat(DEFAULTS.againstEnergy(-0.50)).isFalse();

    assertThat(DEFAULTS.energyScore(0.10)).isCloseTo(0.8, offset(1e-9));
    assertThat(lift.energyScore(0.10)).isEqualTo(1);
    assertThat(lift.energyScore(-0.10)).isZero();
    assertThat(lift.energyScore(0.02)).isCloseTo(0.32, offset(1e-9));
    assertThat(lift.energyScore(0.45)).isCloseTo(0.6, offset(1e-9));
    assertThat(drop.energyScore(-0.10)).isEqualTo(1);
  }

  /**
   * A whole transition under lift: 124 BPM, 8A, energy 0.60 → 126, 9A, 0.70 mixes; the same track
   * at 0.50 brings the energy down and does not. Unknown parts are left out and do not stop a mix.
   */
  @Test
  void aTransitionMixesWhenEveryKnownPartDoes() {
    MixPolicy lift = policy(true, true, false, MixOptions.Energy.LIFT);
    Deck seed = new Deck(124.0, Key.parse("8A"), 0.60);
    MixPolicy.Transition up = lift.between(seed, new Deck(126.0, Key.parse("9A"), 0.70));
    assertThat(up.tempo().percent()).isEqualTo(1.6);
    assertThat(up.move()).isEqualTo(KeyMove.ADJACENT);
    assertThat(up.heard()).isEqualTo(Key.parse("9A"));
    assertThat(up.energyChange()).isCloseTo(0.10, offset(1e-9));
    assertThat(up.mixes()).isTrue();

    assertThat(lift.between(seed, new Deck(126.0, Key.parse("9A"), 0.50)).mixes()).isFalse();

    MixPolicy.Transition unknown = lift.between(seed, new Deck(null, null, null));
    assertThat(unknown).isEqualTo(new MixPolicy.Transition(null, null, null, null, true));
  }

  /**
   * 125 BPM at ±6 %: 125·0.94 = 117.5 → 118 and 125·1.06 = 132.5 → 133; at ×2 250·0.94 = 235 and
   * 250·1.06 = 265; at ×½ 62.5·0.94 = 58.75 → 59 and 62.5·1.06 = 66.25 → 66. From 8A with key lock
   * on the keys that mix are 8A, 7A, 9A, 8B, 10A (+2) and 3A (+7), with the diagonal 7B and 9B too
   * when allowed; with key lock off the key heard depends on the tempo, so any key may.
   */
  @Test
  void theFilterForAnIndex() {
    MixPolicy.Filter f = DEFAULTS.filter(new Deck(125.0, Key.parse("8A"), 0.6));
    assertThat(f.bpms())
        .containsExactly(new WholeBpms(118, 133), new WholeBpms(235, 265), new WholeBpms(59, 66));
    assertThat(f.keys())
        .extracting(Key::camelot)
        .containsExactlyInAnyOrder("8A", "7A", "9A", "8B", "10A", "3A");
    assertThat(f.boundsEnergy()).isFalse();

    assertThat(policy(false, true, false, MixOptions.Energy.KEEP).filter(deck(125.0, null)).bpms())
        .containsExactly(new WholeBpms(118, 133));
    assertThat(policy(true, true, true, MixOptions.Energy.KEEP).filter(deck(null, "8A")).keys())
        .extracting(Key::camelot)
        .containsExactlyInAnyOrder("8A", "7A", "9A", "8B", "10A", "3A", "7B", "9B");
    MixPolicy.Filter noLock =
        policy(true, false, false, MixOptions.Energy.LIFT)
            .filter(new Deck(null, Key.parse("8A"), 0.6));
    assertThat(noLock.keys()).isNull();
    assertThat(noLock.bpms()).isNull();
    assertThat(noLock.minEnergy()).isEqualTo(0.6);
    assertThat(noLock.maxEnergy()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(
            policy(true, true, false, MixOptions.Energy.DROP)
                .filter(new Deck(null, null, 0.6))
                .maxEnergy())
        .isEqualTo(0.6);
  }

  /**
   * From a (124, 8A), the costs (tempo gap / 6 % + key rank, +2 for a clash): e (62 in half time,
   * 8A) 0; d (125, 9A) 0.13 + 1; f (unknown tempo, 8B) 1 + 1; b (150, 8A) 3.49; c (126, 2A) 0.27 +
   * 6. Take e; from e the same order (62 ×2 = 124): d. From d (9A): f 1 + 3 (diagonal) = 4 beats b
   * 3.33 + 1 and c 0.13 + 6. From f (8B): b 1 + 1 (relative), then c.
   */
  @Test
  void aMixPathTakesTheSmoothestNextTrack() {
    List<Track> crate =
        List.of(
            track("a", 124.0, "8A"),
            track("b", 150.0, "8A"),
            track("c", 126.0, "2A"),
            track("d", 125.0, "9A"),
            track("e", 62.0, "8A"),
            track("f", null, "8B"));
    assertThat(MixPath.order(crate, DEFAULTS))
        .extracting(Track::id)
        .containsExactly("a", "e", "d", "f", "b", "c");
    assertThat(MixPath.order(List.of(), DEFAULTS)).isEmpty();
  }

  /**
   * The path follows the policy. From a (124, 8A): g (117, 7A) costs 7/124 / 6 % = 0.94 + 1
   * (adjacent) and h (131.4, 3A) 7.4/124 / 6 % = 0.99 + 2 (boost): g first. With key lock off g is
   * heard in 2A (+1.0 semitone), a clash, 0.94 + 6, and h in 8A (−1.0 semitone), perfect, 0.99: h
   * first.
   */
  @Test
  void aMixPathFollowsTheKeyLock() {
    List<Track> crate =
        List.of(track("a", 124.0, "8A"), track("g", 117.0, "7A"), track("h", 131.4, "3A"));
    assertThat(MixPath.order(crate, DEFAULTS)).extracting(Track::id).containsExactly("a", "g", "h");
    assertThat(MixPath.order(crate, policy(true, false, false, MixOptions.Energy.KEEP)))
        .extracting(Track::id)
        .containsExactly("a", "h", "g");
  }
}
