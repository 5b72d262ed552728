package io.cratedigger.opensearch;

import io.cratedigger.model.FeatureModel;
import io.cratedigger.model.SceneModel;
import io.cratedigger.view.Json;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What travels with a generation besides its tracks, kept in the small index {@value #INDEX}: the
 * sound model (so every server scores with the same PCA), the scene model and the rebuild's report.
 * One document per generation and kind, with the id {@code <generation>/<kind>}, e.g. {@code
 * cratedigger-gen-000007/model}; its {@code json} field holds the JSON the embedded index keeps in
 * a file, stored and not indexed.
 */
public final class ClusterMeta {

  /** The index of the generations' models and reports. */
  public static final String INDEX = "cratedigger-meta";

  /** The kind of the sound model's document ({@link FeatureModel}). */
  public static final String MODEL = "model";

  /** The kind of the scene model's document ({@link SceneModel}). */
  public static final String SCENES = "scenes";

  /** The kind of the rebuild report's document ({@link io.cratedigger.index.IndexReport}). */
  public static final String REPORT = "report";

  private static final String[] KINDS = {MODEL, SCENES, REPORT};

  private final ClusterClient client;

  public ClusterMeta(ClusterClient client) {
    this.client = client;
  }

  /** The document id of a generation's {@code kind}: {@code <generation>/<kind>}. */
  public static String id(String generation, String kind) {
    return generation + "/" + kind;
  }

  /**
   * The body creating {@value #INDEX}: one shard, copied to every data node ({@code
   * auto_expand_replicas: 0-all}) since every server reads it at start; strict mappings.
   */
  public static ObjectNode createBody() {
    ObjectNode body = Json.MAPPER.createObjectNode();
    ObjectNode index = body.putObject("settings").putObject("index");
    index.put("number_of_shards", 1);
    index.put("auto_expand_replicas", "0-all");
    ObjectNode mappings = body.putObject("mappings");
    mappings.put("dynamic", "strict");
    ObjectNode p = mappings.putObject("properties");
    p.putObject("generation").put("type", "keyword");
    p.putObject("kind").put("type", "keyword");
    p.putObject("json").put("type", "object").put("enabled", false);
    return body;
  }

  /** Creates {@value #INDEX} unless it exists (another rebuild may create it at the same time). */
  public void ensureIndex() throws IOException {
    if (client.exists(INDEX)) {
      return;
    }
    ClusterClient.Answer a =
        client.call(
            "PUT",
            "/" + INDEX,
            Map.of(),
            Json.MAPPER.writeValueAsBytes(createBody()),
            "application/json");
    if (!a.ok()
        && !"resource_already_exists_exception"
            .equals(a.body().path("error").path("type").asString(""))) {
      throw client.failure("PUT", "/" + INDEX, a);
    }
  }

  /** Keeps {@code json} (an object) as the generation's {@code kind}, replacing any before. */
  public void save(String generation, String kind, JsonNode json) throws IOException {
    if (!json.isObject()) {
      throw new IllegalArgumentException(kind + " must be a JSON object");
    }
    ObjectNode doc = Json.MAPPER.createObjectNode();
    doc.put("generation", generation);
    doc.put("kind", kind);
    doc.set("json", json);
    // refresh: a reader searching the index (not only getting by id) sees it at once
    client.request(
        "PUT",
        "/" + INDEX + "/_doc/" + ClusterClient.encode(id(generation, kind)),
        Map.of("refresh", "true"),
        doc);
  }

  /** The generation's {@code kind}, or empty when it has none. */
  public Optional<JsonNode> load(String generation, String kind) throws IOException {
    String path = "/" + INDEX + "/_doc/" + ClusterClient.encode(id(generation, kind));
    ClusterClient.Answer a = client.call("GET", path, Map.of(), null, null);
    if (a.status() == 404) {
      return Optional.empty();
    }
    if (!a.ok()) {
      throw client.failure("GET", path, a);
    }
    JsonNode json = a.body().path("_source").path("json");
    return json.isObject() ? Optional.of(json) : Optional.empty();
  }

  /** The generation's sound model, or empty when it was built without one. */
  public Optional<FeatureModel> model(String generation) throws IOException {
    Optional<JsonNode> json = load(generation, MODEL);
    if (json.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        FeatureModel.fromJson(
            Json.MAPPER.writeValueAsString(json.get()), id(generation, MODEL) + " in " + INDEX));
  }

  /** The generation's scene model, or empty when it has none. */
  public Optional<SceneModel> scenes(String generation) throws IOException {
    Optional<JsonNode> json = load(generation, SCENES);
    if (json.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.MAPPER.treeToValue(json.get(), SceneModel.class));
    } catch (JacksonException e) {
      throw new IOException(
          id(generation, SCENES)
              + " in "
              + INDEX
              + " is not a scene model: "
              + e.getOriginalMessage(),
          e);
    }
  }

  /** Deletes the generation's documents (those it has); a missing index or document is no error. */
  public void delete(String generation) throws IOException {
    for (String kind : KINDS) {
      String path = "/" + INDEX + "/_doc/" + ClusterClient.encode(id(generation, kind));
      ClusterClient.Answer a = client.call("DELETE", path, Map.of(), null, null);
      if (!a.ok() && a.status() != 404) {
        throw client.failure("DELETE", path, a);
      }
    }
  }
}
