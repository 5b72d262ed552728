package io.cratedigger.opensearch;

import io.cratedigger.index.Schema;
import io.cratedigger.track.AudioFeature;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one table from the embedded index's field names ({@link Schema}) to the cluster's.
 *
 * <p>Most names stay. In OpenSearch a dot is an object path, and a field cannot be both a value and
 * an object ({@code song} is a keyword, so {@code song.fp} cannot be a number under it), so every
 * dotted name becomes an underscore: {@code label.exact} is {@code label_exact}. They stay separate
 * fields rather than multi-fields because their values differ from the text field's ({@code
 * artist_exact} has no remixers, {@code artist_fp} no placeholder artists). The stored track,
 * {@link Schema#SOURCE} ({@code _source} is OpenSearch's own), is {@link #TRACK}.
 */
public final class ClusterFields {
  private ClusterFields() {}

  public static final String ID = Schema.ID;

  /** The track as {@link io.cratedigger.view.Json#MAPPER} writes it (stored, not indexed). */
  public static final String TRACK = "track";

  public static final String TITLE = Schema.TITLE;
  public static final String ARTISTS = Schema.ARTISTS;
  public static final String ALBUM = Schema.ALBUM;
  public static final String LABEL = Schema.LABEL;
  public static final String GENRES = Schema.GENRES;
  public static final String STYLES = Schema.STYLES;

  public static final String ARTIST_EXACT = "artist_exact";
  public static final String LABEL_EXACT = "label_exact";
  public static final String GENRE_EXACT = "genre_exact";
  public static final String STYLE_EXACT = "style_exact";

  public static final String SCENE = Schema.SCENE;
  public static final String RELEASE = Schema.RELEASE;
  public static final String SONG = Schema.SONG;
  public static final String SONG_FP = "song_fp";
  public static final String RELEASE_FP = "release_fp";
  public static final String ARTIST_FP = "artist_fp";
  public static final String CAMELOT = Schema.CAMELOT;

  public static final String BPM = Schema.BPM;
  public static final String KEY = Schema.KEY;
  public static final String MODE = Schema.MODE;
  public static final String CAMELOT_NUMBER = "camelot_number";
  public static final String YEAR = Schema.YEAR;
  public static final String POPULARITY = Schema.POPULARITY;
  public static final String DURATION = Schema.DURATION;
  public static final String TIME_SIGNATURE = Schema.TIME_SIGNATURE;
  public static final String CLUSTER = Schema.CLUSTER;
  public static final String HAS_FEATURES = Schema.HAS_FEATURES;
  public static final String IMPUTED = Schema.IMPUTED;
  public static final String MIX_SLOT = "mix_slot";
  public static final String VECTOR = Schema.VECTOR;

  private static final Map<String, String> BY_SCHEMA = table();

  private static Map<String, String> table() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(Schema.ID, ID);
    m.put(Schema.SOURCE, TRACK);
    m.put(Schema.TITLE, TITLE);
    m.put(Schema.ARTISTS, ARTISTS);
    m.put(Schema.ALBUM, ALBUM);
    m.put(Schema.LABEL, LABEL);
    m.put(Schema.GENRES, GENRES);
    m.put(Schema.STYLES, STYLES);
    m.put(Schema.ARTIST_EXACT, ARTIST_EXACT);
    m.put(Schema.LABEL_EXACT, LABEL_EXACT);
    m.put(Schema.GENRE_EXACT, GENRE_EXACT);
    m.put(Schema.STYLE_EXACT, STYLE_EXACT);
    m.put(Schema.SCENE, SCENE);
    m.put(Schema.RELEASE, RELEASE);
    m.put(Schema.SONG, SONG);
    m.put(Schema.SONG_FP, SONG_FP);
    m.put(Schema.RELEASE_FP, RELEASE_FP);
    m.put(Schema.ARTIST_FP, ARTIST_FP);
    m.put(Schema.CAMELOT, CAMELOT);
    m.put(Schema.BPM, BPM);
    m.put(Schema.KEY, KEY);
    m.put(Schema.MODE, MODE);
    m.put(Schema.CAMELOT_NUMBER, CAMELOT_NUMBER);
    m.put(Schema.YEAR, YEAR);
    m.put(Schema.POPULARITY, POPULARITY);
    m.put(Schema.DURATION, DURATION);
    m.put(Schema.TIME_SIGNATURE, TIME_SIGNATURE);
    m.put(Schema.CLUSTER, CLUSTER);
    m.put(Schema.HAS_FEATURES, HAS_FEATURES);
    m.put(Schema.IMPUTED, IMPUTED);
    m.put(Schema.MIX_SLOT, MIX_SLOT);
    m.put(Schema.VECTOR, VECTOR);
    for (AudioFeature f : AudioFeature.values()) {
      m.put(f.field(), f.field());
    }
    return Collections.unmodifiableMap(m);
  }

  /** Every {@link Schema} field (and audio feature) with its cluster name, in schema order. */
  public static Map<String, String> bySchema() {
    return BY_SCHEMA;
  }

  /**
   * The cluster's name for a {@link Schema} field (or an {@link AudioFeature#field()}).
   *
   * @throws IllegalArgumentException for a name the schema does not have
   */
  public static String of(String schemaField) {
    String f = BY_SCHEMA.get(schemaField);
    if (f == null) {
      throw new IllegalArgumentException("no such field in the schema: " + schemaField);
    }
    return f;
  }
}
