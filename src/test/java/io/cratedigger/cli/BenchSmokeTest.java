package io.cratedigger.cli;

import static io.cratedigger.JsonFields.field;
import static io.cratedigger.JsonFields.integer;
import static io.cratedigger.JsonFields.number;
import static io.cratedigger.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The harness in its smallest form, through the command line, so that it cannot rot: every step
 * runs (generate and index in child JVMs, recall, latency, quality, the server in a child JVM under
 * HTTP load) and the report says what ran. No timing is asserted: the machines are shared.
 */
class BenchSmokeTest {
  @TempDir Path tmp;

  @Test
  void suiteSmokeRunsEveryStepAndWritesItsReport() throws Exception {
    Path out = tmp.resolve("results");
    CliTest.Run r =
        run(
            "bench",
            "suite",
            "--smoke",
            "--work",
            tmp.resolve("work").toString(),
            "--out",
            out.toString(),
            "--name",
            "smoke");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err())
        .contains("bench: 2,000 tracks: generating (if needed) and rebuilding the index...")
        .contains("bench: 2,000 tracks: starting the server and loading it over HTTP...");

    String md = Files.readString(out.resolve("smoke.md"));
    assertThat(md)
        .startsWith("# Benchmark suite: 2,000 tracks\n\nMachine: ")
        .contains("Command: `tools/cratedigger bench suite --smoke --work ")
        .contains("## Against the targets (product.md), at 2,000 tracks")
        .contains("| KNN recall@10 | ≥ 0.95 | ")
        .contains("## How each cost grows with the catalog")
        .contains("| heap after GC while serving, MB | ")
        .contains("|   index, tracks/s | ")
        .containsOnlyOnce("## Ranking quality beside the seeds' methods\n\nTop 10 per seed track.")
        .contains("### 2,000 tracks\n\n| method | mix@10 | style agreement | ")
        .contains("| oracle | ")
        .contains("| cratedigger | ", "| musicAdviser | ", "| diggerz | ", "| random | ")
        .contains("## How it was measured");
    assertThat(r.out()).startsWith(md).contains("wrote " + out.resolve("smoke.json"));

    JsonNode json = JsonMapper.builder().build().readTree(out.resolve("smoke.json").toFile());
    assertThat(integer(json, "/machine/cores")).isPositive();
    JsonNode run = field(json, "/runs/0");
    assertThat(integer(run, "/tracks")).isEqualTo(2_000);
    assertThat(integer(run, "/rebuild/tracks")).isEqualTo(2_000);
    assertThat(run.path("rebuild").path("phases").propertyNames())
        .contains("scan", "model", "index", "verify");
    assertThat(integer(run, "/recall/queries")).isEqualTo(20);
    assertThat(number(run, "/recall/recallAt10")).isBetween(0.0, 1.0);
    assertThat(integer(run, "/latency/similar/queries")).isEqualTo(40);
    assertThat(integer(run, "/latency/lookup/queries")).isEqualTo(40);
    JsonNode http = field(run, "/http");
    for (String route : new String[] {"similar", "search"}) {
      assertThat(integer(http, "/" + route + "/requests")).as(route).isEqualTo(30);
      assertThat(integer(http, "/" + route + "/failures")).as(route).isZero();
      assertThat(number(http, "/" + route + "/serverCpuMs")).as(route).isPositive();
    }
    assertThat(integer(http, "/heapAfterGcMb")).isPositive();
    assertThat(number(http, "/readySeconds")).isPositive();
    assertThat(run.path("quality").propertyNames())
        .containsExactly("cratedigger", "musicAdviser", "diggerz", "random", "oracle");
    // mix@10 for every method, and the oracle bounds them all
    double oracle = number(run, "/quality/oracle/mixAt10");
    for (String m : new String[] {"cratedigger", "musicAdviser", "diggerz", "random"}) {
      assertThat(number(run, "/quality/" + m + "/mixAt10")).as(m).isBetween(0.0, oracle);
    }
    // the catalog is kept for the next run (deterministic for its seed), the index rebuilt
    assertThat(tmp.resolve("work").resolve("catalog-2000-s1.csv")).exists();
  }

  /**
   * {@code --skip http,quality}: no server is started and no baseline runs; the report says so
   * instead of leaving gaps; a part that does not exist is refused before anything runs.
   */
  @Test
  void suiteLeavesOutTheSkippedParts() throws Exception {
    Path work = tmp.resolve("work");
    CliTest.Run r =
        run("bench", "suite", "--smoke", "--skip", "http,Quality", "--work", work.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err())
        .contains("bench: 2,000 tracks: similar p50 ")
        .doesNotContain("starting the server");
    assertThat(r.out())
        .contains("| HTTP similar, 8 clients, requests/s | ≥ 400 | — | not measured |")
        .contains("| KNN recall@10 | ≥ 0.95 | ")
        .contains("- HTTP: not measured in this run (`--skip http`).")
        .doesNotContain("## Ranking quality");
    assertThat(work.resolve("bench-2000.log.serve")).doesNotExist();

    CliTest.Run bad = run("bench", "suite", "--smoke", "--skip", "http,rebuild");
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err()).contains("--skip takes quality and http, got \"rebuild\"");
  }

  @Test
  void singleMeasurementsOnAnExistingIndex() throws Exception {
    Path csv = Path.of(getClass().getResource("/similar/catalog.csv").toURI());
    Path index = tmp.resolve("index");
    assertThat(run("index", "--input", csv.toString(), "--index", index.toString()).code())
        .isZero();
    String dir = index.toString();

    CliTest.Run latency =
        run("bench", "latency", "--index", dir, "--queries", "20", "--warmup", "5");
    assertThat(latency.code()).as(latency.err()).isZero();
    assertThat(latency.out())
        .startsWith("# Latency in process: gen-000001, 63 tracks")
        .contains("| similar tracks, top 10 | ")
        .contains("| fuzzy lookup, top 10 | ")
        .contains(" | 20 |");

    CliTest.Run quality =
        run(
            "bench",
            "quality",
            "--index",
            dir,
            "--seeds",
            "5",
            "--out",
            tmp.toString(),
            "--name",
            "q");
    assertThat(quality.code()).as(quality.err()).isZero();
    assertThat(Files.readString(tmp.resolve("q.md")))
        .startsWith("# Ranking quality, 5 seeds: gen-000001, 63 tracks")
        .contains("| cratedigger | ");

    CliTest.Run http =
        run(
            "bench",
            "http",
            "--index",
            dir,
            "--clients",
            "2",
            "--requests",
            "5",
            "--warmup-seconds",
            "1");
    assertThat(http.code()).as(http.err()).isZero();
    assertThat(http.out())
        .startsWith("# HTTP: gen-000001, 63 tracks")
        .contains("| similar | 2 | 10 | 0 | ")
        .contains("| search | 2 | 10 | 0 | ")
        .contains("heap after GC while serving");

    CliTest.Run bad = run("bench", "latency", "--index", dir, "--limit", "500");
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err()).contains("--limit must be 1..100, got 500");
    CliTest.Run missing = run("bench", "recall", "--index", tmp.resolve("nothing").toString());
    assertThat(missing.code()).as(missing.err()).isEqualTo(1);
    assertThat(missing.err()).contains("no index to measure in ");
  }
}
