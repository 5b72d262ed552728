package io.cratedigger.opensearch;

import io.cratedigger.index.Schema;
import io.cratedigger.model.FeatureModel;
import io.cratedigger.model.SceneModel;
import io.cratedigger.search.Match;
import io.cratedigger.search.TrackIndex;
import io.cratedigger.track.Versions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One generation in the cluster as servers read it: its index, its sound and scene models (stored
 * with it, so every server scores with the same PCA) and what requests look up again and again — a
 * generation never changes, so document frequencies and the spellings of a field's values are asked
 * once and kept. Shared by the requests that read the generation; {@link #tracks()} gives one
 * request its view.
 */
public final class ClusterGeneration {
  /** Values of a field read per request to the cluster when learning its spellings. */
  private static final int SPELLING_PAGE = 10_000;

  private final ClusterClient client;
  private final String index;
  private final FeatureModel model;
  private final SceneModel scenes;
  private final int size;
  private final Map<String, Map<String, Integer>> docFreqs = new ConcurrentHashMap<>();
  private final Map<String, Values> values = new ConcurrentHashMap<>();

  /** A keyword field's values: count by value in term order, and the spellings of each folded. */
  private record Values(Map<String, Integer> counts, Map<String, List<String>> byFolded) {}

  private ClusterGeneration(
      ClusterClient client, String index, FeatureModel model, SceneModel scenes, int size) {
    this.client = client;
    this.index = index;
    this.model = model;
    this.scenes = scenes;
    this.size = size;
  }

  /**
   * Opens a generation's index: reads its models from {@link ClusterMeta} and counts its tracks.
   *
   * @throws ClusterException when the cluster does not answer or has no such index
   */
  public static ClusterGeneration open(ClusterClient client, String index) throws IOException {
    ClusterMeta meta = new ClusterMeta(client);
    FeatureModel model = meta.model(index).orElse(null);
    SceneModel scenes = meta.scenes(index).orElse(SceneModel.empty());
    JsonNode count = client.get("/" + ClusterClient.encode(index) + "/_count", Map.of());
    return new ClusterGeneration(client, index, model, scenes, count.path("count").asInt());
  }

  /** The generation's index name, e.g. {@code cratedigger-gen-000003}. */
  public String index() {
    return index;
  }

  public FeatureModel model() {
    return model;
  }

  public SceneModel scenes() {
    return scenes;
  }

  public int size() {
    return size;
  }

  ClusterClient client() {
    return client;
  }

  /** The engine's view of this generation for one request. */
  public TrackIndex tracks() {
    return new ClusterTracks(this);
  }

  /** Runs a search on the generation's index and returns the answer. */
  JsonNode search(ObjectNode body) throws ClusterException {
    return client.request("POST", "/" + ClusterClient.encode(index) + "/_search", Map.of(), body);
  }

  /**
   * Runs several searches on the generation's index in one {@code _msearch}; their answers in
   * order.
   *
   * @throws ClusterException when the request or any one search fails
   */
  List<JsonNode> msearch(List<ObjectNode> bodies) throws ClusterException {
    java.io.ByteArrayOutputStream nd = new java.io.ByteArrayOutputStream();
    byte[] header = "{}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (ObjectNode b : bodies) {
      nd.writeBytes(header);
      nd.writeBytes(io.cratedigger.view.Json.MAPPER.writeValueAsBytes(b));
      nd.write('\n');
    }
    String path = "/" + ClusterClient.encode(index) + "/_msearch";
    ClusterClient.Answer a =
        client.call("POST", path, Map.of(), nd.toByteArray(), "application/x-ndjson");
    if (!a.ok()) {
      throw client.failure("POST", path, a);
    }
    List<JsonNode> out = new ArrayList<>(bodies.size());
    for (JsonNode r : a.body().path("responses")) {
      if (r.has("error")) {
        throw client.failure(
            "POST", path, new ClusterClient.Answer(r.path("status").asInt(500), r));
      }
      out.add(r);
    }
    if (out.size() != bodies.size()) {
      throw new ClusterException(
          "OpenSearch answered " + out.size() + " of " + bodies.size() + " searches to " + path,
          a.status(),
          null,
          null);
    }
    return out;
  }

  /** Field → value → document frequency: those not asked before in one search, then kept. */
  Map<String, Map<String, Integer>> docFreqs(Map<String, ? extends Collection<String>> values)
      throws IOException {
    record Want(String field, String value) {}
    List<Want> missing = new ArrayList<>();
    for (var f : values.entrySet()) {
      Map<String, Integer> known = docFreqs.getOrDefault(f.getKey(), Map.of());
      for (String v : f.getValue()) {
        if (!known.containsKey(v)) {
          missing.add(new Want(f.getKey(), v));
        }
      }
    }
    if (!missing.isEmpty()) {
      ObjectNode body = ClusterQueries.obj();
      body.put("size", 0);
      ObjectNode filters =
          body.putObject("aggs").putObject("df").putObject("filters").putObject("filters");
      for (int i = 0; i < missing.size(); i++) {
        Want w = missing.get(i);
        filters.set(Integer.toString(i), ClusterQueries.terms(w.field(), List.of(w.value())));
      }
      JsonNode buckets = search(body).path("aggregations").path("df").path("buckets");
      for (int i = 0; i < missing.size(); i++) {
        Want w = missing.get(i);
        docFreqs
            .computeIfAbsent(w.field(), k -> new ConcurrentHashMap<>())
            .put(w.value(), buckets.path(Integer.toString(i)).path("doc_count").asInt());
      }
    }
    Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
    for (var f : values.entrySet()) {
      Map<String, Integer> m = new LinkedHashMap<>();
      Map<String, Integer> known = docFreqs.getOrDefault(f.getKey(), Map.of());
      f.getValue().forEach(v -> m.put(v, known.getOrDefault(v, 0)));
      out.put(f.getKey(), m);
    }
    return out;
  }

  /**
   * The spellings of {@code typed} in a keyword field (see {@link
   * io.cratedigger.search.FacetValues#resolve}), in term order. The field's values are read once
   * per generation, on first use.
   */
  List<String> spell(String field, String typed) throws IOException {
    String want = Versions.fold(typed);
    if (want.isEmpty()) {
      return List.of();
    }
    return List.copyOf(values(field).byFolded().getOrDefault(want, List.of()));
  }

  /** Every value of a keyword field with its count, in term order. */
  Map<String, Integer> counts(String field) throws IOException {
    return values(field).counts();
  }

  private Values values(String field) throws IOException {
    Values v = values.get(field);
    if (v == null) {
      v = loadValues(field);
      values.put(field, v);
    }
    return v;
  }

  /** Reads a field's values page by page (a composite aggregation walks them in term order). */
  private Values loadValues(String field) throws IOException {
    Map<String, Integer> counts = new LinkedHashMap<>();
    Map<String, List<String>> byFolded = new HashMap<>();
    JsonNode after = null;
    while (true) {
      ObjectNode body = ClusterQueries.obj();
      body.put("size", 0);
      ObjectNode composite = body.putObject("aggs").putObject("v").putObject("composite");
      composite.put("size", SPELLING_PAGE);
      composite
          .putArray("sources")
          .addObject()
          .putObject("v")
          .putObject("terms")
          .put("field", ClusterFields.of(field));
      if (after != null) {
        composite.set("after", after);
      }
      JsonNode agg = search(body).path("aggregations").path("v");
      for (JsonNode b : agg.path("buckets")) {
        String v = b.path("key").path("v").asString();
        counts.put(v, b.path("doc_count").asInt());
        byFolded.computeIfAbsent(Versions.fold(v), k -> new ArrayList<>(1)).add(v);
      }
      after = agg.get("after_key");
      if (after == null || agg.path("buckets").isEmpty()) {
        return new Values(
            java.util.Collections.unmodifiableMap(counts),
            java.util.Collections.unmodifiableMap(byFolded));
      }
    }
  }

  /** How many tracks match. */
  long count(Match m) throws ClusterException {
    ObjectNode body = ClusterQueries.obj();
    body.set("query", ClusterQueries.of(m));
    return client
        .request("POST", "/" + ClusterClient.encode(index) + "/_count", Map.of(), body)
        .path("count")
        .asLong();
  }

  /** The schema fields the engine reads of a candidate, under their cluster names. */
  static final List<String> READ_FIELDS = readFields();

  private static List<String> readFields() {
    List<String> f = new ArrayList<>();
    for (String s :
        List.of(
            Schema.ID,
            Schema.BPM,
            Schema.KEY,
            Schema.MODE,
            Schema.CLUSTER,
            Schema.SONG_FP,
            Schema.RELEASE_FP,
            Schema.ARTIST_FP,
            Schema.SCENE,
            Schema.LABEL_EXACT,
            Schema.ARTIST_EXACT)) {
      f.add(ClusterFields.of(s));
    }
    // the sound vector is computed from the stored track's features with the generation's model,
    // as it was at indexing: reading the knn_vector back from the source costs the node ~10 ms
    // per hundred hits (it is rebuilt from the vector index)
    for (var feature : io.cratedigger.track.AudioFeature.values()) {
      f.add(ClusterFields.TRACK + "." + feature.field());
    }
    for (var a : io.cratedigger.search.Attribute.values()) {
      String name = ClusterFields.of(a.field());
      if (!f.contains(name)) {
        f.add(name);
      }
    }
    return List.copyOf(f);
  }
}
