package io.cratedigger.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FingerprintTest {
  /**
   * Fingerprints are written into indexes: these values must never change, or every index built
   * before the change would group versions, releases and artists wrongly.
   */
  @Test
  void valuesArePinned() {
    assertThat(Fingerprint.of("deadmau5|strobe")).isEqualTo(-4261950178723628566L);
    assertThat(Fingerprint.of("Aphex Twin")).isEqualTo(-5710946460578572522L);
  }

  @Test
  void emptyIsNoneAndCaseCounts() {
    assertThat(Fingerprint.of("")).isZero();
    assertThat(Fingerprint.of((String) null)).isZero();
    assertThat(Fingerprint.of("Deadmau5|strobe")).isNotEqualTo(Fingerprint.of("deadmau5|strobe"));
    assertThat(Fingerprint.of(List.of("", "Aphex Twin", "Aphex Twin")))
        .containsExactly(-5710946460578572522L);
  }

  @Test
  void versionsOfOneSongShareTheFingerprintOfTheirSongKey() {
    Track strobe = Track.builder("1", "Strobe").artists(List.of("deadmau5")).build();
    Track edit = Track.builder("2", "Strobe (Radio Edit)").artists(List.of("deadmau5")).build();
    assertThat(Fingerprint.of(Versions.songKey(edit)))
        .isEqualTo(Fingerprint.of(Versions.songKey(strobe)))
        .isEqualTo(-4261950178723628566L);
  }
}
