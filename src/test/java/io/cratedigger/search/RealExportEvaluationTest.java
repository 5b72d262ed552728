package io.cratedigger.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cratedigger.Fixtures;
import io.cratedigger.bench.QualityBench;
import io.cratedigger.index.IndexStore;
import io.cratedigger.index.LiveIndex;
import io.cratedigger.rank.Weights;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The ranking on a real collection (src/test/resources/eval/real-export.yaml): a change that loses
 * the scene, the mix, the sound or the variety of the top 10 on real data fails the build. Reads
 * the shared export beside the project (CI has it; {@code .ci/run} sets
 * CRATEDIGGER_REQUIRE_REAL_DATA so that it cannot be skipped there). Deterministic, not timed.
 */
class RealExportEvaluationTest {
  @TempDir Path tmp;

  @Test
  void theTopTenSharesTheSceneMixesAndStaysCloseInSound() throws Exception {
    JsonNode cfg;
    try (InputStream in = getClass().getResourceAsStream("/eval/real-export.yaml")) {
      cfg = new YAMLMapper().readTree(in);
    }
    Path export = Path.of(cfg.path("export").asString());
    if (System.getenv("CRATEDIGGER_REQUIRE_REAL_DATA") != null) {
      assertThat(export).as("the shared real export").isRegularFile();
    }
    assumeTrue(Files.isRegularFile(export), "no " + export + " beside the project");

    // one thread: the same document order on every run
    IndexStore store = Fixtures.build(tmp.resolve("index"), 1, List.of(export));
    Map<String, Map<String, Double>> q;
    try (LiveIndex live = LiveIndex.open(store)) {
      Recommender engine = new Recommender(Weights.defaults());
      q =
          live.search(
              (s, g) ->
                  QualityBench.run(
                      s, g, engine, cfg.path("seeds").asInt(), cfg.path("sampleSeed").asLong()));
    }
    System.out.println("real export: " + q.get("cratedigger") + ", oracle " + q.get("oracle"));
    check(q.get("cratedigger"), cfg.path("expect"));
    check(q.get("oracle"), cfg.path("oracle"));
  }

  private static void check(Map<String, Double> got, JsonNode expect) {
    for (var e : expect.properties()) {
      String metric = e.getKey();
      JsonNode want = e.getValue();
      double v = got.get(metric);
      assertThat(v)
          .as("%s (all: %s)", metric, got)
          .isCloseTo(want.path("value").asDouble(), within(want.path("tolerance").asDouble()));
      if (want.has("min")) {
        assertThat(v)
            .as("%s bound (all: %s)", metric, got)
            .isGreaterThanOrEqualTo(want.path("min").asDouble());
      }
      if (want.has("max")) {
        assertThat(v)
            .as("%s bound (all: %s)", metric, got)
            .isLessThanOrEqualTo(want.path("max").asDouble());
      }
    }
  }
}
