package io.cratedigger.synth;

import io.cratedigger.synth.StyleProfile.Bpm;
import io.cratedigger.synth.StyleProfile.Scene;
import io.cratedigger.synth.StyleProfile.Sound;
import io.cratedigger.track.AudioFeature;
import io.cratedigger.track.Key;
import io.cratedigger.track.Track;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Draws the musical values of a track from its style: key, tempo, audio features, length, metre,
 * popularity and release date.
 *
 * <p>Features are drawn in logit space around the style's means, so they stay inside 0..1 and are
 * skewed the way Spotify's are (acousticness of club tracks piles up near 0). One latent
 * "intensity" per track drives energy up, loudness up and acousticness down, which gives the
 * correlations real catalogs show.
 */
final class SoundSampler {

  /** Share of tracks without any audio features. */
  static final double NO_FEATURES = 0.03;

  /** Share of tracks without a detected key. */
  static final double NO_KEY = 0.02;

  /** Share of tracks without a detected tempo. */
  static final double NO_TEMPO = 0.01;

  // Spread of each feature in logit units; loudness in dB.
  private static final double SD_ENERGY = 0.8;
  private static final double SD_DANCE = 0.6;
  private static final double SD_VALENCE = 0.8;
  private static final double SD_ACOUSTIC = 1.3;
  private static final double SD_INSTRUMENTAL = 1.8;
  private static final double SD_LIVENESS = 0.6;
  private static final double SD_SPEECH = 0.55;
  private static final double SD_LOUDNESS = 2.2;

  // Pitch classes C..B. Minor keys in dance music lean to A, F, G, C and D minor; major keys in
  // band music to the guitar and piano keys C, G, D, A, E. Neither is uniform.
  private static final Weighted MINOR_PITCH = Weighted.of(9, 8, 9, 6, 8, 10, 8, 10, 7, 11, 7, 7);
  private static final Weighted MAJOR_PITCH = Weighted.of(12, 7, 11, 5, 9, 8, 5, 12, 6, 10, 6, 5);

  private static final Key[] MINOR_KEYS = new Key[12];
  private static final Key[] MAJOR_KEYS = new Key[12];

  static {
    for (int pc = 0; pc < 12; pc++) {
      MINOR_KEYS[pc] = new Key(pc, Key.Mode.MINOR);
      MAJOR_KEYS[pc] = new Key(pc, Key.Mode.MAJOR);
    }
  }

  private static final int[] DAYS = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

  // Per style, the means of danceability .. speechiness in logit units.
  private final double[][] logitMeans;
  private final List<StyleProfile> styles = Styles.all();

  SoundSampler() {
    logitMeans = new double[styles.size()][];
    for (int i = 0; i < styles.size(); i++) {
      Sound s = styles.get(i).sound();
      logitMeans[i] =
          new double[] {
            logit(s.danceability()), logit(s.energy()), logit(s.valence()),
            logit(s.acousticness()), logit(s.instrumentalness()), logit(s.liveness()),
            logit(s.speechiness())
          };
    }
  }

  /** A key for the style, or {@code null} for the ~2 % without a detected key. */
  Key key(StyleProfile style, RandomGenerator rng) {
    if (rng.nextDouble() < NO_KEY) {
      return null;
    }
    return rng.nextDouble() < style.minorShare()
        ? MINOR_KEYS[MINOR_PITCH.sample(rng)]
        : MAJOR_KEYS[MAJOR_PITCH.sample(rng)];
  }

  /**
   * A tempo inside the style's range (or its half for half-time styles), or {@code null} for the ~1
   * % without one. Grid-made tracks get whole BPM, played ones two decimals.
   */
  Double tempo(StyleProfile style, RandomGenerator rng) {
    if (rng.nextDouble() < NO_TEMPO) {
      return null;
    }
    Bpm bpm = style.bpm();
    double t = triangular(bpm.min(), bpm.mode(), bpm.max(), rng.nextDouble());
    t = rng.nextDouble() < style.scene().quantisedShare() ? Math.rint(t) : round(t, 100);
    if (bpm.halfTimeShare() > 0 && rng.nextDouble() < bpm.halfTimeShare()) {
      t = round(t / 2, 100);
    }
    return t;
  }

  /** {@code tempo} moved into the style's range (full or half), two decimals. */
  double clampTempo(StyleProfile style, double tempo) {
    Bpm bpm = style.bpm();
    boolean half = bpm.halfTimeShare() > 0 && tempo < bpm.min() * 0.75;
    double lo = half ? bpm.min() / 2.0 : bpm.min();
    double hi = half ? bpm.max() / 2.0 : bpm.max();
    return round(Math.max(lo, Math.min(hi, tempo)), 100);
  }

  /**
   * Sets the eight audio features on {@code b}, or none for the ~3 % without features. The artist's
   * biases make one artist's tracks sound alike; a major key lifts valence.
   */
  void features(Track.Builder b, int style, Roster.Artist artist, Key key, RandomGenerator rng) {
    if (rng.nextDouble() < NO_FEATURES) {
      return;
    }
    double[] m = logitMeans[style];
    double loudMean = styles.get(style).sound().loudness();
    double z = rng.nextGaussian() + artist.energyBias();
    double mode = key == null ? 0 : key.major() ? 0.3 : -0.25;
    double instr = SD_INSTRUMENTAL * (rng.nextGaussian() - 0.5 * artist.vocalBias());
    double dance = sigmoid(m[0] + SD_DANCE * (0.25 * z + 0.97 * rng.nextGaussian()));
    double energy = sigmoid(m[1] + SD_ENERGY * z);
    double valence =
        sigmoid(
            m[2] + SD_VALENCE * (0.3 * z + 0.95 * rng.nextGaussian() + artist.moodBias()) + mode);
    double acoustic = sigmoid(m[3] + SD_ACOUSTIC * (-0.6 * z + 0.8 * rng.nextGaussian()));
    double liveness = sigmoid(m[5] + SD_LIVENESS * rng.nextGaussian());
    // Vocal tracks have more speech: speechiness falls as instrumentalness rises.
    double speech = sigmoid(m[6] + SD_SPEECH * rng.nextGaussian() - 0.15 * instr);
    double loud = softCap(loudMean + SD_LOUDNESS * (0.8 * z + 0.6 * rng.nextGaussian()));
    b.feature(AudioFeature.DANCEABILITY, r3(dance))
        .feature(AudioFeature.ENERGY, r3(energy))
        .feature(AudioFeature.VALENCE, r3(valence))
        .feature(AudioFeature.ACOUSTICNESS, r3(acoustic))
        .feature(AudioFeature.INSTRUMENTALNESS, r3(sigmoid(m[4] + instr)))
        .feature(AudioFeature.LIVENESS, r3(liveness))
        .feature(AudioFeature.SPEECHINESS, r3(speech))
        .feature(AudioFeature.LOUDNESS, loudness(loud));
  }

  /** The length of an original version in ms, log-normal around the style's minutes. */
  int durationMs(StyleProfile style, RandomGenerator rng) {
    double minutes = style.minutes() * Math.exp(0.16 * rng.nextGaussian());
    return minutesToMs(Math.max(1.5, Math.min(20, minutes)));
  }

  /** A radio edit's length: three to a little over four minutes. */
  int radioEditMs(RandomGenerator rng) {
    return minutesToMs(3.0 + 1.2 * rng.nextDouble());
  }

  /** Mostly 4/4; a few tracks in 3/4 and, outside the club, a rare 5/4. */
  int timeSignature(Scene scene, RandomGenerator rng) {
    double u = rng.nextDouble();
    if (u < scene.tripleMetreShare()) {
      return 3;
    }
    return scene != Scene.CLUB && u > 0.997 ? 5 : 4;
  }

  /**
   * Popularity 0..100: the artist's popularity scaled by the version's appeal and the record's age,
   * with log-normal noise, so most tracks sit near 0 and a few near the top.
   */
  int popularity(double artistPopularity, int year, double appeal, RandomGenerator rng) {
    double age = StyleProfile.LAST_YEAR - year;
    double recency = Math.max(0.45, 1 - 0.015 * age);
    double p =
        artistPopularity * appeal * recency * Math.exp(0.6 * rng.nextGaussian() - 0.5)
            + 3 * Math.abs(rng.nextGaussian())
            - 1.5;
    // tanh bends the top so only the rarest hits approach 100, as on streaming services.
    return (int) Math.max(0, Math.min(100, Math.round(100 * Math.tanh(p / 100))));
  }

  /** A {@code YYYY-MM-DD} date inside {@code year}. */
  String releaseDate(int year, RandomGenerator rng) {
    int month = 1 + rng.nextInt(12);
    boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    int days = month == 2 && leap ? 29 : DAYS[month - 1];
    int day = 1 + rng.nextInt(days);
    char[] c = new char[10];
    c[0] = (char) ('0' + year / 1000 % 10);
    c[1] = (char) ('0' + year / 100 % 10);
    c[2] = (char) ('0' + year / 10 % 10);
    c[3] = (char) ('0' + year % 10);
    c[4] = '-';
    c[5] = (char) ('0' + month / 10);
    c[6] = (char) ('0' + month % 10);
    c[7] = '-';
    c[8] = (char) ('0' + day / 10);
    c[9] = (char) ('0' + day % 10);
    return new String(c);
  }

  /**
   * Compresses loudness above -3 dB toward -1 dB: mastered tracks approach 0 dBFS but integrated
   * loudness stays below it, so the top of the range bends instead of clipping.
   */
  static double softCap(double db) {
    return db <= -3 ? db : -3 + 2 * (1 - Math.exp(-(db + 3) / 2));
  }

  static double loudness(double db) {
    return round(Math.max(-60, Math.min(5, db)), 100);
  }

  static double r3(double v) {
    return round(Math.max(0, Math.min(1, v)), 1000);
  }

  static double round(double v, double scale) {
    return Math.round(v * scale) / scale;
  }

  static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  private static double logit(double p) {
    return Math.log(p / (1 - p));
  }

  private static int minutesToMs(double minutes) {
    return (int) Math.round(minutes * 60_000);
  }

  /** Inverse CDF of the triangular distribution on [a, b] with mode c. */
  private static double triangular(double a, double c, double b, double u) {
    double f = (c - a) / (b - a);
    return u < f
        ? a + Math.sqrt(u * (b - a) * (c - a))
        : b - Math.sqrt((1 - u) * (b - a) * (b - c));
  }
}
