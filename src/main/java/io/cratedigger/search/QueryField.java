package io.cratedigger.search;

import io.cratedigger.index.Schema;
import io.cratedigger.track.AudioFeature;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.lucene.queryparser.flexible.standard.config.PointsConfig;

/**
 * A field name a power user may write in the advanced syntax ({@code artist:agoria}), the index
 * field it stands for, and how its values are read.
 */
record QueryField(String name, String schemaField, Kind kind) {

  /** How a field's values are read. */
  enum Kind {
    /** Analyzed like names: folded, lower-cased, split into words. */
    TEXT,
    /** A decimal number (float points): a value or a range. */
    FLOAT,
    /** A whole number (int points): a value or a range. */
    INT,
    /** A musical key in any spelling ({@code 8A}, {@code Am}, {@code "A minor"}), as Camelot. */
    KEY
  }

  private static final Map<String, QueryField> BY_NAME = byName();

  /** The field a user wrote, case-insensitively; empty when there is no such field. */
  static Optional<QueryField> of(String written) {
    return Optional.ofNullable(BY_NAME.get(written.toLowerCase(Locale.ROOT)));
  }

  /** The names a user may write, sorted, for the message about an unknown field. */
  static String known() {
    return String.join(", ", new TreeSet<>(BY_NAME.keySet()));
  }

  /** How the query parser reads numbers of each numeric index field. */
  static Map<String, PointsConfig> pointsConfig() {
    Map<String, PointsConfig> out = new LinkedHashMap<>();
    for (QueryField f : BY_NAME.values()) {
      if (f.kind == Kind.FLOAT || f.kind == Kind.INT) {
        // a fresh NumberFormat per map: NumberFormat is not thread-safe
        NumberFormat nf = NumberFormat.getNumberInstance(Locale.ROOT);
        nf.setGroupingUsed(false);
        out.put(
            f.schemaField,
            new PointsConfig(nf, f.kind == Kind.FLOAT ? Float.class : Integer.class));
      }
    }
    return out;
  }

  private static Map<String, QueryField> byName() {
    List<QueryField> all = new ArrayList<>();
    text(all, Schema.ARTISTS, "artist", "artists");
    text(all, Schema.TITLE, "title");
    text(all, Schema.ALBUM, "album");
    text(all, Schema.LABEL, "label");
    text(all, Schema.GENRES, "genre", "genres");
    text(all, Schema.STYLES, "style", "styles");
    all.add(new QueryField("bpm", Schema.BPM, Kind.FLOAT));
    all.add(new QueryField("tempo", Schema.BPM, Kind.FLOAT));
    all.add(new QueryField("year", Schema.YEAR, Kind.INT));
    all.add(new QueryField("popularity", Schema.POPULARITY, Kind.INT));
    all.add(new QueryField("camelot", Schema.CAMELOT, Kind.KEY));
    all.add(new QueryField("key", Schema.CAMELOT, Kind.KEY));
    for (AudioFeature f : AudioFeature.values()) {
      all.add(new QueryField(f.field(), f.field(), Kind.FLOAT));
    }
    Map<String, QueryField> map = new LinkedHashMap<>();
    for (QueryField f : all) {
      map.put(f.name, f);
    }
    return Collections.unmodifiableMap(map);
  }

  private static void text(List<QueryField> all, String schemaField, String... names) {
    for (String n : names) {
      all.add(new QueryField(n, schemaField, Kind.TEXT));
    }
  }
}
