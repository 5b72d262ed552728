package io.cratedigger.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.cratedigger.track.AudioFeature;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterNamerTest {

  private static final List<AudioFeature> F = List.of(AudioFeature.values());

  /**
   * Centroid z-scores in feature order: dance, energy, valence, acoustic, instr, live, speech,
   * loud.
   */
  private static double[] z(double... values) {
    return values;
  }

  @Test
  void mostDistinctiveFirstAndAThirdWordOnlyWhenItStandsOut() {
    List<String> names =
        ClusterNamer.names(
            F,
            List.of(
                // energy +2.0, valence -1.5, instrumental +0.9: three words
                z(0.1, 2.0, -1.5, 0.0, 0.9, 0.0, 0.0, 0.3),
                // acoustic +1.2, energy -0.4; the next (+0.3) is below 0.5 sd: two words
                z(0.0, -0.4, 0.1, 1.2, 0.3, 0.0, 0.0, -0.2)));
    assertThat(names).containsExactly("high energy, dark, instrumental", "acoustic, calm");
  }

  @Test
  void energyAndLoudnessSaySameThingOnce() {
    // loudness +1.8 outranks energy +1.5: "loud" speaks, "high energy" is dropped.
    List<String> names = ClusterNamer.names(F, List.of(z(0.7, 1.5, 0.0, 0.0, 0.0, 0.0, 0.0, 1.8)));
    assertThat(names).containsExactly("loud, danceable");
  }

  @Test
  void lowLivenessAndLowSpeechinessAreNotNews() {
    List<String> names =
        ClusterNamer.names(F, List.of(z(0.0, 0.0, 0.6, 0.0, 0.0, -2.0, -1.9, 0.0)));
    assertThat(names).containsExactly("bright, danceable");
  }

  @Test
  void clashingNamesGetAnotherWordThenANumber() {
    List<String> names =
        ClusterNamer.names(
            F,
            List.of(
                z(0.0, 1.0, -0.9, 0.0, 0.2, 0.0, 0.0, 0.0),
                z(0.0, 1.1, -0.8, 0.0, -0.1, 0.0, 0.0, 0.0),
                z(0.0, 1.2, -1.0, 0.0, 0.0, 0.0, 0.0, 0.0),
                z(0.0, 1.3, -1.1, 0.0, 0.0, 0.0, 0.0, 0.0)));
    // All would be "high energy, dark". Third words: instrumental (0.2), vocal (-0.1), and for
    // the last two danceable (0.0, the first feature on a tie), so they take (2).
    assertThat(names)
        .containsExactly(
            "high energy, dark, instrumental",
            "high energy, dark, vocal",
            "high energy, dark, danceable",
            "high energy, dark, danceable (2)");
  }
}
