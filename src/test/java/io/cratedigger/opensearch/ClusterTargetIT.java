package io.cratedigger.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cratedigger.index.BuildOptions;
import io.cratedigger.index.IndexReport;
import io.cratedigger.ingest.CatalogReader;
import io.cratedigger.ingest.FormatRegistry;
import io.cratedigger.ingest.Importer;
import io.cratedigger.model.FeatureModel;
import io.cratedigger.model.SceneModel;
import io.cratedigger.track.Track;
import io.cratedigger.view.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rebuilds into a real OpenSearch node ({@code tools/opensearch-node start}), driving {@link
 * ClusterTarget} through the steps {@link io.cratedigger.index.IndexBuilder} calls: the alias moves
 * atomically, the index answers by id and by vector, old generations go, an aborted rebuild leaves
 * the alias where it was.
 *
 * <p>Reads the node's URL from CRATEDIGGER_OPENSEARCH_URL; without it the tests are skipped, unless
 * CRATEDIGGER_REQUIRE_OPENSEARCH is set, when they fail. The alias and the index names are the
 * contract's ({@code cratedigger}, {@code cratedigger-gen-N}), so every {@code cratedigger-*} index
 * of that node is deleted first: point it at a test node only.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ClusterTargetIT {
  static final BuildOptions OPTIONS = new BuildOptions(2, 16, 50, 64, 10_000, 42);

  static ClusterSettings settings;
  static ClusterClient client;
  static List<Track> tracks;
  static FeatureModel model;

  @BeforeAll
  static void node() throws Exception {
    String url = io.cratedigger.OpenSearchTestNode.url();
    settings = ClusterSettings.of(url, 1, 1, System.getenv());
    client = ClusterClient.connect(settings);
    Path csv = Path.of(ClusterTargetIT.class.getResource("/similar/catalog.csv").toURI());
    CatalogReader reader = new CatalogReader(new Importer(FormatRegistry.bundled()));
    List<Track> read = new ArrayList<>();
    reader.read(
        reader.scan(List.of(csv), "auto", p -> Function.identity()),
        p -> Function.identity(),
        read::add);
    tracks = List.copyOf(read);
    model = FeatureModel.fit(tracks, 42);
  }

  @AfterAll
  static void close() throws Exception {
    if (client != null) {
      client.close();
    }
  }

  /** Every test starts from a node without Cratedigger's indices. */
  @BeforeEach
  void clean() throws Exception {
    for (String index : client.indices("cratedigger-*")) {
      client.deleteIndex(index);
    }
    assertThat(client.indices("cratedigger-*")).isEmpty();
  }

  /** A whole rebuild, as IndexBuilder drives it: the new index's name and the deleted ones. */
  record Built(String name, List<String> deleted) {}

  static Built build(List<Track> tracks, FeatureModel model) throws Exception {
    try (ClusterTarget target = ClusterTarget.open(settings, OPTIONS)) {
      boolean published = false;
      try {
        if (model != null) {
          target.saveModel(model);
        }
        addAll(target, tracks, model);
        assertThat(target.complete()).isEqualTo(1);
        target.saveScenes(SceneModel.empty());
        target.verify(tracks.size(), model != null);
        target.saveReport(report(target.name(), tracks.size()));
        target.publish();
        published = true;
        return new Built(target.name(), target.cleanup());
      } finally {
        if (!published) {
          target.abort();
        }
      }
    }
  }

  /** Adds the tracks from two threads at once, as the builder's workers do. */
  static void addAll(ClusterTarget target, List<Track> tracks, FeatureModel model)
      throws Exception {
    ExecutorService workers = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        int first = w;
        done.add(
            workers.submit(
                () -> {
                  for (int i = first; i < tracks.size(); i += 2) {
                    Track t = tracks.get(i);
                    float[] v = model == null ? null : model.vector(t);
                    int c = v == null ? -1 : model.cluster(v);
                    target.add(t, v, c, v != null && model.imputed(t));
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      workers.shutdown();
    }
  }

  static IndexReport report(String generation, long tracks) {
    return new IndexReport(
        generation,
        settings.location(),
        List.of("catalog.csv"),
        "cratedigger",
        tracks,
        tracks,
        Map.of(),
        Map.of(),
        0,
        tracks,
        tracks,
        tracks,
        List.of(),
        tracks,
        model.dimensions(),
        model.varianceKept(),
        model.report().criterion(),
        List.of(),
        Map.of("maxConn", 16, "beamWidth", 50, "threads", 2),
        1,
        Map.of("total", 1.0),
        tracks,
        List.of(),
        Map.of(),
        List.of());
  }

  static JsonNode search(String index, ObjectNode body) throws Exception {
    return client
        .request("POST", "/" + index + "/_search", Map.of(), body)
        .path("hits")
        .path("hits");
  }

  @Test
  void aRebuildPublishesAGenerationThatAnswers() throws Exception {
    Built b = build(tracks, model);
    String gen = b.name();
    assertThat(gen).isEqualTo("cratedigger-gen-000001");
    assertThat(b.deleted()).isEmpty();
    assertThat(client.aliasTargets(ClusterTarget.ALIAS)).containsExactly(gen);

    // every track, through the alias
    assertThat(client.get("/" + ClusterTarget.ALIAS + "/_count", Map.of()).path("count").asLong())
        .isEqualTo(tracks.size());

    // by id: the very track
    Track some = tracks.get(17);
    ObjectNode byId = Json.MAPPER.createObjectNode();
    byId.putObject("query").putObject("term").put(ClusterFields.ID, some.id());
    JsonNode hits = search(ClusterTarget.ALIAS, byId);
    assertThat(hits.size()).isEqualTo(1);
    assertThat(hits.get(0).path("_id").asString()).isEqualTo(some.id());
    assertThat(ClusterDocuments.fromSource(hits.get(0).path("_source"))).isEqualTo(some);

    // by vector: a track's own vector finds it first
    Track probe = tracks.stream().filter(t -> model.vector(t) != null).skip(5).findFirst().get();
    ObjectNode knn = Json.MAPPER.createObjectNode();
    knn.put("size", 3);
    ObjectNode q = knn.putObject("query").putObject("knn").putObject(ClusterFields.VECTOR);
    var vector = q.putArray("vector");
    for (float x : model.vector(probe)) {
      vector.add(x);
    }
    q.put("k", 3);
    JsonNode nearest = search(ClusterTarget.ALIAS, knn);
    assertThat(nearest.get(0).path("_id").asString()).isEqualTo(probe.id());
    assertThat(nearest.get(0).path("_score").asDouble()).isEqualTo(1.0); // 1 / (1 + 0²)

    // the mapping is ClusterMapping's, and the names analyzer folds
    JsonNode mapping = client.get("/" + gen + "/_mapping", Map.of()).path(gen).path("mappings");
    assertThat(mapping).isEqualTo(ClusterMapping.mappings(OPTIONS, model.dimensions()));
    ObjectNode analyze = Json.MAPPER.createObjectNode();
    analyze.put("field", ClusterFields.TITLE);
    analyze.put("text", "Beyoncé");
    JsonNode tokens = client.request("POST", "/" + gen + "/_analyze", Map.of(), analyze);
    assertThat(tokens.path("tokens").size()).isEqualTo(1);
    assertThat(tokens.path("tokens").get(0).path("token").asString()).isEqualTo("beyonce");

    // refresh and replicas are back after the load
    JsonNode index =
        client.get("/" + gen + "/_settings", Map.of()).path(gen).path("settings").path("index");
    assertThat(index.path("refresh_interval").asString()).isEqualTo("1s");
    assertThat(index.path("number_of_replicas").asString()).isEqualTo("1");
    assertThat(index.path("number_of_shards").asString()).isEqualTo("1");

    // the models travel with the generation
    ClusterMeta meta = new ClusterMeta(client);
    FeatureModel stored = meta.model(gen).orElseThrow();
    for (Track t : tracks) {
      assertThat(stored.vector(t)).isEqualTo(model.vector(t));
    }
    assertThat(meta.scenes(gen)).contains(SceneModel.empty());
    assertThat(meta.load(gen, ClusterMeta.REPORT).orElseThrow().path("tracksIndexed").asLong())
        .isEqualTo(tracks.size());
  }

  @Test
  void eachRebuildMovesTheAliasAndTheOnesBeforeThePreviousGo() throws Exception {
    String first = build(tracks, model).name();
    Built second = build(tracks, model);
    assertThat(second.name()).isEqualTo(ClusterTarget.name(ClusterTarget.number(first) + 1));
    assertThat(second.deleted()).isEmpty();
    assertThat(client.aliasTargets(ClusterTarget.ALIAS)).containsExactly(second.name());
    assertThat(client.indices(ClusterTarget.PREFIX + "*")).containsExactly(first, second.name());

    Built third = build(tracks.subList(0, 40), model);
    assertThat(third.deleted()).containsExactly(first);
    assertThat(client.aliasTargets(ClusterTarget.ALIAS)).containsExactly(third.name());
    assertThat(client.indices(ClusterTarget.PREFIX + "*"))
        .containsExactly(second.name(), third.name());
    assertThat(client.get("/" + ClusterTarget.ALIAS + "/_count", Map.of()).path("count").asLong())
        .isEqualTo(40);
    ClusterMeta meta = new ClusterMeta(client);
    assertThat(meta.load(first, ClusterMeta.MODEL)).isEmpty();
    assertThat(meta.load(second.name(), ClusterMeta.MODEL)).isPresent();
  }

  @Test
  void anAbortedRebuildLeavesTheAliasAndNothingElse() throws Exception {
    String live = build(tracks, model).name();
    String aborted;
    try (ClusterTarget target = ClusterTarget.open(settings, OPTIONS)) {
      aborted = target.name();
      target.saveModel(model);
      addAll(target, tracks.subList(0, 30), model);
      assertThat(client.indices(ClusterTarget.PREFIX + "*")).containsExactly(live, aborted);
      target.abort();
    }
    assertThat(client.aliasTargets(ClusterTarget.ALIAS)).containsExactly(live);
    assertThat(client.indices(ClusterTarget.PREFIX + "*")).containsExactly(live);
    assertThat(new ClusterMeta(client).load(aborted, ClusterMeta.MODEL)).isEmpty();
    assertThat(client.get("/" + ClusterTarget.ALIAS + "/_count", Map.of()).path("count").asLong())
        .isEqualTo(tracks.size());
  }

  @Test
  void aKilledRebuildsIndexIsRemovedByTheNextOne() throws Exception {
    String live = build(tracks, model).name();
    String killed;
    // closed without abort nor publish: what a killed process leaves
    try (ClusterTarget target = ClusterTarget.open(settings, OPTIONS)) {
      killed = target.name();
      target.saveModel(model);
      addAll(target, tracks.subList(0, 10), model);
    }
    assertThat(client.aliasTargets(ClusterTarget.ALIAS)).containsExactly(live);
    Built next = build(tracks, model);
    assertThat(next.deleted()).containsExactly(killed);
    assertThat(client.indices(ClusterTarget.PREFIX + "*")).containsExactly(live, next.name());
    assertThat(client.aliasTargets(ClusterTarget.ALIAS)).containsExactly(next.name());
  }

  @Test
  void withoutAModelThereIsNoVectorField() throws Exception {
    String gen = build(tracks, null).name();
    JsonNode properties =
        client.get("/" + gen + "/_mapping", Map.of()).path(gen).path("mappings").path("properties");
    assertThat(properties.has(ClusterFields.VECTOR)).isFalse();
    assertThat(new ClusterMeta(client).model(gen)).isEmpty();
    assertThat(client.get("/" + gen + "/_count", Map.of()).path("count").asLong())
        .isEqualTo(tracks.size());
  }

  @Test
  void aDocumentTheIndexRefusesFailsTheLoadWithItsReason() throws Exception {
    try (ClusterTarget target = ClusterTarget.open(settings, OPTIONS)) {
      // the target's own index: a field the strict mapping does not know
      try (BulkLoader bulk =
          new BulkLoader(client, target.name(), 2, 10, 1 << 20, BulkLoader.Backoff.DEFAULT)) {
        // the failure surfaces in a later add or in finish, whichever comes first
        assertThatThrownBy(
                () -> {
                  for (int i = 0; i < 25; i++) {
                    ObjectNode doc = ClusterDocuments.toJson(tracks.get(i), null, -1, false);
                    if (i == 13) {
                      doc.put("colour", "blue");
                    }
                    bulk.add(tracks.get(i).id(), doc);
                  }
                  bulk.finish();
                })
            .isInstanceOf(ClusterException.class)
            .hasMessageContaining("refused track " + tracks.get(13).id())
            .hasMessageContaining("strict_dynamic_mapping_exception")
            .hasMessageContaining("colour");
      }
      target.abort();
    }
    assertThat(client.indices(ClusterTarget.PREFIX + "*")).isEmpty();
  }

  @Test
  void verifyNoticesAMissingTrack() throws Exception {
    try (ClusterTarget target = ClusterTarget.open(settings, OPTIONS)) {
      target.saveModel(model);
      addAll(target, tracks, model);
      target.complete();
      assertThatThrownBy(() -> target.verify(tracks.size() + 1, true))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "the new index "
                  + target.name()
                  + " holds "
                  + tracks.size()
                  + " documents, expected "
                  + (tracks.size() + 1));
      target.abort();
    }
    assertThat(client.aliasTargets(ClusterTarget.ALIAS)).isEmpty();
  }

  /**
   * The rebuild a user runs ({@code index --backend opensearch}): IndexBuilder reads the export,
   * fits the model, learns the scenes and writes into the cluster; the cluster's generation carries
   * the same tracks, the same sound model and the same scene model as the embedded build of the
   * same file.
   */
  @Test
  void indexBuilderWritesTheSameGenerationIntoTheCluster(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path csv = Path.of(ClusterTargetIT.class.getResource("/similar/catalog.csv").toURI());
    var builder =
        new io.cratedigger.index.IndexBuilder(
            new Importer(FormatRegistry.bundled()),
            new io.cratedigger.index.IndexStore(dir),
            OPTIONS,
            io.cratedigger.index.BuildListener.NONE);
    IndexReport cluster;
    try (ClusterTarget target = ClusterTarget.open(settings, OPTIONS)) {
      cluster = builder.build(List.of(csv), "auto", target);
    }
    IndexReport embedded = builder.build(List.of(csv), "auto");

    assertThat(cluster.generation()).isEqualTo("cratedigger-gen-000001");
    assertThat(cluster.tracksIndexed())
        .isEqualTo(embedded.tracksIndexed())
        .isEqualTo(tracks.size());
    assertThat(client.aliasTargets(ClusterTarget.ALIAS)).containsExactly(cluster.generation());
    var meta = new ClusterMeta(client);
    var gen = io.cratedigger.index.Generation.open(dir.resolve(embedded.generation()));
    try (gen) {
      assertThat(meta.scenes(cluster.generation()).orElseThrow()).isEqualTo(gen.scenes());
      FeatureModel stored = meta.model(cluster.generation()).orElseThrow();
      for (Track t : tracks) {
        assertThat(stored.vector(t)).isEqualTo(gen.model().vector(t));
      }
    }
  }
}
