package io.cratedigger.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cratedigger.Fixtures;
import io.cratedigger.index.BuildListener;
import io.cratedigger.index.BuildOptions;
import io.cratedigger.index.IndexBuilder;
import io.cratedigger.index.IndexStore;
import io.cratedigger.index.LiveIndex;
import io.cratedigger.ingest.FormatRegistry;
import io.cratedigger.ingest.Importer;
import io.cratedigger.rank.Weights;
import io.cratedigger.search.Attribute;
import io.cratedigger.search.Filters;
import io.cratedigger.search.LuceneTracks;
import io.cratedigger.search.RecommendRequest;
import io.cratedigger.search.Recommendations;
import io.cratedigger.search.Recommender;
import io.cratedigger.search.TrackIndex;
import io.cratedigger.search.UnknownTrackException;
import io.cratedigger.track.Track;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same engine over both backends answers alike: the fixture catalog (63 tracks in four scenes)
 * is built once into the embedded index and once into a real OpenSearch node (see {@link
 * ClusterTargetIT} for the node), and every request is asked of both.
 *
 * <p>Expected differences, none of which shows on this fixture: a cluster of several shards scores
 * BM25 with each shard's statistics, and the cluster's vector search is approximate where the
 * embedded index compares the scene-and-mix set exactly; ties in a retriever's list fall in each
 * index's own document order.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class BackendParityIT {
  static final BuildOptions OPTIONS = new BuildOptions(1, 16, 50, 64, 200_000, 42);
  static final Recommender ENGINE = new Recommender(Weights.defaults());

  @TempDir static Path tmp;
  static LiveIndex live;
  static ClusterClient client;
  static ClusterGeneration cluster;
  static List<String> ids;

  @BeforeAll
  static void build() throws Exception {
    ClusterSettings settings =
        ClusterSettings.of(io.cratedigger.OpenSearchTestNode.url(), 1, 0, System.getenv());
    client = ClusterClient.connect(settings);
    for (String index : client.indices("cratedigger-*")) {
      client.deleteIndex(index);
    }
    Path csv = Path.of(BackendParityIT.class.getResource("/similar/catalog.csv").toURI());
    live = LiveIndex.open(Fixtures.build(tmp.resolve("lucene"), 1, List.of(csv)));
    try (ClusterTarget target = ClusterTarget.open(settings, OPTIONS)) {
      new IndexBuilder(
              new Importer(FormatRegistry.bundled()),
              new IndexStore(tmp.resolve("unused")),
              OPTIONS,
              BuildListener.NONE)
          .build(List.of(csv), "auto", target);
    }
    cluster = ClusterGeneration.open(client, client.aliasTargets(ClusterTarget.ALIAS).getFirst());
    ids =
        live.search(
            (s, g) -> {
              List<String> out = new ArrayList<>();
              var stored = s.storedFields();
              for (int d = 0; d < s.getIndexReader().maxDoc(); d++) {
                out.add(
                    io.cratedigger.index.TrackDocuments.fromSource(
                            stored.document(d).getBinaryValue(io.cratedigger.index.Schema.SOURCE))
                        .id());
              }
              return out;
            });
  }

  @AfterAll
  static void close() throws Exception {
    if (live != null) {
      live.close();
    }
    if (client != null) {
      client.close();
    }
  }

  static Recommendations lucene(RecommendRequest req, boolean pools) throws IOException {
    return live.search((s, g) -> ENGINE.recommend(new LuceneTracks(s, g), req, pools));
  }

  static Recommendations opensearch(RecommendRequest req, boolean pools) throws IOException {
    return ENGINE.recommend(cluster.tracks(), req, pools);
  }

  /** Id, score and reasons of each result: what a user sees. */
  static List<String> seen(Recommendations r) {
    return r.results().stream()
        .map(x -> x.track().id() + " " + x.score() + " " + x.mixable() + " " + x.reasons())
        .toList();
  }

  @Test
  void theGenerationCarriesItsModelsAndCounts() throws Exception {
    assertThat(cluster.size()).isEqualTo(63);
    assertThat(cluster.model()).isNotNull();
    assertThat(cluster.model().dimensions())
        .isEqualTo(live.search((s, g) -> g.model().dimensions()));
  }

  @Test
  void everySeedGetsTheSameTopTenWithTheSameScoresAndReasons() throws Exception {
    assertThat(ids).hasSize(63);
    int full = 0;
    for (String id : ids) {
      RecommendRequest req = RecommendRequest.similar(id, 10);
      List<String> expected = seen(lucene(req, false));
      full += expected.size() == 10 ? 1 : 0;
      assertThat(seen(opensearch(req, false)))
          .as("similar to %s", id)
          .isEqualTo(seen(lucene(req, false)));
    }
  }

  @Test
  void theRetrieversBringTheSamePools() throws Exception {
    for (String id : ids) {
      RecommendRequest req = RecommendRequest.similar(id, 10);
      var a = lucene(req, false).stats();
      var b = opensearch(req, false).stats();
      assertThat(List.of(b.lexicalPool(), b.knnPool(), b.mixablePool(), b.candidates()))
          .as("pools for %s", id)
          .isEqualTo(List.of(a.lexicalPool(), a.knnPool(), a.mixablePool(), a.candidates()));
    }
  }

  @Test
  void filtersKeyLockAndSeedPoolsAnswerAlike() throws Exception {
    String seed = ids.get(7);
    Filters filters =
        new Filters(
            null,
            2015,
            List.of(),
            List.of(),
            List.of(),
            List.of("dub techno"),
            List.of(),
            List.of(),
            Map.of(Attribute.ENERGY, new double[] {0.3, Double.NaN}));
    RecommendRequest req =
        new RecommendRequest(
            List.of(seed), List.of(), List.of(), 20, filters, Map.of(), null, null);
    Recommendations a = lucene(req, true);
    assertThat(a.results()).hasSizeGreaterThan(3);
    assertThat(seen(opensearch(req, true))).isEqualTo(seen(a));
    assertThat(opensearch(req, true).seeds()).isEqualTo(a.seeds());
    assertThat(a.seeds().getFirst().afterFilteringSize())
        .isPositive()
        .isLessThan(a.seeds().getFirst().initialPoolSize());
  }

  @Test
  void genreAndArtistSeedsResolveTheSameSpellings() throws Exception {
    Track t = live.search((s, g) -> LuceneTracks.load(s, ids.get(20)));
    RecommendRequest req =
        new RecommendRequest(
            List.of(),
            List.of(t.artists().getFirst().toUpperCase(java.util.Locale.ROOT)),
            List.of(t.genres().getFirst().toLowerCase(java.util.Locale.ROOT)),
            10,
            Filters.none(),
            Map.of(),
            null,
            null);
    Recommendations a = lucene(req, true);
    assertThat(a.results()).isNotEmpty();
    assertThat(seen(opensearch(req, true))).isEqualTo(seen(a));
    assertThat(opensearch(req, true).seeds()).isEqualTo(a.seeds());
  }

  @Test
  void anUnknownTrackIsNotFoundOnBoth() throws Exception {
    TrackIndex os = cluster.tracks();
    assertThatThrownBy(() -> os.track("no-such-track"))
        .isInstanceOf(UnknownTrackException.class)
        .hasMessageContaining("no-such-track");
    assertThatThrownBy(() -> live.search((s, g) -> LuceneTracks.load(s, "no-such-track")))
        .isInstanceOf(UnknownTrackException.class);
  }

  @Test
  void aTrackReadsBackTheSameFromBoth() throws Exception {
    for (String id : ids.subList(0, 10)) {
      assertThat(cluster.tracks().track(id))
          .isEqualTo(live.search((s, g) -> LuceneTracks.load(s, id)));
    }
  }
}
