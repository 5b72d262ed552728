package io.cratedigger.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NameGeneratorTest {

  private final NameGenerator names = new NameGenerator();

  @Test
  void artistNamesFitTheirScene() {
    SplittableRandom rng = new SplittableRandom(11);
    StyleProfile techno = Styles.byName("Techno");
    StyleProfile trap = Styles.byName("Trap");
    StyleProfile rock = Styles.byName("Indie Rock");
    Set<String> prefixes = new HashSet<>();
    for (int i = 0; i < 2_000; i++) {
      String club = names.artist(techno, rng);
      String hipHop = names.artist(trap, rng);
      String band = names.artist(rock, rng);
      if (club.startsWith("DJ ")) {
        prefixes.add("DJ");
      }
      if (hipHop.startsWith("Lil ")) {
        prefixes.add("Lil");
      }
      if (band.startsWith("The ")) {
        prefixes.add("The");
      }
      assertThat(band).doesNotStartWith("DJ ");
      for (String n : new String[] {club, hipHop, band}) {
        assertThat(n).isEqualTo(n.strip()).doesNotContain("  ");
        assertThat(Character.isUpperCase(n.charAt(0))).as(n).isTrue();
      }
    }
    assertThat(prefixes).containsExactlyInAnyOrder("DJ", "Lil", "The");
  }

  @Test
  void titlesHaveOneToFourWordsAndVary() {
    SplittableRandom rng = new SplittableRandom(12);
    Set<String> distinct = new HashSet<>();
    for (int i = 0; i < 5_000; i++) {
      String t = names.title(StyleProfile.Scene.CLUB, rng);
      assertThat(t.split(" ")).hasSizeBetween(1, 4);
      distinct.add(t);
    }
    assertThat(distinct.size()).isGreaterThan(2_500);
  }

  @Test
  void syllableWordsAreAtLeastThreeLettersAndNeverBlocked() {
    SplittableRandom rng = new SplittableRandom(13);
    for (int i = 0; i < 20_000; i++) {
      String w = names.label(Styles.byName("House"), rng);
      assertThat(w.length()).isGreaterThanOrEqualTo(3);
      assertThat(w.toLowerCase(java.util.Locale.ROOT)).doesNotContain("fuk", "cunt");
    }
  }
}
