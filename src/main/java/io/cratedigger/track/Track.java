package io.cratedigger.track;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One track of the catalog, with the canonical fields of formats.md. Absent values are {@code null}
 * (lists are empty): a track without audio features, BPM or key is still a track.
 *
 * <p>The constructor checks every value, so a {@code Track} that exists is valid; the importer
 * checks cells first and reports the bad ones with line numbers.
 */
public record Track(
    String id,
    String title,
    List<String> artists,
    String album,
    String label,
    List<String> genres,
    List<String> styles,
    List<String> remixers,
    Integer year,
    String releaseDate,
    Integer durationMs,
    Integer popularity,
    String isrc,
    String previewUrl,
    Double danceability,
    Double energy,
    Double valence,
    Double acousticness,
    Double instrumentalness,
    Double liveness,
    Double speechiness,
    Double loudness,
    Double tempo,
    Key key,
    Integer timeSignature) {

  /** Lowest and highest tempo accepted, in BPM; 0 means unknown and never reaches a track. */
  public static final double MIN_TEMPO = 20;

  public static final double MAX_TEMPO = 400;
  public static final int MIN_YEAR = 1900;
  public static final int MAX_YEAR = 2100;

  public Track {
    id = required("id", id);
    title = required("title", title);
    artists = cleanList(artists);
    genres = cleanList(genres);
    styles = cleanList(styles);
    remixers = cleanList(remixers);
    album = blankToNull(album);
    label = blankToNull(label);
    releaseDate = blankToNull(releaseDate);
    isrc = blankToNull(isrc);
    previewUrl = blankToNull(previewUrl);
    check(AudioFeature.DANCEABILITY, danceability);
    check(AudioFeature.ENERGY, energy);
    check(AudioFeature.VALENCE, valence);
    check(AudioFeature.ACOUSTICNESS, acousticness);
    check(AudioFeature.INSTRUMENTALNESS, instrumentalness);
    check(AudioFeature.LIVENESS, liveness);
    check(AudioFeature.SPEECHINESS, speechiness);
    check(AudioFeature.LOUDNESS, loudness);
    if (tempo != null && !(tempo >= MIN_TEMPO && tempo <= MAX_TEMPO)) {
      throw new IllegalArgumentException(
          "tempo must be " + (int) MIN_TEMPO + ".." + (int) MAX_TEMPO + " BPM, got " + tempo);
    }
    if (year != null && (year < MIN_YEAR || year > MAX_YEAR)) {
      throw new IllegalArgumentException(
          "year must be " + MIN_YEAR + ".." + MAX_YEAR + ", got " + year);
    }
    if (durationMs != null && durationMs <= 0) {
      throw new IllegalArgumentException("durationMs must be positive, got " + durationMs);
    }
    if (popularity != null && (popularity < 0 || popularity > 100)) {
      throw new IllegalArgumentException("popularity must be 0..100, got " + popularity);
    }
    if (timeSignature != null && (timeSignature < 1 || timeSignature > 16)) {
      throw new IllegalArgumentException("timeSignature must be 1..16, got " + timeSignature);
    }
  }

  /** A builder for the many optional fields; {@code id} and {@code title} are required. */
  public static Builder builder(String id, String title) {
    return new Builder(id, title);
  }

  /** A builder holding this track's values, to change a few. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Whether at least one audio feature is known. */
  public boolean hasAudioFeatures() {
    for (AudioFeature f : AudioFeature.values()) {
      if (f.of(this) != null) {
        return true;
      }
    }
    return false;
  }

  /** The artists joined for display, e.g. {@code Future, Metro Boomin}. */
  public String artistLine() {
    return String.join(", ", artists);
  }

  private static String required(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value.strip();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** Strips entries, drops blank ones and repeats (case-sensitive), keeps the order. */
  private static List<String> cleanList(List<String> values) {
    if (values == null || values.isEmpty()) {
      return List.of();
    }
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        out.add(v.strip());
      }
    }
    return List.copyOf(out);
  }

  private static void check(AudioFeature f, Double value) {
    if (value != null && !f.accepts(value)) {
      throw new IllegalArgumentException(f.field() + " must be " + f.range() + ", got " + value);
    }
  }

  /** Mutable collector of values for a {@link Track}; {@link #build()} checks them. */
  public static final class Builder {
    private String id;
    private String title;
    private List<String> artists = new ArrayList<>();
    private String album;
    private String label;
    private List<String> genres = new ArrayList<>();
    private List<String> styles = new ArrayList<>();
    private List<String> remixers = new ArrayList<>();
    private Integer year;
    private String releaseDate;
    private Integer durationMs;
    private Integer popularity;
    private String isrc;
    private String previewUrl;
    private Double danceability;
    private Double energy;
    private Double valence;
    private Double acousticness;
    private Double instrumentalness;
    private Double liveness;
    private Double speechiness;
    private Double loudness;
    private Double tempo;
    private Key key;
    private Integer timeSignature;

    private Builder(String id, String title) {
      this.id = id;
      this.title = title;
    }

    private Builder(Track t) {
      this(t.id, t.title);
      artists = new ArrayList<>(t.artists);
      album = t.album;
      label = t.label;
      genres = new ArrayList<>(t.genres);
      styles = new ArrayList<>(t.styles);
      remixers = new ArrayList<>(t.remixers);
      year = t.year;
      releaseDate = t.releaseDate;
      durationMs = t.durationMs;
      popularity = t.popularity;
      isrc = t.isrc;
      previewUrl = t.previewUrl;
      danceability = t.danceability;
      energy = t.energy;
      valence = t.valence;
      acousticness = t.acousticness;
      instrumentalness = t.instrumentalness;
      liveness = t.liveness;
      speechiness = t.speechiness;
      loudness = t.loudness;
      tempo = t.tempo;
      key = t.key;
      timeSignature = t.timeSignature;
    }

    public Builder id(String v) {
      id = v;
      return this;
    }

    public Builder title(String v) {
      title = v;
      return this;
    }

    public Builder artists(List<String> v) {
      artists = new ArrayList<>(v);
      return this;
    }

    public Builder album(String v) {
      album = v;
      return this;
    }

    public Builder label(String v) {
      label = v;
      return this;
    }

    public Builder genres(List<String> v) {
      genres = new ArrayList<>(v);
      return this;
    }

    public Builder styles(List<String> v) {
      styles = new ArrayList<>(v);
      return this;
    }

    public Builder remixers(List<String> v) {
      remixers = new ArrayList<>(v);
      return this;
    }

    public Builder year(Integer v) {
      year = v;
      return this;
    }

    public Builder releaseDate(String v) {
      releaseDate = v;
      return this;
    }

    public Builder durationMs(Integer v) {
      durationMs = v;
      return this;
    }

    public Builder popularity(Integer v) {
      popularity = v;
      return this;
    }

    public Builder isrc(String v) {
      isrc = v;
      return this;
    }

    public Builder previewUrl(String v) {
      previewUrl = v;
      return this;
    }

    /** Sets one audio feature by its enum, for code that loops over features. */
    public Builder feature(AudioFeature f, Double v) {
      switch (f) {
        case DANCEABILITY -> danceability = v;
        case ENERGY -> energy = v;
        case VALENCE -> valence = v;
        case ACOUSTICNESS -> acousticness = v;
        case INSTRUMENTALNESS -> instrumentalness = v;
        case LIVENESS -> liveness = v;
        case SPEECHINESS -> speechiness = v;
        case LOUDNESS -> loudness = v;
      }
      return this;
    }

    public Builder tempo(Double v) {
      tempo = v;
      return this;
    }

    public Builder key(Key v) {
      key = v;
      return this;
    }

    public Builder timeSignature(Integer v) {
      timeSignature = v;
      return this;
    }

    /** The track; throws {@link IllegalArgumentException} naming the first bad value. */
    public Track build() {
      return new Track(
          id,
          title,
          artists,
          album,
          label,
          genres,
          styles,
          remixers,
          year,
          releaseDate,
          durationMs,
          popularity,
          isrc,
          previewUrl,
          danceability,
          energy,
          valence,
          acousticness,
          instrumentalness,
          liveness,
          speechiness,
          loudness,
          tempo,
          key,
          timeSignature);
    }
  }
}
