package io.cratedigger.synth;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * What the synthetic catalog knows about one style (Discogs sense: a style under a genre): how fast
 * it is played, how often it is in minor, when it was released, how long its tracks run and how it
 * sounds. {@link Styles} holds the table.
 *
 * @param name the style, e.g. {@code Tech House}
 * @param genre the genre it belongs to, e.g. {@code Electronic}
 * @param scene how the style's records are made and versioned
 * @param weight relative share of releases in the catalog
 * @param bpm the tempo range
 * @param minorShare probability that a track with a key is in minor
 * @param era the release years
 * @param minutes typical track length in minutes (the original version)
 * @param sound mean audio features
 * @param neighbours styles a release of this style is also tagged with, most likely first
 */
public record StyleProfile(
    String name,
    String genre,
    Scene scene,
    double weight,
    Bpm bpm,
    double minorShare,
    Era era,
    double minutes,
    Sound sound,
    List<String> neighbours) {

  /** The last release year the catalog generates. */
  public static final int LAST_YEAR =
      2025; // the last whole year: no release date lies in the future

  public StyleProfile {
    if (weight <= 0) {
      throw new IllegalArgumentException(name + ": weight must be positive, got " + weight);
    }
    if (minorShare < 0 || minorShare > 1) {
      throw new IllegalArgumentException(name + ": minorShare must be 0..1, got " + minorShare);
    }
    neighbours = List.copyOf(neighbours);
  }

  /**
   * How a scene makes and names its records. Club music is sequenced to a grid (integer BPM) and
   * versioned as "(Original Mix)", remixes, dubs and extended mixes; bands play live (fractional
   * BPM), get remastered and recorded live; hip hop has instrumentals and radio edits.
   */
  public enum Scene {
    /** DJ-oriented electronic music. */
    CLUB(0.88, 0.003, 0.8),
    /** Electronic music for listening: ambient, downtempo, IDM. */
    LISTENING(0.5, 0.03, 0.7),
    /** Hip hop and its neighbours. */
    HIP_HOP(0.75, 0.01, 1.0),
    /** Played by musicians: rock, pop, soul, jazz, reggae, Latin. */
    BAND(0.0, 0.05, 1.0);

    private final double quantisedShare;
    private final double tripleMetreShare;
    private final double reach;

    Scene(double quantisedShare, double tripleMetreShare, double reach) {
      this.quantisedShare = quantisedShare;
      this.tripleMetreShare = tripleMetreShare;
      this.reach = reach;
    }

    /** Share of tracks made on a grid, whose detected tempo is a whole number. */
    public double quantisedShare() {
      return quantisedShare;
    }

    /** Share of tracks in 3/4. */
    public double tripleMetreShare() {
      return tripleMetreShare;
    }

    /** How popular the scene's best-known artists get, relative to pop (1.0). */
    public double reach() {
      return reach;
    }
  }

  /**
   * A tempo range in BPM with its most common value. Some styles are often detected at half their
   * tempo (dubstep's half-time feel, trap's 70 BPM counting); {@code halfTimeShare} is how often a
   * track reports that half tempo instead.
   */
  public record Bpm(int min, int max, int mode, double halfTimeShare) {
    public Bpm {
      if (!(min > 0 && min <= mode && mode <= max)) {
        throw new IllegalArgumentException(
            "BPM range must satisfy 0 < min <= mode <= max, got "
                + min
                + ".."
                + max
                + " mode "
                + mode);
      }
    }

    /** Whether a tempo fits the range, or its half when the style is counted half-time. */
    public boolean accepts(double tempo) {
      if (tempo >= min && tempo <= max) {
        return true;
      }
      return halfTimeShare > 0 && tempo >= min / 2.0 && tempo <= max / 2.0;
    }
  }

  /**
   * Release years: from {@code from} to {@link #LAST_YEAR}, weighted toward recent years, plus a
   * bump of {@code peakShare} around a classic year (disco's late seventies) when {@code peak} is
   * not 0.
   */
  public record Era(int from, int peak, double peakShare) {
    public Era {
      if (from < 1900 || from > LAST_YEAR) {
        throw new IllegalArgumentException("era must start 1900.." + LAST_YEAR + ", got " + from);
      }
    }

    /** A release year of this era. */
    public int sample(RandomGenerator rng) {
      if (peakShare > 0 && rng.nextDouble() < peakShare) {
        return clamp((int) Math.round(peak + 2.5 * rng.nextGaussian()));
      }
      // Truncated exponential age: catalogs hold far more recent records than old ones, and a
      // third of the era as the mean age keeps old records present but rare.
      double span = LAST_YEAR - from + 1;
      double mean = span / 3.0;
      double u = rng.nextDouble() * (1 - Math.exp(-span / mean));
      double age = -mean * Math.log(1 - u);
      return clamp(LAST_YEAR - (int) age);
    }

    private int clamp(int year) {
      return Math.max(from, Math.min(LAST_YEAR, year));
    }
  }

  /**
   * Mean audio features of a style, Spotify's scales: all 0..1 except loudness in dB. The sampler
   * spreads tracks around these means and correlates them (see {@link SoundSampler}).
   */
  public record Sound(
      double danceability,
      double energy,
      double valence,
      double acousticness,
      double instrumentalness,
      double liveness,
      double speechiness,
      double loudness) {}
}
