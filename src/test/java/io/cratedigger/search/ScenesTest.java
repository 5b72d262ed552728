package io.cratedigger.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.cratedigger.Fixtures;
import io.cratedigger.index.LiveIndex;
import io.cratedigger.model.SceneModel;
import io.cratedigger.rank.Weights;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sources that meet: src/test/resources/scenes/ holds a Discogs collection (styles "Techno", "Tech
 * House", "Deep House", "Swing", two "Various Artists" compilations) and a Beatport chart (genres
 * "Techno (Peak Time / Driving)", "Techno (Raw / Deep / Hypnotic)", "Tech House"), indexed
 * together. Too few tracks for a sound model: scene, tempo and key decide.
 */
class ScenesTest {
  @TempDir static Path tmp;
  static LiveIndex live;
  static final Recommender ENGINE = new Recommender(Weights.defaults());

  @BeforeAll
  static void index() throws Exception {
    live =
        LiveIndex.open(
            Fixtures.build(
                tmp.resolve("index"), 2, List.of(fixture("discogs.csv"), fixture("beatport.csv"))));
  }

  static Path fixture(String name) throws Exception {
    return Path.of(ScenesTest.class.getResource("/scenes/" + name).toURI());
  }

  @AfterAll
  static void close() throws Exception {
    live.close();
  }

  static Recommendations similar(String id) throws Exception {
    return live.search((s, g) -> ENGINE.recommend(s, g, RecommendRequest.similar(id, 10), false));
  }

  static List<String> artists(Recommendations r) {
    return r.results().stream().map(x -> x.track().artists().getFirst()).toList();
  }

  static String beatportId(String artistAndTitle) throws Exception {
    return live.search(
        (s, g) -> new TrackLookup().search(s, artistAndTitle, 1).getFirst().track().id());
  }

  @Test
  void aDiscogsTechnoSeedGetsBeatportTechno() throws Exception {
    Recommendations r = similar("100001_A1"); // Surgeon, Klonk: Techno, 130 BPM, 8A
    assertThat(artists(r))
        .containsExactly(
            "Various Artists",
            "Various Artists",
            "Reset Robot",
            "Amelie Lens",
            "Blawan",
            "Robert Hood",
            "ANNA",
            "Charlotte de Witte",
            "Surgeon",
            "Mandar");
    var amelie = r.results().get(3);
    assertThat(amelie.track().styles()).containsExactly("Techno (Peak Time / Driving)");
    assertThat(amelie.reasons()).first().isEqualTo("shares Techno");
    // Swing mixes (128 BPM, 8A) but is another scene: it does not make the ten
    assertThat(artists(r)).doesNotContain("Count Basie");
    // Tech House is not Techno, but the catalog puts it near: part of the scene score, in words
    assertThat(r.results().getLast().reasons())
        .contains("shares the genre Electronic", "Tech House, near Techno");
  }

  @Test
  void aBeatportTechnoSeedGetsDiscogsTechno() throws Exception {
    Recommendations r = similar(beatportId("Amelie Lens Feel It"));
    assertThat(artists(r))
        .containsExactly(
            "Charlotte de Witte",
            "Surgeon",
            "Various Artists",
            "Robert Hood",
            "Reset Robot",
            "Various Artists",
            "Blawan",
            "ANNA");
    assertThat(r.results().getFirst().reasons())
        .first()
        .isEqualTo("shares Techno (Peak Time / Driving)");
    assertThat(r.results().get(1).reasons()).first().isEqualTo("shares Techno");
  }

  @Test
  void variousArtistsIsNoOne() throws Exception {
    Recommendations r = similar("100009_A1"); // Various Artists, Warehouse Tool
    assertThat(r.results())
        .allSatisfy(x -> assertThat(String.join(";", x.reasons())).doesNotContain("also by"));
    // the other compilation is not capped as "the seed's artist": both comps may appear
    assertThat(artists(r)).contains("Various Artists");
  }

  @Test
  void nearStylesAreLearnedFromTheCatalog() throws Exception {
    SceneModel m = live.search((s, g) -> g.scenes());
    // Tech House and Techno share the release "Live And Direct" and the artist Reset Robot
    assertThat(m.similarity("techno", "tech house")).isEqualTo(0.189);
    assertThat(m.similarity("house", "deep house")).isEqualTo(0.471);
    assertThat(m.similarity("techno", "swing")).isZero();
    assertThat(m.similarity("techno peak time driving", "techno")).isEqualTo(0.5);
    assertThat(m.name("techno peak time driving")).isEqualTo("Techno (Peak Time / Driving)");
    assertThat(m.name("techno")).isEqualTo("Techno");
  }

  /**
   * A rebuild learns the scenes from the tracks as it reads them (so a cluster's generation gets
   * them too); an index without a stored model learns them from its documents. Same model.
   */
  @Test
  void theRebuildLearnsWhatTheIndexWouldTeach() throws Exception {
    SceneModel stored = live.search((s, g) -> g.scenes());
    SceneModel fromIndex = live.search((s, g) -> SceneModel.learn(s.getIndexReader()));
    assertThat(stored.near()).isNotEmpty().isEqualTo(fromIndex.near());
    assertThat(stored.display()).isNotEmpty().isEqualTo(fromIndex.display());
  }
}
