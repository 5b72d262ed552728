package io.cratedigger.search;

import static io.cratedigger.JsonFields.field;
import static io.cratedigger.JsonFields.integer;
import static io.cratedigger.JsonFields.text;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    List<Setup> setups = setups(cfg); // a file that checks nothing fails before the work
    Path csv = Path.of(getClass().getResource(text(cfg, "/catalog")).toURI());
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
    int limit = Math.toIntExact(integer(cfg, "/limit"));
    List<String> report = new ArrayList<>();
    try (LiveIndex live = LiveIndex.open(store)) {
      for (Setup setup : setups) {
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
                  setup.fusion());
          answers.add(live.search((s, g) -> engine.recommend(s, g, req, false)));
        }
        Map<String, Double> got = Quality.of(answers);
        report.add(setup.name() + ": " + got);
        setup.expect().check(got);
      }
    }
    System.out.println(String.join("\n", report));
  }

  /** One ranking setup of the file: its name, its fusion and the metrics it expects. */
  record Setup(String name, Weights.Fusion fusion, Expectations expect) {}

  /**
   * The setups of the file, read strictly: a file without any, or a setup that names no metric,
   * fails the test instead of passing on nothing checked.
   */
  static List<Setup> setups(JsonNode cfg) {
    JsonNode list = field(cfg, "/setups");
    if (!list.isArray() || list.isEmpty()) {
      throw new AssertionError("setups must list at least one ranking setup, got " + list);
    }
    List<Setup> setups = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String name = text(list, "/" + i + "/name");
      if (name.isBlank()) {
        throw new AssertionError("setup " + i + " has a blank name");
      }
      String fusion = text(list, "/" + i + "/fusion");
      setups.add(
          new Setup(
              name,
              Weights.Fusion.valueOf(fusion.toUpperCase(Locale.ROOT)),
              Expectations.read(list.get(i).get("expect"), "setup \"" + name + "\"")));
    }
    return setups;
  }

  @Test
  void aFileThatNamesNothingToCheckFails() {
    YAMLMapper yaml = new YAMLMapper();
    assertThatThrownBy(() -> setups(yaml.readTree("catalog: /similar/catalog.csv\nlimit: 10\n")))
        .hasMessageStartingWith("no field /setups in ");
    assertThatThrownBy(() -> setups(yaml.readTree("setups: []\n")))
        .hasMessage("setups must list at least one ranking setup, got []");
    assertThatThrownBy(() -> setups(yaml.readTree("setups:\n  - name: bare\n    fusion: rrf\n")))
        .hasMessage("setup \"bare\" names no metric to check, got null");
    assertThatThrownBy(
            () ->
                setups(
                    yaml.readTree("setups:\n  - name: empty\n    fusion: rrf\n    expect: {}\n")))
        .hasMessage("setup \"empty\" names no metric to check, got {}");
    assertThatThrownBy(
            () ->
                setups(
                    yaml.readTree(
                        "setups:\n  - name: half\n    fusion: rrf\n"
                            + "    expect:\n      mixAt10: {value: 0.7}\n")))
        .hasMessageStartingWith("no field /mixAt10/tolerance in ");
    Expectations unknown =
        setups(
                yaml.readTree(
                    "setups:\n  - name: typo\n    fusion: rrf\n"
                        + "    expect:\n      mixAt01: {value: 0.7, tolerance: 0.02}\n"))
            .getFirst()
            .expect();
    assertThatThrownBy(() -> unknown.check(Map.of("mixAt10", 0.7)))
        .hasMessageContaining(
            "setup \"typo\" expects mixAt01, which the evaluation does not measure");
  }
}
