package io.cratedigger.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.cratedigger.index.BuildOptions;
import io.cratedigger.index.Schema;
import io.cratedigger.view.Json;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The index in the cluster: every field of the embedded schema, with its type, exactly. */
class ClusterMappingTest {
  private static final BuildOptions OPTIONS = new BuildOptions(2, 24, 80, 64, 1000, 42);

  private static JsonNode json(String text) {
    return Json.MAPPER.readTree(text.replace('\'', '"'));
  }

  @Test
  void theMappings() {
    String text = "{'type':'text','analyzer':'names','position_increment_gap':0}";
    String expected =
        "{'dynamic':'strict','properties':{"
            + "'id':{'type':'keyword'},"
            + "'title':"
            + text
            + ",'artists':"
            + text
            + ",'album':"
            + text
            + ",'label':"
            + text
            + ",'genres':"
            + text
            + ",'styles':"
            + text
            + ","
            + "'artist_exact':{'type':'keyword'},'label_exact':{'type':'keyword'},"
            + "'genre_exact':{'type':'keyword'},'style_exact':{'type':'keyword'},"
            + "'scene':{'type':'keyword'},'release':{'type':'keyword'},'song':{'type':'keyword'},"
            + "'camelot':{'type':'keyword'},"
            + "'mix_slot':{'type':'keyword','doc_values':false},"
            + "'song_fp':{'type':'long','index':false},'release_fp':{'type':'long','index':false},"
            + "'artist_fp':{'type':'long','index':false},"
            + "'bpm':{'type':'float'},"
            + "'danceability':{'type':'float'},'energy':{'type':'float'},'valence':{'type':'float'},"
            + "'acousticness':{'type':'float'},'instrumentalness':{'type':'float'},"
            + "'liveness':{'type':'float'},'speechiness':{'type':'float'},'loudness':{'type':'float'},"
            + "'key':{'type':'integer'},'mode':{'type':'integer'},'camelot_number':{'type':'integer'},"
            + "'year':{'type':'integer'},'popularity':{'type':'integer'},"
            + "'duration_ms':{'type':'integer'},'time_signature':{'type':'integer'},"
            + "'has_features':{'type':'integer'},'cluster':{'type':'integer'},"
            + "'imputed':{'type':'integer'},"
            + "'track':{'type':'object','enabled':false},"
            + "'vector':{'type':'knn_vector','dimension':5,'method':{'name':'hnsw','engine':'lucene',"
            + "'space_type':'l2','parameters':{'m':24,'ef_construction':80}}}"
            + "}}";
    assertThat(ClusterMapping.mappings(OPTIONS, 5)).isEqualTo(json(expected));
    // no model: no vector field
    var none = ClusterMapping.mappings(OPTIONS, 0);
    assertThat(none.path("properties").has("vector")).isFalse();
    assertThat(none.path("properties").size())
        .isEqualTo(ClusterMapping.mappings(OPTIONS, 5).path("properties").size() - 1);
  }

  @Test
  void everyFieldOfTheSchemaIsMappedOnceWithoutDots() throws Exception {
    List<String> schema = new ArrayList<>();
    for (Field f : Schema.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
        schema.add((String) f.get(null));
      }
    }
    Map<String, String> table = ClusterFields.bySchema();
    assertThat(table.keySet()).containsAll(schema);
    assertThat(new HashSet<>(table.values())).hasSize(table.size());
    assertThat(table.values()).allSatisfy(v -> assertThat(v).doesNotContain("."));
    // and every cluster field is in the mapping
    var properties = ClusterMapping.mappings(OPTIONS, 3).path("properties");
    assertThat(table.values()).allSatisfy(v -> assertThat(properties.has(v)).as(v).isTrue());
    assertThat(properties.size()).isEqualTo(table.size());
    assertThat(ClusterFields.of(Schema.LABEL_EXACT)).isEqualTo("label_exact");
    assertThat(ClusterFields.of(Schema.SOURCE)).isEqualTo("track");
    assertThat(ClusterFields.of(Schema.CAMELOT_NUMBER)).isEqualTo("camelot_number");
  }

  @Test
  void theSettingsDuringTheLoadAndAfter() {
    var cluster = ClusterSettings.of("http://h:9200", 3, 2, Map.of());
    var body = ClusterMapping.createIndex(cluster, OPTIONS, 0);
    assertThat(body.path("settings"))
        .isEqualTo(
            json(
                "{'index':{'number_of_shards':3,'number_of_replicas':0,'refresh_interval':'-1',"
                    + "'knn':true,'analysis':{'analyzer':{'names':{'type':'custom',"
                    + "'tokenizer':'standard','filter':['asciifolding','lowercase']}}}}}"));
    assertThat(body.path("mappings")).isEqualTo(ClusterMapping.mappings(OPTIONS, 0));
    assertThat(ClusterMapping.servingSettings(2))
        .isEqualTo(json("{'index':{'refresh_interval':'1s','number_of_replicas':2}}"));
  }

  @Test
  void theMetaIndex() {
    assertThat(ClusterMeta.createBody())
        .isEqualTo(
            json(
                "{'settings':{'index':{'number_of_shards':1,'auto_expand_replicas':'0-all'}},"
                    + "'mappings':{'dynamic':'strict','properties':{'generation':{'type':'keyword'},"
                    + "'kind':{'type':'keyword'},'json':{'type':'object','enabled':false}}}}"));
    assertThat(ClusterMeta.id("cratedigger-gen-000007", ClusterMeta.MODEL))
        .isEqualTo("cratedigger-gen-000007/model");
  }
}
