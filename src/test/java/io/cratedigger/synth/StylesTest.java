package io.cratedigger.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StylesTest {

  @Test
  void aFewDozenStylesUnderTheirGenres() {
    assertThat(Styles.all()).hasSizeBetween(30, 40);
    Map<String, Integer> perGenre = new HashMap<>();
    for (StyleProfile s : Styles.all()) {
      perGenre.merge(s.genre(), 1, Integer::sum);
      assertThat(Styles.indexOf(s.name())).isEqualTo(Styles.all().indexOf(s));
      for (String n : s.neighbours()) {
        assertThat(n).isNotEqualTo(s.name());
        assertThat(Styles.byName(n)).isNotNull();
      }
    }
    assertThat(perGenre)
        .containsKeys(
            "Electronic", "Funk / Soul", "Hip Hop", "Rock", "Jazz", "Reggae", "Pop", "Latin");
    assertThat(perGenre.get("Electronic")).isGreaterThanOrEqualTo(15);
  }

  @Test
  void tempoRangesMatchWhatDjsQuote() {
    assertThat(Styles.byName("Tech House").bpm().min()).isEqualTo(122);
    assertThat(Styles.byName("Techno").bpm().max()).isEqualTo(140);
    assertThat(Styles.byName("Trance").bpm().min()).isEqualTo(132);
    assertThat(Styles.byName("Dubstep").bpm().accepts(70)).isTrue(); // half-time
    assertThat(Styles.byName("Dubstep").bpm().accepts(100)).isFalse();
    assertThat(Styles.byName("Drum n Bass").bpm().accepts(87)).isFalse(); // never counted half
    assertThat(Styles.byName("Trap").bpm().accepts(68.5)).isTrue();
    assertThat(Styles.byName("Ambient").bpm().max()).isLessThan(110);
    assertThat(Styles.byName("Downtempo").bpm().max()).isLessThan(110);
  }

  @Test
  void eraYearsStayInsideTheEra() {
    SplittableRandom rng = new SplittableRandom(3);
    StyleProfile.Era dubstep = Styles.byName("Dubstep").era();
    StyleProfile.Era disco = Styles.byName("Disco").era();
    int discoSeventies = 0;
    for (int i = 0; i < 5_000; i++) {
      assertThat(dubstep.sample(rng)).isBetween(2006, StyleProfile.LAST_YEAR);
      int y = disco.sample(rng);
      assertThat(y).isBetween(1975, StyleProfile.LAST_YEAR);
      discoSeventies += y < 1980 ? 1 : 0;
    }
    // The peak share (45 %) sits around 1978, so well over a third of disco is from the 70s.
    assertThat(discoSeventies).isGreaterThan(5_000 / 3);
  }

  @Test
  void unknownStyleIsNamedInTheError() {
    assertThatThrownBy(() -> Styles.byName("Polka"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Polka");
  }
}
