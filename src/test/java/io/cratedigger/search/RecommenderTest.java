package io.cratedigger.search;

import static io.cratedigger.rank.Component.CLUSTER;
import static io.cratedigger.rank.Component.ENERGY;
import static io.cratedigger.rank.Component.KEY;
import static io.cratedigger.rank.Component.SCENE;
import static io.cratedigger.rank.Component.SOUND;
import static io.cratedigger.rank.Component.TARGET;
import static io.cratedigger.rank.Component.TEMPO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cratedigger.index.LiveIndex;
import io.cratedigger.rank.MixOptions;
import io.cratedigger.rank.Weights;
import io.cratedigger.track.KeyMove;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on src/test/resources/similar/catalog.csv: 63 tracks in four scenes of 15 (techno te*,
 * deep house ho*, drum and bass dn*, boom bap hi*), two versions of te01 and one techno track
 * without audio features (te-nofeat). Exact ranked ids for several seeds and options.
 */
class RecommenderTest {
  @TempDir static Path tmp;
  static LiveIndex live;
  static final Recommender ENGINE = new Recommender(Weights.defaults());

  @BeforeAll
  static void index() throws Exception {
    live = io.cratedigger.Fixtures.similarIndex(tmp.resolve("index"));
  }

  @AfterAll
  static void close() throws Exception {
    live.close();
  }

  static Recommendations run(RecommendRequest req) throws Exception {
    return live.search((s, g) -> ENGINE.recommend(s, g, req, true));
  }

  static Recommendations similar(String id, int limit) throws Exception {
    return run(RecommendRequest.similar(id, limit));
  }

  static List<String> ids(Recommendations r) {
    return r.results().stream().map(x -> x.track().id()).toList();
  }

  static RecommendRequest withOptions(String id, int limit, MixOptions opt, Weights.Fusion fusion) {
    return new RecommendRequest(
        List.of(id), List.of(), List.of(), limit, Filters.none(), Map.of(), opt, fusion);
  }

  @Test
  void technoSeedGetsMixableTechnoWithoutItsOwnVersions() throws Exception {
    Recommendations r = similar("te01", 6);
    assertThat(ids(r)).containsExactly("te13", "te06", "te15", "te11", "te04", "te10");
    assertThat(r.seed().id()).isEqualTo("te01");
    var first = r.results().getFirst();
    assertThat(first.mixable()).isTrue();
    assertThat(first.components()).containsKeys(SOUND, SCENE, TEMPO, KEY, ENERGY, CLUSTER);
    assertThat(first.reasons())
        .containsExactly(
            "very similar sound",
            "shares Techno",
            "same label (Drumcode)",
            "128 → 129 BPM, +0.8 %",
            "8A → 8A, perfect key",
            "keeps the energy (0.85 → 0.82)");
    assertThat(r.results()).allSatisfy(x -> assertThat(x.score()).isBetween(0.0, 1.0));
    assertThat(r.results())
        .extracting(Recommendations.Recommendation::score)
        .isSortedAccordingTo((a, b) -> Double.compare(b, a));
    assertThat(similar("te01", 50).results())
        .extracting(x -> x.track().id())
        .doesNotContain("te01", "te01-remix", "te01-edit");
  }

  @Test
  void otherScenes() throws Exception {
    assertThat(ids(similar("dn03", 6)))
        .containsExactly("dn07", "dn01", "dn11", "dn15", "dn05", "dn09");
    assertThat(ids(similar("hi05", 6)))
        .containsExactly("hi10", "hi15", "hi11", "hi03", "hi13", "hi01");
  }

  @Test
  void seedWithoutFeaturesIsMatchedOnSceneTempoAndKey() throws Exception {
    Recommendations r = similar("te-nofeat", 6);
    assertThat(ids(r)).containsExactly("te15", "te09", "te03", "te05", "te11", "te02");
    assertThat(r.stats().knnPool()).isZero();
    assertThat(r.results().getFirst().components()).doesNotContainKey(SOUND);
  }

  @Test
  void candidateWithoutFeaturesSaysSo() throws Exception {
    // a house seed: the other scenes come after the mixable house tracks
    assertThat(ids(similar("ho01", 6)))
        .containsExactly("ho13", "ho05", "ho10", "ho02", "te03", "te12");
    // te-nofeat shares the techno scene, tempo and key with te01 but has no sound to compare
    var noFeatures =
        similar("te01", 20).results().stream()
            .filter(x -> x.track().id().equals("te-nofeat"))
            .findFirst()
            .orElseThrow();
    assertThat(noFeatures.components()).doesNotContainKey(SOUND).containsKeys(SCENE, TEMPO, KEY);
    assertThat(noFeatures.reasons()).contains("no audio features: matched on style, tempo and key");
  }

  @Test
  void reciprocalRankFusionAndEnergyLift() throws Exception {
    assertThat(ids(run(withOptions("te01", 6, MixOptions.defaults(), Weights.Fusion.RRF))))
        .containsExactly("te13", "te04", "te10", "te06", "te07", "te11");
    MixOptions lift =
        new MixOptions(0.06, true, true, false, false, MixOptions.Energy.LIFT, 2, 1, 0);
    // te13 (0.822) and te06 (0.81) bring the energy of te01 (0.847) down: under lift they do not
    // mix; te15 (0.847) keeps it, which lift allows
    Recommendations lifted = run(withOptions("te01", 6, lift, null));
    assertThat(ids(lifted)).containsExactly("te04", "te11", "te15", "te07", "te10", "te05");
    assertThat(lifted.results())
        .allSatisfy(
            x -> {
              assertThat(x.mixable()).isTrue();
              assertThat(x.track().energy()).isGreaterThanOrEqualTo(0.847);
            });
    MixOptions liftNoCaps =
        new MixOptions(0.06, true, true, false, false, MixOptions.Energy.LIFT, 100, 100, 0);
    Recommendations all = run(withOptions("te01", 50, liftNoCaps, null));
    var te13 =
        all.results().stream().filter(x -> x.track().id().equals("te13")).findFirst().orElseThrow();
    assertThat(te13.mixable()).isFalse();
    assertThat(te13.reasons()).contains("brings the energy down (0.85 → 0.82), against lift");
  }

  /**
   * Key lock off, seed te01 (128 BPM, 8A). te14 (132 BPM, 9A, adjacent as released) is played 3.1 %
   * slower: 12·log2(128/132) = −0.53 semitones, rounded −1: heard in 2A, a clash, and the result
   * says so in its key move as in its reasons. te08 (132, 10A) is heard in 3A, an energy boost.
   */
  @Test
  void withKeyLockOffEachResultCarriesTheMoveAsHeard() throws Exception {
    MixOptions noLock =
        new MixOptions(0.06, true, false, false, false, MixOptions.Energy.KEEP, 100, 100, 0);
    Recommendations r = run(withOptions("te01", 50, noLock, null));
    var te14 =
        r.results().stream().filter(x -> x.track().id().equals("te14")).findFirst().orElseThrow();
    assertThat(te14.keyMove()).isEqualTo(KeyMove.CLASH);
    assertThat(te14.bpmChangePct()).isEqualTo(3.1);
    assertThat(te14.mixable()).isFalse();
    assertThat(te14.reasons())
        .contains("8A → 2A, keys clash (9A as released, heard as 2A once beat-matched)");
    var te08 =
        r.results().stream().filter(x -> x.track().id().equals("te08")).findFirst().orElseThrow();
    assertThat(te08.keyMove()).isEqualTo(KeyMove.BOOST_SEMITONE);
    assertThat(te08.mixable()).isTrue();
  }

  static Filters filters(
      List<String> labels,
      List<String> excludeLabels,
      List<String> styles,
      Integer minYear,
      Integer maxYear,
      Map<Attribute, double[]> ranges) {
    return new Filters(
        minYear, maxYear, labels, excludeLabels, styles, List.of(), List.of(), List.of(), ranges);
  }

  static RecommendRequest filtered(String id, Filters f) {
    return new RecommendRequest(
        List.of(id), List.of(), List.of(), 6, f, Map.of(), MixOptions.defaults(), null);
  }

  @Test
  void filtersApplyBeforeRanking() throws Exception {
    // excluding the seed's label: the Drumcode tracks (te13, te10, te04, te07) leave the list,
    // the next techno tracks move up
    Recommendations noDrumcode =
        run(
            filtered(
                "te01", filters(List.of(), List.of("drumcode"), List.of(), null, null, Map.of())));
    assertThat(ids(noDrumcode)).containsExactly("te06", "te15", "te11", "te03", "te08", "te14");
    assertThat(noDrumcode.results())
        .allSatisfy(x -> assertThat(x.track().label()).isNotEqualTo("Drumcode"));
    // excluding a style typed in lower case: the techno tracks without "Minimal" come first
    Filters noMinimal =
        new Filters(
            null,
            null,
            List.of(),
            List.of(),
            List.of(),
            List.of("minimal"),
            List.of(),
            List.of(),
            Map.of());
    Recommendations techOnly = run(filtered("te01", noMinimal));
    assertThat(techOnly.results())
        .allSatisfy(x -> assertThat(x.track().styles()).doesNotContain("Minimal"));
    assertThat(ids(techOnly)).containsExactly("te13", "te04", "te10", "te07", "ho01", "ho13");
    // including one: all results carry it
    Recommendations minimal =
        run(
            filtered(
                "hi05",
                filters(List.of(), List.of(), List.of("INSTRUMENTAL"), null, null, Map.of())));
    assertThat(minimal.results())
        .allSatisfy(x -> assertThat(x.track().styles()).contains("Instrumental"));
    // BPM range and year range
    Map<Attribute, double[]> bpm = new EnumMap<>(Attribute.class);
    bpm.put(Attribute.TEMPO, new double[] {130, 140});
    Recommendations fast =
        run(filtered("te01", filters(List.of(), List.of(), List.of(), 2018, 2022, bpm)));
    assertThat(fast.results())
        .allSatisfy(
            x -> {
              assertThat(x.track().tempo()).isBetween(130.0, 140.0);
              assertThat(x.track().year()).isBetween(2018, 2022);
            });
    assertThat(ids(fast)).containsExactly("te06", "te07", "te12", "te14");
  }

  @Test
  void unknownValuesAndIdsSayWhat() {
    assertThatThrownBy(() -> similar("nope", 5))
        .isInstanceOf(UnknownTrackException.class)
        .hasMessage("no track with id \"nope\" in the catalog");
    assertThatThrownBy(
            () ->
                run(
                    filtered(
                        "te01",
                        filters(List.of("Warp"), List.of(), List.of(), null, null, Map.of()))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no label \"Warp\" in the catalog");
    assertThatThrownBy(() -> RecommendRequest.similar("te01", 0))
        .hasMessage("limit must be 1..100, got 0");
    assertThatThrownBy(
            () ->
                new RecommendRequest(
                    List.of("a", "b", "c"),
                    List.of("d", "e"),
                    List.of("f"),
                    10,
                    null,
                    Map.of(),
                    null,
                    null))
        .hasMessage("give 1..5 seeds in all (seed_tracks, seed_artists, seed_genres), got 6");
    assertThatThrownBy(() -> filters(List.of(), List.of(), List.of(), 2020, 2010, Map.of()))
        .hasMessage("min_year must not exceed max_year, got 2020 > 2010");
  }

  @Test
  void multipleSeedsOfEveryKind() throws Exception {
    var req =
        new RecommendRequest(
            List.of("hi05"),
            List.of("dusty fingers"),
            List.of("boom bap"),
            5,
            Filters.none(),
            Map.of(),
            MixOptions.defaults(),
            null);
    Recommendations r = run(req);
    assertThat(r.seeds())
        .containsExactly(
            new Recommendations.SeedInfo("hi05", "track", 15, 14),
            new Recommendations.SeedInfo("dusty fingers", "artist", 2, 2),
            new Recommendations.SeedInfo("boom bap", "genre", 15, 14));
    // the artist seed pulls its own track hi01 in (one only: a seed artist is capped at one)
    assertThat(ids(r)).containsExactly("hi03", "hi14", "hi01", "hi10", "hi15");
    assertThat(r.results()).allSatisfy(x -> assertThat(x.mixable()).isTrue());
    assertThat(r.results())
        .extracting(Recommendations.Recommendation::score)
        .isSortedAccordingTo((a, b) -> Double.compare(b, a));
  }

  @Test
  void genreSeedWithATargetEnergy() throws Exception {
    var req =
        new RecommendRequest(
            List.of(),
            List.of(),
            List.of("drum n bass"),
            5,
            Filters.none(),
            Map.of(Attribute.ENERGY, 0.95),
            MixOptions.defaults(),
            null);
    Recommendations r = run(req);
    assertThat(r.seed()).isNull();
    assertThat(r.results()).allSatisfy(x -> assertThat(x.track().styles()).contains("Drum n Bass"));
    assertThat(r.results()).allSatisfy(x -> assertThat(x.components()).containsKey(TARGET));
    assertThat(ids(r)).containsExactly("dn15", "dn06", "dn04", "dn08", "dn12");
  }
}
