package io.cratedigger.track;

import io.cratedigger.InvalidRequestException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A musical key: a pitch class (0 = C ... 11 = B) and a mode. Enharmonic spellings parse to the
 * same value, so {@code Key.parse("A# Minor").equals(Key.parse("Bb Minor"))}.
 *
 * <p>Camelot and Open Key numbers follow dj-rules.md: Camelot major {@code (7·pc + 8) mod 12},
 * minor {@code (7·pc + 5) mod 12}, 0 written as 12; Open Key {@code ((camelot − 8) mod 12) + 1}.
 */
public record Key(int pitchClass, Mode mode) {

  /** Major or minor; Spotify writes them as 1 and 0. */
  public enum Mode {
    MINOR,
    MAJOR;

    /** Spotify's encoding: 1 major, 0 minor. */
    public int spotify() {
      return this == MAJOR ? 1 : 0;
    }
  }

  // Names as DJ software prints them: the spelling most often used for that key in that mode.
  private static final String[] MAJOR_NAMES = {
    "C", "Db", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"
  };
  private static final String[] MINOR_NAMES = {
    "C", "C#", "D", "Eb", "E", "F", "F#", "G", "G#", "A", "Bb", "B"
  };

  private static final Pattern CAMELOT = Pattern.compile("(1[0-2]|0?[1-9])\\s*([ab])");
  private static final Pattern OPEN_KEY = Pattern.compile("(1[0-2]|0?[1-9])\\s*([dm])");
  // A note letter, an optional accidental, then an optional second spelling ("G#/Ab") and a mode.
  private static final Pattern NAMED =
      Pattern.compile(
          "([a-g])\\s*(#|b|sharp|flat)?(?:\\s*/\\s*[a-g]\\s*(?:#|b|sharp|flat)?)?\\s*"
              + "(major|minor|maj|min|m|)");

  public Key {
    if (pitchClass < 0 || pitchClass > 11) {
      throw new IllegalArgumentException("pitch class must be 0..11, got " + pitchClass);
    }
    if (mode == null) {
      throw new IllegalArgumentException("mode must not be null");
    }
  }

  /** The key for Spotify's {@code key} (0..11, -1 = none) and {@code mode} (1 major, 0 minor). */
  public static Optional<Key> fromSpotify(int key, int mode) {
    if (key == -1) {
      return Optional.empty();
    }
    if (mode != 0 && mode != 1) {
      throw new IllegalArgumentException("mode must be 0 (minor) or 1 (major), got " + mode);
    }
    return Optional.of(new Key(key, mode == 1 ? Mode.MAJOR : Mode.MINOR));
  }

  /** The key with the given Camelot number (1..12) and letter. */
  public static Key fromCamelot(int number, boolean major) {
    if (number < 1 || number > 12) {
      throw new IllegalArgumentException("Camelot number must be 1..12, got " + number);
    }
    // 7 is its own inverse modulo 12 (7·7 = 49 ≡ 1), which undoes the 7·pc of the formula.
    int pc = Math.floorMod(7 * (number - (major ? 8 : 5)), 12);
    return new Key(pc, major ? Mode.MAJOR : Mode.MINOR);
  }

  /**
   * Parses any spelling in dj-rules.md: {@code A minor}, {@code Am}, {@code A min}, {@code G#/A♭
   * Minor}, {@code C♯/D♭ Major}, {@code Bb Minor}, {@code A# Minor}, {@code 8A}, {@code 1m}. A bare
   * note ({@code C}) is major.
   *
   * @throws IllegalArgumentException naming the text when it is not a key
   */
  public static Key parse(String text) {
    return tryParse(text)
        .orElseThrow(() -> new InvalidRequestException("\"" + text + "\" is not a musical key"));
  }

  /** Like {@link #parse} but empty for text that is not a key. */
  public static Optional<Key> tryParse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s =
        text.strip()
            .replace('♯', '#')
            .replace('♭', 'b')
            .replace('\u266E', ' ') // natural sign
            .toLowerCase(Locale.ROOT);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    Matcher m = CAMELOT.matcher(s);
    if (m.matches()) {
      return Optional.of(fromCamelot(Integer.parseInt(m.group(1)), m.group(2).equals("b")));
    }
    m = OPEN_KEY.matcher(s);
    if (m.matches()) {
      int open = Integer.parseInt(m.group(1));
      int camelot = Math.floorMod(open - 1 + 8 - 1, 12) + 1;
      return Optional.of(fromCamelot(camelot, m.group(2).equals("d")));
    }
    m = NAMED.matcher(s);
    if (m.matches()) {
      int pc = naturalPitch(m.group(1).charAt(0));
      String accidental = m.group(2);
      if (accidental != null) {
        pc += accidental.equals("#") || accidental.equals("sharp") ? 1 : -1;
      }
      boolean minor = m.group(3).startsWith("m") && !m.group(3).startsWith("maj");
      return Optional.of(new Key(Math.floorMod(pc, 12), minor ? Mode.MINOR : Mode.MAJOR));
    }
    return Optional.empty();
  }

  private static int naturalPitch(char letter) {
    return switch (letter) {
      case 'c' -> 0;
      case 'd' -> 2;
      case 'e' -> 4;
      case 'f' -> 5;
      case 'g' -> 7;
      case 'a' -> 9;
      case 'b' -> 11;
      default -> throw new IllegalArgumentException("not a note letter: " + letter);
    };
  }

  /** {@code true} for major keys (Camelot B, Open Key d). */
  public boolean major() {
    return mode == Mode.MAJOR;
  }

  /** The Camelot number, 1..12. */
  public int camelotNumber() {
    int n = Math.floorMod(7 * pitchClass + (major() ? 8 : 5), 12);
    return n == 0 ? 12 : n;
  }

  /** The Camelot code, e.g. {@code 8A} for A minor. */
  public String camelot() {
    return camelotNumber() + (major() ? "B" : "A");
  }

  /** The Open Key (Traktor) code, e.g. {@code 1m} for A minor. */
  public String openKey() {
    return (Math.floorMod(camelotNumber() - 8, 12) + 1) + (major() ? "d" : "m");
  }

  /** The name, e.g. {@code A minor}, {@code F# major}. */
  public String name() {
    return (major() ? MAJOR_NAMES : MINOR_NAMES)[pitchClass] + (major() ? " major" : " minor");
  }

  /** The key moved by a number of semitones, same mode. */
  public Key transpose(int semitones) {
    return new Key(Math.floorMod(pitchClass + semitones, 12), mode);
  }

  /**
   * The key a listener hears when the track is played at {@code tempoRatio} times its tempo without
   * key lock. Pitch moves by {@code 12·log2(ratio)} semitones; under half a semitone (about 3 %)
   * the key is heard as unchanged, which rounding to the nearest semitone gives.
   */
  public Key heardAt(double tempoRatio) {
    if (!(tempoRatio > 0) || Double.isInfinite(tempoRatio)) {
      throw new IllegalArgumentException("tempo ratio must be positive, got " + tempoRatio);
    }
    return transpose((int) Math.round(semitones(tempoRatio)));
  }

  /** Semitones of pitch change for a tempo ratio: {@code 12·log2(ratio)}. */
  public static double semitones(double tempoRatio) {
    return 12 * Math.log(tempoRatio) / Math.log(2);
  }

  /** The harmonic move from this key to {@code next}, by Mixed In Key's rules. */
  public KeyMove moveTo(Key next) {
    int from = camelotNumber();
    int to = next.camelotNumber();
    int step = Math.floorMod(to - from, 12); // 0..11, clockwise on the wheel
    boolean sameLetter = major() == next.major();
    if (sameLetter) {
      return switch (step) {
        case 0 -> KeyMove.PERFECT;
        case 1, 11 -> KeyMove.ADJACENT;
        case 2 -> KeyMove.BOOST_WHOLE_STEP;
        case 7 -> KeyMove.BOOST_SEMITONE;
        default -> KeyMove.CLASH;
      };
    }
    return switch (step) {
      case 0 -> KeyMove.RELATIVE;
      case 1, 11 -> KeyMove.DIAGONAL;
      default -> KeyMove.CLASH;
    };
  }

  @Override
  public String toString() {
    return name() + " (" + camelot() + ")";
  }
}
