package io.cratedigger.opensearch;

import io.cratedigger.index.BuildOptions;
import io.cratedigger.track.AudioFeature;
import io.cratedigger.view.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * A generation's index in the cluster: its settings during the load and after, and its mappings,
 * field for field the embedded index's ({@link io.cratedigger.index.TrackDocuments}) under the
 * names of {@link ClusterFields}.
 *
 * <ul>
 *   <li>Text fields use the analyzer {@value #NAMES}: the standard tokenizer, ASCII folding, lower
 *       case, the chain of {@link io.cratedigger.index.Analyzers#names()}; with no gap between the
 *       values of a list, as Lucene's analyzers (OpenSearch's default is 100), so a phrase matches
 *       alike.
 *   <li>Exact values are keywords (with doc values, like Lucene's {@code KeywordField}); {@link
 *       ClusterFields#MIX_SLOT} is indexed only, like its {@code StringField}.
 *   <li>Numbers are points with doc values; the fingerprints are doc values only ({@code index:
 *       false}), like their {@code NumericDocValuesField}s.
 *   <li>{@link ClusterFields#VECTOR} is a {@code knn_vector}: HNSW on the Lucene engine, L2, with
 *       the build's {@code m} and {@code ef_construction}.
 *   <li>{@link ClusterFields#TRACK} keeps the track for reading back, not indexed.
 *   <li>{@code dynamic: strict}: a document with a field this mapping does not name is refused, so
 *       the two sides cannot drift apart unnoticed.
 * </ul>
 */
public final class ClusterMapping {
  private ClusterMapping() {}

  /** The analyzer of the text fields. */
  public static final String NAMES = "names";

  /** Refresh interval once the generation is loaded (refresh is off during the load). */
  public static final String REFRESH_INTERVAL = "1s";

  /**
   * The body of {@code PUT /<index>}: the settings for the load (no replicas, no refresh) and the
   * mappings; {@code dimensions} 0 for none (no model: no vector field).
   */
  public static ObjectNode createIndex(
      ClusterSettings cluster, BuildOptions options, int dimensions) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.set("settings", loadSettings(cluster.shards()));
    body.set("mappings", mappings(options, dimensions));
    return body;
  }

  /** The index settings during the load. */
  public static ObjectNode loadSettings(int shards) {
    ObjectNode index = Json.MAPPER.createObjectNode();
    index.put("number_of_shards", shards);
    index.put("number_of_replicas", 0);
    index.put("refresh_interval", "-1");
    index.put("knn", true);
    ObjectNode analyzer = index.putObject("analysis").putObject("analyzer").putObject(NAMES);
    analyzer.put("type", "custom");
    analyzer.put("tokenizer", "standard");
    analyzer.putArray("filter").add("asciifolding").add("lowercase");
    ObjectNode settings = Json.MAPPER.createObjectNode();
    settings.set("index", index);
    return settings;
  }

  /** The settings a loaded generation gets back: refresh on, the settings' replicas. */
  public static ObjectNode servingSettings(int replicas) {
    ObjectNode settings = Json.MAPPER.createObjectNode();
    ObjectNode index = settings.putObject("index");
    index.put("refresh_interval", REFRESH_INTERVAL);
    index.put("number_of_replicas", replicas);
    return settings;
  }

  /** The mappings; {@code dimensions} 0 for none (no vector field). */
  public static ObjectNode mappings(BuildOptions options, int dimensions) {
    ObjectNode m = Json.MAPPER.createObjectNode();
    m.put("dynamic", "strict");
    ObjectNode p = m.putObject("properties");
    keyword(p, ClusterFields.ID);
    for (String f :
        new String[] {
          ClusterFields.TITLE,
          ClusterFields.ARTISTS,
          ClusterFields.ALBUM,
          ClusterFields.LABEL,
          ClusterFields.GENRES,
          ClusterFields.STYLES
        }) {
      ObjectNode t = p.putObject(f);
      t.put("type", "text");
      t.put("analyzer", NAMES);
      t.put("position_increment_gap", 0);
    }
    for (String f :
        new String[] {
          ClusterFields.ARTIST_EXACT,
          ClusterFields.LABEL_EXACT,
          ClusterFields.GENRE_EXACT,
          ClusterFields.STYLE_EXACT,
          ClusterFields.SCENE,
          ClusterFields.RELEASE,
          ClusterFields.SONG,
          ClusterFields.CAMELOT
        }) {
      keyword(p, f);
    }
    p.putObject(ClusterFields.MIX_SLOT).put("type", "keyword").put("doc_values", false);
    for (String f :
        new String[] {ClusterFields.SONG_FP, ClusterFields.RELEASE_FP, ClusterFields.ARTIST_FP}) {
      p.putObject(f).put("type", "long").put("index", false);
    }
    p.putObject(ClusterFields.BPM).put("type", "float");
    for (AudioFeature f : AudioFeature.values()) {
      p.putObject(f.field()).put("type", "float");
    }
    for (String f :
        new String[] {
          ClusterFields.KEY,
          ClusterFields.MODE,
          ClusterFields.CAMELOT_NUMBER,
          ClusterFields.YEAR,
          ClusterFields.POPULARITY,
          ClusterFields.DURATION,
          ClusterFields.TIME_SIGNATURE,
          ClusterFields.HAS_FEATURES,
          ClusterFields.CLUSTER,
          ClusterFields.IMPUTED
        }) {
      p.putObject(f).put("type", "integer");
    }
    p.putObject(ClusterFields.TRACK).put("type", "object").put("enabled", false);
    if (dimensions > 0) {
      p.set(ClusterFields.VECTOR, vectorField(options, dimensions));
    }
    return m;
  }

  /**
   * The {@code knn_vector} field: HNSW on the Lucene engine with Euclidean distance ({@code l2},
   * scored {@code 1 / (1 + d²)} like Lucene's {@code EUCLIDEAN}), the build's graph parameters.
   */
  public static ObjectNode vectorField(BuildOptions options, int dimensions) {
    if (dimensions < 1) {
      throw new IllegalArgumentException("a vector needs 1 or more dimensions, got " + dimensions);
    }
    ObjectNode v = Json.MAPPER.createObjectNode();
    v.put("type", "knn_vector");
    v.put("dimension", dimensions);
    ObjectNode method = v.putObject("method");
    method.put("name", "hnsw");
    method.put("engine", "lucene");
    method.put("space_type", "l2");
    ObjectNode params = method.putObject("parameters");
    params.put("m", options.hnswMaxConn());
    params.put("ef_construction", options.hnswBeamWidth());
    return v;
  }

  private static void keyword(ObjectNode properties, String field) {
    properties.putObject(field).put("type", "keyword");
  }
}
