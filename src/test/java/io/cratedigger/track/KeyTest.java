package io.cratedigger.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyTest {

  /**
   * All 24 keys: Spotify pitch class and mode, name, Camelot, Open Key. Camelot by the formula of
   * dj-rules.md, e.g. F# minor: (7·6 + 5) mod 12 = 47 mod 12 = 11 → 11A; Open Key ((11 − 8) mod 12)
   * + 1 = 4 → 4m.
   */
  @ParameterizedTest(name = "{2}")
  @CsvSource({
    "0, 1, C major, 8B, 1d",
    "1, 1, Db major, 3B, 8d",
    "2, 1, D major, 10B, 3d",
    "3, 1, Eb major, 5B, 10d",
    "4, 1, E major, 12B, 5d",
    "5, 1, F major, 7B, 12d",
    "6, 1, F# major, 2B, 7d",
    "7, 1, G major, 9B, 2d",
    "8, 1, Ab major, 4B, 9d",
    "9, 1, A major, 11B, 4d",
    "10, 1, Bb major, 6B, 11d",
    "11, 1, B major, 1B, 6d",
    "0, 0, C minor, 5A, 10m",
    "1, 0, C# minor, 12A, 5m",
    "2, 0, D minor, 7A, 12m",
    "3, 0, Eb minor, 2A, 7m",
    "4, 0, E minor, 9A, 2m",
    "5, 0, F minor, 4A, 9m",
    "6, 0, F# minor, 11A, 4m",
    "7, 0, G minor, 6A, 11m",
    "8, 0, G# minor, 1A, 6m",
    "9, 0, A minor, 8A, 1m",
    "10, 0, Bb minor, 3A, 8m",
    "11, 0, B minor, 10A, 3m",
  })
  void everyKeyPrintsAndParsesBack(int pc, int mode, String name, String camelot, String open) {
    Key key = Key.fromSpotify(pc, mode).orElseThrow();
    assertThat(key.name()).isEqualTo(name);
    assertThat(key.camelot()).isEqualTo(camelot);
    assertThat(key.openKey()).isEqualTo(open);
    assertThat(Key.parse(name)).isEqualTo(key);
    assertThat(Key.parse(camelot)).isEqualTo(key);
    assertThat(Key.parse(open)).isEqualTo(key);
    boolean major = mode == 1;
    assertThat(Key.fromCamelot(key.camelotNumber(), major)).isEqualTo(key);
  }

  @Test
  void all24AreDistinctAndCoverTheWheel() {
    Set<String> camelots = new HashSet<>();
    for (int pc = 0; pc < 12; pc++) {
      camelots.add(new Key(pc, Key.Mode.MAJOR).camelot());
      camelots.add(new Key(pc, Key.Mode.MINOR).camelot());
    }
    assertThat(camelots).hasSize(24);
  }

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "A minor | 8A",
        "Am | 8A",
        "A min | 8A",
        "a MINOR | 8A",
        "G#/A♭ Minor | 1A",
        "C♯/D♭ Major | 3B",
        "Bb Minor | 3A",
        "A# Minor | 3A",
        "B♭ major | 6B",
        "E Minor | 9A",
        "F Major | 7B",
        "8A | 8A",
        "08b | 8B",
        "1m | 8A",
        "1d | 8B",
        "6m | 1A",
        "Cb | 1B",
        "E# minor | 4A",
        "F#m | 11A",
        "Dbmaj | 3B",
        "C | 8B",
        "Gsharp minor | 1A",
        " Ab  min | 1A",
      })
  void parsesEverySpelling(String text, String camelot) {
    assertThat(Key.parse(text).camelot()).isEqualTo(camelot);
  }

  @Test
  void enharmonicSpellingsAreEqual() {
    assertThat(Key.parse("A# Minor")).isEqualTo(Key.parse("Bb Minor"));
    assertThat(Key.parse("G#/A♭ Minor")).isEqualTo(Key.parse("Ab minor"));
    assertThat(Key.parse("C♯/D♭ Major")).isEqualTo(Key.parse("Db major"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"H minor", "13A", "0A", "8C", "minor", "A minor 7", "-1"})
  void rejectsWhatIsNotAKey(String text) {
    assertThat(Key.tryParse(text)).isEmpty();
    assertThatThrownBy(() -> Key.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("\"" + text + "\" is not a musical key");
  }

  @Test
  void spotifyMinusOneIsNoKey() {
    assertThat(Key.fromSpotify(-1, 1)).isEmpty();
    assertThatThrownBy(() -> Key.fromSpotify(12, 1))
        .hasMessage("pitch class must be 0..11, got 12");
  }

  /** The table of dj-rules.md, moves from 8A. */
  @ParameterizedTest(name = "8A -> {0} is {1}")
  @CsvSource({
    "8A, PERFECT",
    "7A, ADJACENT",
    "9A, ADJACENT",
    "8B, RELATIVE",
    "10A, BOOST_WHOLE_STEP",
    "3A, BOOST_SEMITONE",
    "7B, DIAGONAL",
    "9B, DIAGONAL",
    "6A, CLASH",
    "2A, CLASH",
    "10B, CLASH",
    "1A, CLASH",
  })
  void classifiesMovesFrom8A(String to, KeyMove move) {
    assertThat(Key.parse("8A").moveTo(Key.parse(to))).isEqualTo(move);
  }

  @Test
  void movesWrapAroundTheWheel() {
    assertThat(Key.parse("12A").moveTo(Key.parse("1A"))).isEqualTo(KeyMove.ADJACENT);
    assertThat(Key.parse("1B").moveTo(Key.parse("12B"))).isEqualTo(KeyMove.ADJACENT);
    assertThat(Key.parse("11B").moveTo(Key.parse("1B"))).isEqualTo(KeyMove.BOOST_WHOLE_STEP);
    // +7 from 6A is 13 -> 1A: one semitone up (F minor -> ... G# minor is not it; 6A is G minor,
    // G# minor is 1A)
    assertThat(Key.parse("6A").moveTo(Key.parse("1A"))).isEqualTo(KeyMove.BOOST_SEMITONE);
    assertThat(Key.parse("G minor").transpose(1)).isEqualTo(Key.parse("G# minor"));
  }

  @Test
  void moveRanksFollowTheDjPreference() {
    assertThat(KeyMove.PERFECT.rank()).isLessThan(KeyMove.ADJACENT.rank());
    assertThat(KeyMove.ADJACENT.rank()).isEqualTo(KeyMove.RELATIVE.rank());
    assertThat(KeyMove.RELATIVE.rank()).isLessThan(KeyMove.BOOST_WHOLE_STEP.rank());
    assertThat(KeyMove.BOOST_SEMITONE.rank()).isLessThan(KeyMove.DIAGONAL.rank());
    assertThat(KeyMove.DIAGONAL.rank()).isLessThan(KeyMove.CLASH.rank());
    assertThat(KeyMove.DIAGONAL.compatible()).isFalse();
  }

  /**
   * Tempo change without key lock: semitones = 12·log2(ratio). 124 → 131.4 BPM is ×1.0597,
   * 12·log2(1.0597) = 1.004 semitones: A minor is heard as Bb minor (8A → 3A, the +7 move). 124 →
   * 127 is ×1.0242, 0.41 semitones, under half a semitone: heard unchanged.
   */
  @Test
  void keyHeardAfterBeatMatching() {
    Key aMinor = Key.parse("A minor");
    assertThat(Key.semitones(131.4 / 124))
        .isCloseTo(1.004, org.assertj.core.data.Offset.offset(0.001));
    assertThat(aMinor.heardAt(131.4 / 124)).isEqualTo(Key.parse("Bb minor"));
    assertThat(aMinor.heardAt(131.4 / 124).camelot()).isEqualTo("3A");
    assertThat(aMinor.heardAt(127.0 / 124)).isEqualTo(aMinor);
    assertThat(aMinor.heardAt(2.0)).isEqualTo(aMinor); // an octave: same key
    assertThat(aMinor.heardAt(0.944)).isEqualTo(Key.parse("G# minor")); // -1.0 semitone
    assertThatThrownBy(() -> aMinor.heardAt(0)).hasMessage("tempo ratio must be positive, got 0.0");
  }
}
