package io.cratedigger.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SceneTagsTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Techno (Peak Time / Driving)|techno peak time driving, techno",
        "Techno|techno",
        "techno|techno",
        "Drum & Bass|drum and bass",
        "Drum 'n' Bass|drum and bass",
        "Drum n Bass|drum and bass",
        "DnB|drum and bass",
        "Hip-Hop|hip hop",
        "hiphop|hip hop",
        "R&B|r and b",
        "RnB|r and b",
        "Funk / Soul|funk soul, funk, soul",
        "Indie Dance / Nu Disco|indie dance nu disco, indie dance, nu disco",
        "Nu-Disco|nu disco",
        "Melodic House & Techno|melodic house and techno",
        "\"Folk, World, & Country\"|folk world and country",
        "Música Popular Brasileira|musica popular brasileira",
        "uk drill|uk drill",
      })
  void aNameGivesItsTagsMostSpecificFirst(String name, String tags) {
    assertThat(SceneTags.of(name)).containsExactlyElementsOf(List.of(tags.split(", ")));
  }

  @Test
  void blankNamesGiveNoTag() {
    assertThat(SceneTags.of("  ")).isEmpty();
    assertThat(SceneTags.of((String) null)).isEmpty();
    assertThat(SceneTags.of(List.of("Techno", "techno", "TECHNO"))).containsExactly("techno");
  }

  @Test
  void aTracksSceneIsItsStylesOrElseItsGenres() {
    Track discogs =
        Track.builder("1", "Klonk")
            .genres(List.of("Electronic"))
            .styles(List.of("Techno", "Industrial"))
            .build();
    Track spotify = Track.builder("2", "Show Me").genres(List.of("hip hop", "rap")).build();
    assertThat(SceneTags.defining(discogs)).containsExactly("techno", "industrial");
    assertThat(SceneTags.all(discogs)).containsExactly("techno", "industrial", "electronic");
    assertThat(SceneTags.defining(spotify)).containsExactly("hip hop", "rap");
  }

  @Test
  void placeholdersAreNoOne() {
    assertThat(Placeholders.artist("Various Artists")).isTrue();
    assertThat(Placeholders.artist("V/A")).isTrue();
    assertThat(Placeholders.artist("Unknown Artist")).isTrue();
    assertThat(Placeholders.artist("[unknown]")).isTrue();
    assertThat(Placeholders.artist("Various Production")).isFalse();
    assertThat(Placeholders.artist("Surgeon")).isFalse();
    assertThat(Placeholders.label("Not On Label (Aphex Twin Self-released)")).isTrue();
    assertThat(Placeholders.label("Self-Released")).isTrue();
    assertThat(Placeholders.label("Warp Records")).isFalse();
  }
}
