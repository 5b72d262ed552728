package io.cratedigger.index;

/**
 * The field names of a track document. Text fields are analyzed for lookup; keyword fields hold
 * exact values for filters and facets (with sorted-set doc values); numeric fields are points for
 * range filters plus doc values for sorting and reranking; the track itself is stored whole in
 * {@link #SOURCE} and read only for the results returned.
 */
public final class Schema {
  private Schema() {}

  // identity
  public static final String ID = "id";
  public static final String SOURCE = "_source";

  // analyzed text
  public static final String TITLE = "title";
  public static final String ARTISTS = "artists";
  public static final String ALBUM = "album";
  public static final String LABEL = "label";
  public static final String GENRES = "genres";
  public static final String STYLES = "styles";

  // exact values (filters, facets); one value per artist, genre, style
  public static final String ARTIST_EXACT = "artist.exact";
  public static final String LABEL_EXACT = "label.exact";
  public static final String GENRE_EXACT = "genre.exact";
  public static final String STYLE_EXACT = "style.exact";

  /**
   * The track's styles and genres in one vocabulary ({@link io.cratedigger.track.SceneTags}), so
   * that sources meet: "Techno (Peak Time / Driving)" from Beatport and "Techno" from Discogs both
   * carry {@code techno}. Keyword with sorted-set doc values; the scene score and retrieval match
   * on it.
   */
  public static final String SCENE = "scene";

  /** Folded artist + album: tracks of one release share it (diversity). */
  public static final String RELEASE = "release";

  /** Folded primary artist + title without version words: versions of one song share it. */
  public static final String SONG = "song";

  /**
   * {@link io.cratedigger.track.Fingerprint}s of {@link #SONG}, {@link #RELEASE} and each exact
   * artist, as numeric doc values: ranking groups by them without reading terms.
   */
  public static final String SONG_FP = "song.fp";

  public static final String RELEASE_FP = "release.fp";
  public static final String ARTIST_FP = "artist.fp";

  public static final String CAMELOT = "camelot";

  // numbers (points + doc values); absent when unknown
  public static final String BPM = "bpm";
  public static final String KEY = "key"; // pitch class 0..11
  public static final String MODE = "mode"; // 1 major, 0 minor
  public static final String CAMELOT_NUMBER = "camelot.number"; // 1..12
  public static final String YEAR = "year";
  public static final String POPULARITY = "popularity";
  public static final String DURATION = "duration_ms";
  public static final String TIME_SIGNATURE = "time_signature";
  public static final String CLUSTER = "cluster";

  /** 1 when the track has audio features, 0 otherwise. */
  public static final String HAS_FEATURES = "has_features";

  /** 1 when some audio features were missing and imputed for the vector. */
  public static final String IMPUTED = "imputed";

  /**
   * Camelot code and whole BPM in one term, e.g. {@code 8A@124} ({@code ?} for unknown): "mixes
   * with the seed" becomes a walk over a few runs of these terms (a key's window of BPMs are
   * neighbours in term order), which a filtered vector search can turn into its filter far faster
   * than a range query crossed with a key set. The search relies on this spelling: whole BPM in
   * plain digits, {@code ?} (which sorts after the digits) for unknown.
   */
  public static final String MIX_SLOT = "mix.slot";

  /** The {@link #MIX_SLOT} term of a Camelot code (or null) and a BPM (or null). */
  public static String mixSlot(String camelot, Double bpm) {
    return (camelot == null ? "?" : camelot)
        + "@"
        + (bpm == null ? "?" : Long.toString(Math.round(bpm)));
  }

  /** The scaled PCA vector of the audio features (Euclidean). */
  public static final String VECTOR = "vector";
}
