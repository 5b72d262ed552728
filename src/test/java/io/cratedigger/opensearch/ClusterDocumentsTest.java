package io.cratedigger.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cratedigger.index.Schema;
import io.cratedigger.index.TrackDocuments;
import io.cratedigger.ingest.CatalogReader;
import io.cratedigger.ingest.FormatRegistry;
import io.cratedigger.ingest.Importer;
import io.cratedigger.model.FeatureModel;
import io.cratedigger.track.AudioFeature;
import io.cratedigger.track.Fingerprint;
import io.cratedigger.track.Key;
import io.cratedigger.track.SceneTags;
import io.cratedigger.track.Track;
import io.cratedigger.track.Versions;
import io.cratedigger.view.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FloatField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.NumericUtils;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A track's document in the cluster: the embedded index's values, under the cluster's names. */
class ClusterDocumentsTest {

  private static Track small() {
    return Track.builder("t1", "Crazy in Love")
        .artists(List.of("Beyoncé", "JAY-Z"))
        .remixers(List.of("Kaytranada"))
        .album("Dangerously in Love")
        .label("Columbia")
        .genres(List.of("Electronic"))
        .styles(List.of("Deep House"))
        .year(2003)
        .durationMs(236_000)
        .popularity(80)
        .feature(AudioFeature.DANCEABILITY, 0.5)
        .feature(AudioFeature.ENERGY, 0.75)
        .tempo(124.0)
        .key(Key.parse("8A"))
        .timeSignature(4)
        .build();
  }

  private static String strings(List<String> values) {
    ArrayNode a = Json.MAPPER.createArrayNode();
    values.forEach(a::add);
    return a.toString();
  }

  @Test
  void theDocumentOfASmallTrack() {
    Track t = small();
    ObjectNode doc = ClusterDocuments.toJson(t, new float[] {0.5f, -1.25f}, 3, true);
    String expected =
        "{\"id\":\"t1\",\"title\":\"Crazy in Love\","
            + "\"artists\":[\"Beyoncé\",\"JAY-Z\",\"Kaytranada\"],"
            + "\"artist_exact\":[\"Beyoncé\",\"JAY-Z\"],"
            + "\"artist_fp\":["
            + Fingerprint.of("Beyoncé")
            + ","
            + Fingerprint.of("JAY-Z")
            + "],"
            + "\"album\":\"Dangerously in Love\","
            + "\"label\":\"Columbia\",\"label_exact\":\"Columbia\","
            + "\"genres\":[\"Electronic\"],\"genre_exact\":[\"Electronic\"],"
            + "\"styles\":[\"Deep House\"],\"style_exact\":[\"Deep House\"],"
            + "\"scene\":"
            + strings(SceneTags.all(t))
            + ","
            + "\"song\":\""
            + Versions.songKey(t)
            + "\",\"release\":\""
            + Versions.releaseKey(t)
            + "\","
            + "\"song_fp\":"
            + Fingerprint.of(Versions.songKey(t))
            + ",\"release_fp\":"
            + Fingerprint.of(Versions.releaseKey(t))
            + ","
            + "\"bpm\":124.0,"
            + "\"key\":9,\"mode\":0,\"camelot_number\":8,\"camelot\":\"8A\","
            + "\"mix_slot\":\"8A@124\","
            + "\"year\":2003,\"popularity\":80,\"duration_ms\":236000,\"time_signature\":4,"
            + "\"danceability\":0.5,\"energy\":0.75,"
            + "\"has_features\":1,"
            + "\"vector\":[0.5,-1.25],\"cluster\":3,\"imputed\":1,"
            + "\"track\":"
            + Json.MAPPER.writeValueAsString(t)
            + "}";
    assertThat(Json.MAPPER.writeValueAsString(doc)).isEqualTo(expected);
    assertThat(SceneTags.all(t)).isNotEmpty();
  }

  @Test
  void aTrackWithNothingButItsIdAndTitle() {
    Track t = Track.builder("x", "Untitled").build();
    ObjectNode doc = ClusterDocuments.toJson(t, null, -1, false);
    assertThat(doc.propertyNames())
        .containsExactly(
            "id",
            "title",
            "song",
            "release",
            "song_fp",
            "release_fp",
            "mix_slot",
            "has_features",
            "track");
    assertThat(doc.path("mix_slot").asString()).isEqualTo("?@?");
    assertThat(doc.path("has_features").asInt()).isZero();
  }

  @Test
  void theTrackComesBackFromTheSource() {
    Track t = small();
    assertThat(ClusterDocuments.fromSource(ClusterDocuments.toJson(t, null, -1, false)))
        .isEqualTo(t);
    assertThatThrownBy(() -> ClusterDocuments.fromSource(Json.MAPPER.readTree("{\"id\":\"x\"}")))
        .hasMessageContaining("not a Cratedigger track");
  }

  /** Every track of the fixture: the same values as the Lucene document, field by field. */
  @Test
  void theSameValuesAsTheEmbeddedIndex() throws Exception {
    Path csv = Path.of(getClass().getResource("/similar/catalog.csv").toURI());
    CatalogReader reader = new CatalogReader(new Importer(FormatRegistry.bundled()));
    List<Track> tracks = new ArrayList<>();
    reader.read(
        reader.scan(List.of(csv), "auto", p -> Function.identity()),
        p -> Function.identity(),
        tracks::add);
    assertThat(tracks).hasSizeGreaterThan(50);
    FeatureModel model = FeatureModel.fit(tracks, 42);
    for (Track t : tracks) {
      float[] v = model.vector(t);
      int c = model.cluster(v);
      boolean imputed = v != null && model.imputed(t);
      Document lucene = TrackDocuments.toDocument(t, v, c, imputed);
      ObjectNode json = ClusterDocuments.toJson(t, v, c, imputed);
      assertThat(values(json)).as(t.id()).isEqualTo(values(lucene));
      BytesRef source = lucene.getBinaryValue(Schema.SOURCE);
      assertThat(json.path(ClusterFields.TRACK))
          .isEqualTo(Json.MAPPER.readTree(source.bytes, source.offset, source.length));
    }
  }

  /** Cluster field name → its values, from a Lucene document (the stored source left out). */
  private static Map<String, List<Object>> values(Document d) {
    Map<String, List<Object>> out = new LinkedHashMap<>();
    for (IndexableField f : d.getFields()) {
      if (f.name().equals(Schema.SOURCE)) {
        continue;
      }
      List<Object> vs = out.computeIfAbsent(ClusterFields.of(f.name()), k -> new ArrayList<>());
      if (f instanceof KnnFloatVectorField k) {
        for (float x : k.vectorValue()) {
          vs.add((double) x);
        }
      } else if (f instanceof FloatField) {
        vs.add((double) NumericUtils.sortableIntToFloat((int) f.numericValue().longValue()));
      } else if (f.numericValue() != null) {
        vs.add(f.numericValue().longValue());
      } else {
        vs.add(f.stringValue() != null ? f.stringValue() : f.binaryValue().utf8ToString());
      }
    }
    return sorted(out);
  }

  /** The same from a cluster document (its track left out). */
  private static Map<String, List<Object>> values(ObjectNode doc) {
    Map<String, List<Object>> out = new LinkedHashMap<>();
    for (String name : doc.propertyNames()) {
      if (name.equals(ClusterFields.TRACK)) {
        continue;
      }
      JsonNode n = doc.get(name);
      List<Object> vs = new ArrayList<>();
      for (JsonNode x : n.isArray() ? n : List.of(n)) {
        if (x.isIntegralNumber()) {
          vs.add(x.asLong());
        } else if (x.isFloatingPointNumber()) {
          vs.add((double) x.floatValue());
        } else {
          vs.add(x.asString());
        }
      }
      out.put(name, vs);
    }
    return sorted(out);
  }

  private static Map<String, List<Object>> sorted(Map<String, List<Object>> m) {
    return new java.util.TreeMap<>(m);
  }
}
