package io.cratedigger.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cratedigger.bench.Quality;
import io.cratedigger.index.BuildListener;
import io.cratedigger.index.BuildOptions;
import io.cratedigger.index.IndexBuilder;
import io.cratedigger.index.IndexStore;
import io.cratedigger.index.LiveIndex;
import io.cratedigger.ingest.CatalogReader;
import io.cratedigger.ingest.FormatRegistry;
import io.cratedigger.ingest.Importer;
import io.cratedigger.rank.MixOptions;
import io.cratedigger.rank.Weights;
import io.cratedigger.track.Track;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The checked-in evaluation (src/test/resources/eval/similar-fixture.yaml): aggregate quality of
 * the top 10 for every seed of the fixture, per ranking setup, within a stated tolerance.
 */
class EvaluationTest {
  @TempDir Path tmp;

  @Test
  void rankingQualityStaysWhereItWasCheckedIn() throws Exception {
    JsonNode cfg;
    try (InputStream in = getClass().getResourceAsStream("/eval/similar-fixture.yaml")) {
      cfg = new YAMLMapper().readTree(in);
    }
    Path csv = Path.of(getClass().getResource(cfg.path("catalog").asString()).toURI());
    Importer importer = new Importer(FormatRegistry.bundled());
    IndexStore store = new IndexStore(tmp.resolve("index"));
    new IndexBuilder(
            importer, store, new BuildOptions(2, 16, 50, 64, 10_000, 42), BuildListener.NONE)
        .build(List.of(csv), "auto");
    List<String> seeds = new ArrayList<>();
    CatalogReader reader = new CatalogReader(importer);
    reader.read(
        reader.scan(List.of(csv), "auto", p -> Function.identity()),
        p -> Function.identity(),
        (Track t) -> seeds.add(t.id()));
    int limit = cfg.path("limit").asInt();
    List<String> report = new ArrayList<>();
    try (LiveIndex live = LiveIndex.open(store)) {
      for (JsonNode setup : cfg.path("setups")) {
        Weights.Fusion fusion =
            Weights.Fusion.valueOf(setup.path("fusion").asString().toUpperCase(Locale.ROOT));
        Recommender engine = new Recommender(Weights.defaults());
        List<Recommendations> answers = new ArrayList<>();
        for (String id : seeds) {
          var req =
              new RecommendRequest(
                  List.of(id),
                  List.of(),
                  List.of(),
                  limit,
                  Filters.none(),
                  Map.of(),
                  MixOptions.defaults(),
                  fusion);
          answers.add(live.search((s, g) -> engine.recommend(s, g, req, false)));
        }
        Map<String, Double> got = Quality.of(answers);
        report.add(setup.path("name").asString() + ": " + got);
        for (var e : setup.path("expect").properties()) {
          double want = e.getValue().path("value").asDouble();
          double tol = e.getValue().path("tolerance").asDouble();
          assertThat(got.get(e.getKey()))
              .as("%s, %s (all: %s)", setup.path("name").asString(), e.getKey(), got)
              .isCloseTo(want, within(tol));
        }
      }
    }
    System.out.println(String.join("\n", report));
  }
}
