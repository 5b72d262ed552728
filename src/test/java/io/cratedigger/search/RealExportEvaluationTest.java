package io.cratedigger.search;

import static io.cratedigger.JsonFields.integer;
import static io.cratedigger.JsonFields.text;
import static org.assertj.core.api.Assertions.assertThat;
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
    Path export = Path.of(text(cfg, "/export"));
    // read before the export is looked for: a file that checks nothing fails on every machine
    Expectations expect = Expectations.read(cfg.get("expect"), "real-export.yaml, expect");
    Expectations oracle = Expectations.read(cfg.get("oracle"), "real-export.yaml, oracle");
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
                      s,
                      g,
                      engine,
                      Math.toIntExact(integer(cfg, "/seeds")),
                      integer(cfg, "/sampleSeed")));
    }
    System.out.println("real export: " + q.get("cratedigger") + ", oracle " + q.get("oracle"));
    expect.check(q.get("cratedigger"));
    oracle.check(q.get("oracle"));
  }
}
