package io.cratedigger.track;

import java.util.function.Function;

/**
 * The audio descriptors of a track, with Spotify's meaning and valid range. One place for the
 * ranges, so the importer, the {@link Track} constructor and the feature model agree.
 */
public enum AudioFeature {
  DANCEABILITY("danceability", 0, 1, Track::danceability),
  ENERGY("energy", 0, 1, Track::energy),
  VALENCE("valence", 0, 1, Track::valence),
  ACOUSTICNESS("acousticness", 0, 1, Track::acousticness),
  INSTRUMENTALNESS("instrumentalness", 0, 1, Track::instrumentalness),
  LIVENESS("liveness", 0, 1, Track::liveness),
  SPEECHINESS("speechiness", 0, 1, Track::speechiness),
  /** Integrated loudness in dB; Spotify's values run from about -60 to a little above 0. */
  LOUDNESS("loudness", -60, 5, Track::loudness);

  private final String field;
  private final double min;
  private final double max;
  private final Function<Track, Double> getter;

  AudioFeature(String field, double min, double max, Function<Track, Double> getter) {
    this.field = field;
    this.min = min;
    this.max = max;
    this.getter = getter;
  }

  /** The canonical field name, as in formats.md and the JSON answers. */
  public String field() {
    return field;
  }

  public double min() {
    return min;
  }

  public double max() {
    return max;
  }

  /** Whether {@code value} lies in the valid range. */
  public boolean accepts(double value) {
    return value >= min && value <= max;
  }

  /** The track's value, or {@code null} when it has none. */
  public Double of(Track track) {
    return getter.apply(track);
  }

  /** The range as people write it in messages, e.g. {@code 0..1}. */
  public String range() {
    return fmt(min) + ".." + fmt(max);
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
