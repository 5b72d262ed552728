package io.cratedigger.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.cratedigger.track.Fingerprint;
import io.cratedigger.track.Key;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each reranker with its expected numbers worked out by hand. */
class RerankersTest {

  static Candidate cand(
      String id,
      Double bpm,
      String key,
      Double energy,
      String song,
      String release,
      String... artists) {
    double[] attrs = new double[14];
    Arrays.fill(attrs, Double.NaN);
    return new Candidate(
        0,
        () -> id,
        bpm,
        key == null ? null : Key.parse(key),
        energy,
        -1,
        Fingerprint.of(song),
        Fingerprint.of(release),
        Arrays.stream(artists).mapToLong(Fingerprint::of).toArray(),
        null,
        attrs);
  }

  static RankContext ctx(Double bpm, String key, Double energy, MixOptions opt) {
    return new RankContext(
        bpm,
        key == null ? null : Key.parse(key),
        energy,
        -1,
        Fingerprint.of(Set.of("seedrelease")),
        Fingerprint.of(Set.of("Seed Artist")),
        List.of(),
        MixPolicy.of(opt),
        Weights.defaults());
  }

  static MixOptions opts(boolean keyLock, boolean diagonal, MixOptions.Energy energy) {
    return new MixOptions(0.06, true, keyLock, diagonal, false, energy, 2, 1, 0);
  }

  /**
   * 124 → 126 BPM: gap 2/124 = 1.613 %; score 1 − 0.01613 / 0.12 = 0.8656, inside ±6 %. 124 → 63
   * BPM: ×2 = 126, the same gap, "half time". 124 → 133: gap 7.26 % > 6 %: breaks the rule; score 1
   * − 0.0726/0.12 = 0.395.
   */
  @Test
  void tempo() {
    Candidate a = cand("a", 126.0, null, null, "a", "");
    Candidate half = cand("h", 63.0, null, null, "h", "");
    Candidate far = cand("f", 133.0, null, null, "f", "");
    Candidate unknown = cand("u", null, null, null, "u", "");
    new TempoReranker()
        .rerank(
            new ArrayList<>(List.of(a, half, far, unknown)),
            ctx(124.0, null, null, MixOptions.defaults()));
    assertThat(a.components().get(Component.TEMPO)).isCloseTo(0.8656, offset(1e-4));
    assertThat(a.reasons()).containsExactly("124 → 126 BPM, +1.6 %");
    assertThat(a.mixable()).isTrue();
    assertThat(half.components().get(Component.TEMPO)).isCloseTo(0.8656, offset(1e-4));
    assertThat(half.reasons()).containsExactly("124 → 63 BPM (half time), +1.6 %");
    assertThat(far.components().get(Component.TEMPO)).isCloseTo(0.3952, offset(1e-4));
    assertThat(far.mixable()).isFalse();
    assertThat(far.reasons()).containsExactly("124 → 133 BPM, +7.3 %, outside ±6 %");
    assertThat(unknown.components()).doesNotContainKey(Component.TEMPO);
    assertThat(unknown.reasons()).containsExactly("BPM unknown");
    assertThat(unknown.mixable()).isTrue();
  }

  /**
   * From 8A: 9A adjacent 0.8, 8B relative 0.8, 3A boost 0.6, 9B diagonal 0.1 (not allowed), 2A
   * clash 0.
   */
  @Test
  void keyAsReleased() {
    Candidate adj = cand("adj", 124.0, "9A", null, "1", "");
    Candidate rel = cand("rel", 124.0, "8B", null, "2", "");
    Candidate boost = cand("boost", 124.0, "3A", null, "3", "");
    Candidate diag = cand("diag", 124.0, "9B", null, "4", "");
    Candidate clash = cand("clash", 124.0, "2A", null, "5", "");
    new KeyReranker()
        .rerank(
            new ArrayList<>(List.of(adj, rel, boost, diag, clash)),
            ctx(124.0, "8A", null, MixOptions.defaults()));
    assertThat(adj.components()).containsEntry(Component.KEY, 0.8);
    assertThat(adj.reasons()).containsExactly("8A → 9A, adjacent key");
    assertThat(rel.components()).containsEntry(Component.KEY, 0.8);
    assertThat(boost.components()).containsEntry(Component.KEY, 0.6);
    assertThat(boost.reasons()).containsExactly("8A → 3A, energy boost (+7) key");
    assertThat(diag.components()).containsEntry(Component.KEY, 0.1);
    assertThat(diag.mixable()).isFalse();
    assertThat(diag.reasons()).containsExactly("8A → 9B, diagonal move (not allowed)");
    assertThat(clash.components()).containsEntry(Component.KEY, 0.0);
    assertThat(clash.reasons()).containsExactly("8A → 2A, keys clash");
  }

  /**
   * Key lock off: seed 8A at 124 BPM. A 7A track (G minor... no: 7A is D minor) at 117 BPM is
   * played at 124: ratio 124/117 = 1.0598, 12·log2(1.0598) = 1.006 semitones up: D minor → Eb minor
   * = 2A, a clash with 8A although 7A as released is adjacent. A 3A track (Bb minor) at 131.4 BPM
   * played at 124: ratio 0.9437, −1.002 semitones: A minor = 8A, perfect.
   */
  @Test
  void keyHeardAfterBeatMatching() {
    Candidate adjacentButPitched = cand("p", 117.0, "7A", null, "1", "");
    Candidate boostBecomesPerfect = cand("q", 131.4, "3A", null, "2", "");
    MixOptions noLock = opts(false, false, MixOptions.Energy.KEEP);
    new KeyReranker()
        .rerank(
            new ArrayList<>(List.of(adjacentButPitched, boostBecomesPerfect)),
            ctx(124.0, "8A", null, noLock));
    assertThat(adjacentButPitched.components()).containsEntry(Component.KEY, 0.0);
    assertThat(adjacentButPitched.reasons())
        .containsExactly("8A → 2A, keys clash (7A as released, heard as 2A once beat-matched)");
    assertThat(boostBecomesPerfect.components()).containsEntry(Component.KEY, 1.0);
    assertThat(boostBecomesPerfect.reasons())
        .containsExactly("8A → 8A, perfect key (3A as released, heard as 8A once beat-matched)");
  }

  /**
   * Keep: 1 − 2·|Δ|: 0.60 → 0.70 gives 0.8 (the scores of each direction: {@link MixPolicyTest}).
   * Lift: 0.60 → 0.50 goes against it and breaks the rule.
   */
  @Test
  void energy() {
    Candidate c = cand("c", null, null, 0.70, "c", "");
    new EnergyReranker()
        .rerank(new ArrayList<>(List.of(c)), ctx(null, null, 0.60, MixOptions.defaults()));
    assertThat(c.components().get(Component.ENERGY)).isCloseTo(0.8, offset(1e-9));
    assertThat(c.reasons()).containsExactly("lifts the energy (0.60 → 0.70)");
    Candidate fall = cand("f", null, null, 0.50, "f", "");
    new EnergyReranker()
        .rerank(
            new ArrayList<>(List.of(fall)),
            ctx(null, null, 0.60, opts(true, false, MixOptions.Energy.LIFT)));
    assertThat(fall.components()).containsEntry(Component.ENERGY, 0.0);
    assertThat(fall.mixable()).isFalse();
    assertThat(fall.reasons())
        .containsExactly("brings the energy down (0.60 → 0.50), against lift");
  }

  /**
   * Weighted mean over present components with the default weights: sound 0.8 (w 0.50), tempo 0.5
   * (w 0.03): (0.40 + 0.015) / 0.53 = 0.783019. RRF: ranks 1 and 3: (1/61 + 1/63) / (2/61) =
   * 0.9841.
   */
  @Test
  void scoreAndFusion() {
    Map<Component, Double> w = Weights.defaults().byComponent();
    assertThat(ScoreReranker.weightedMean(Map.of(Component.SOUND, 0.8, Component.TEMPO, 0.5), w))
        .isCloseTo(0.783019, offset(1e-6));
    assertThat(ScoreReranker.rrf(1, 3)).isCloseTo(0.9841, offset(1e-4));
    assertThat(ScoreReranker.rrf(0, 1)).isCloseTo(0.5, offset(1e-9));
  }

  /** Mixable first whatever the score; the seed's release keeps 85 %; ties by id. */
  @Test
  void orderPutsMixableFirstAndPenalisesTheSeedsRelease() {
    Candidate fill = cand("z-fill", 150.0, "8A", null, "1", "");
    fill.component(Component.SOUND, 1.0);
    Candidate good = cand("b-good", 124.0, "8A", null, "2", "");
    good.component(Component.SOUND, 0.5);
    Candidate sameRelease = cand("a-same", 124.0, "8A", null, "3", "seedrelease");
    sameRelease.component(Component.SOUND, 0.5);
    RankContext c = ctx(124.0, "8A", null, MixOptions.defaults());
    List<Candidate> list = new ArrayList<>(List.of(fill, good, sameRelease));
    new TempoReranker().rerank(list, c);
    list = new ScoreReranker().rerank(list, c);
    assertThat(list).extracting(Candidate::id).containsExactly("b-good", "a-same", "z-fill");
    assertThat(sameRelease.score()).isCloseTo(good.score() * 0.85, offset(1e-9));
    assertThat(sameRelease.reasons()).contains("from the seed's own release");
  }

  @Test
  void versionsAndDiversity() {
    Candidate a1 = cand("1", null, null, null, "artist a|song", "r1", "A");
    Candidate a1radio = cand("2", null, null, null, "artist a|song", "r2", "A");
    Candidate a2 = cand("3", null, null, null, "artist a|other", "r3", "A");
    Candidate a3 = cand("4", null, null, null, "artist a|third", "r4", "A");
    Candidate sameRel = cand("5", null, null, null, "b|x", "r5", "B");
    Candidate sameRel2 = cand("6", null, null, null, "b|y", "r5", "B");
    Candidate seedArtist1 = cand("7", null, null, null, "s|1", "", "Seed Artist");
    Candidate seedArtist2 = cand("8", null, null, null, "s|2", "", "Seed Artist");
    RankContext c = ctx(null, null, null, MixOptions.defaults());
    List<Candidate> list =
        new ArrayList<>(List.of(a1, a1radio, a2, a3, sameRel, sameRel2, seedArtist1, seedArtist2));
    list = new VersionReranker().rerank(list, c);
    assertThat(list).extracting(Candidate::id).containsExactly("1", "3", "4", "5", "6", "7", "8");
    list = new DiversityReranker().rerank(list, c);
    // 2 per artist, 1 per release, 1 for the seed's own artist
    assertThat(list).extracting(Candidate::id).containsExactly("1", "3", "5", "7");
  }
}
