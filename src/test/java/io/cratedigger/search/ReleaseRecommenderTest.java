package io.cratedigger.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cratedigger.Fixtures;
import io.cratedigger.discogs.DiscogsRelease;
import io.cratedigger.discogs.DiscogsTrack;
import io.cratedigger.index.LiveIndex;
import io.cratedigger.rank.Weights;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Discogs release matched to the fixture catalog of RecommenderTest, without the network. */
class ReleaseRecommenderTest {
  static final ReleaseRecommender ENGINE =
      new ReleaseRecommender(new Recommender(Weights.defaults()));

  @TempDir static Path tmp;
  static LiveIndex live;

  @BeforeAll
  static void index() throws Exception {
    live = Fixtures.similarIndex(tmp.resolve("index"));
  }

  @AfterAll
  static void close() throws Exception {
    live.close();
  }

  static DiscogsTrack track(String pos, String title) {
    return new DiscogsTrack(pos, title, List.of(), "6:00");
  }

  static ReleaseRecommender.Answer run(DiscogsRelease r) throws Exception {
    return live.search((s, g) -> ENGINE.recommend(new LuceneTracks(s, g), r, 8));
  }

  @Test
  void tracksInTheCatalogAreTheSeedsAndNeverTheAnswers() throws Exception {
    DiscogsRelease ep =
        new DiscogsRelease(
            1,
            "Black Lantern EP",
            List.of("Nadia Voss"),
            List.of("Drumcode"),
            List.of("Electronic"),
            List.of("Techno"),
            2015,
            List.of(
                track("A1", "Black Lantern (Original Mix)"),
                track("A2", "Cold Meridian"),
                track("B1", "Unreleased Dub")),
            "https://www.discogs.com/release/1");
    var a = run(ep);
    assertThat(a.matches())
        .extracting(ReleaseRecommender.Match::how)
        .containsExactly("exact", "exact", "none");
    assertThat(a.matches().get(0).matched().id()).isIn("te01", "te01-edit", "te01-remix");
    assertThat(a.matches().get(1).matched().id()).isEqualTo("te02");
    assertThat(a.basis())
        .isEqualTo("2 of the release's 3 tracks are in the catalog: recommended from them");
    assertThat(a.forRelease().results()).hasSize(8);
    assertThat(a.forRelease().results())
        .extracting(x -> x.track().id())
        .doesNotContain("te01", "te01-edit", "te01-remix", "te02");
    assertThat(a.perTrack()).hasSize(2);
    a.perTrack()
        .values()
        .forEach(
            r ->
                assertThat(r.results())
                    .extracting(x -> x.track().id())
                    .doesNotContain("te01", "te02"));
  }

  @Test
  void aReleaseOutsideTheCatalogIsRecommendedFromItsStyles() throws Exception {
    DiscogsRelease other =
        new DiscogsRelease(
            2,
            "Liquid Nights",
            List.of("Someone Unknown"),
            List.of("Tiny Label"),
            List.of("Electronic"),
            List.of("Drum n Bass", "Jungle"),
            2020,
            List.of(track("A", "Night Bus")),
            null);
    var a = run(other);
    assertThat(a.matches()).extracting(ReleaseRecommender.Match::how).containsExactly("none");
    assertThat(a.basis())
        .isEqualTo(
            "no track of the release is in the catalog: recommended from its styles Drum n Bass, 2015–2025");
    assertThat(a.forRelease().results())
        .isNotEmpty()
        .allSatisfy(x -> assertThat(x.track().styles()).contains("Drum n Bass"));
  }

  @Test
  void nothingInCommonSaysSo() {
    DiscogsRelease polka =
        new DiscogsRelease(
            3,
            "Polka Party",
            List.of("Nobody"),
            List.of(),
            List.of("Folk, World, & Country"),
            List.of("Polka"),
            1970,
            List.of(track("A", "Oompah")),
            null);
    assertThatThrownBy(() -> run(polka))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no track, artist, style or genre of \"Polka Party\" is in the catalog");
  }
}
