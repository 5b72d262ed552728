package io.cratedigger.cli;

import static io.cratedigger.JsonFields.field;
import static io.cratedigger.JsonFields.integer;
import static io.cratedigger.JsonFields.number;
import static io.cratedigger.JsonFields.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.cratedigger.Fixtures;
import io.cratedigger.search.Recommendations;
import io.cratedigger.search.Retrieval;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The command line as a user meets it: output, exit codes and one-line error messages. */
class CliTest {
  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void inspectJsonHasTheContractFields() {
    Run r = run("inspect", Fixtures.format("exportify.csv").toString(), "--json");
    assertThat(r.code()).isZero();
    JsonNode json = JsonMapper.builder().build().readTree(r.out());
    assertThat(text(json, "/format")).isEqualTo("exportify");
    assertThat(integer(json, "/rowsRead")).isEqualTo(12);
    assertThat(integer(json, "/tracksKept")).isEqualTo(10);
    assertThat(integer(json, "/skipped/missing id")).isEqualTo(1);
    assertThat(integer(json, "/merged")).isZero();
    assertThat(integer(json, "/withAudioFeatures")).isEqualTo(9);
    assertThat(integer(json, "/withBpm")).isEqualTo(8);
    assertThat(integer(json, "/withKey")).isEqualTo(9);
    assertThat(text(json, "/samples/0")).isEqualTo("line 10: danceability \"1.7\" is outside 0..1");
  }

  @Test
  void inspectTextReportsCountsAndReasons() {
    Run r = run("inspect", Fixtures.format("kaggle-114k.csv").toString());
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("(kaggle-spotify-114k)")
        .containsPattern("rows read +10")
        .containsPattern("rows skipped +1  \\(wrong number of cells: 1\\)")
        .containsPattern("rows merged \\(same id\\) +3")
        .contains("line 3: 16 cells, the header has 21");
  }

  @Test
  void missingFileIsBadInputWithOneLine() {
    Run r = run("inspect", tmp.resolve("nope.csv").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().strip())
        .isEqualTo("cratedigger: cannot read " + tmp.resolve("nope.csv") + ": no such file");
  }

  @Test
  void unknownHeaderNamesTheColumnsAndTheWayOut() throws Exception {
    Path f = tmp.resolve("odd.csv");
    Files.writeString(f, "foo,bar\n1,2\n");
    Run r = run("inspect", f.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .startsWith("cratedigger: " + f + ": no known format has these columns (foo, bar)")
        .contains("Add the export to config/formats.yaml or pass --format");
  }

  @Test
  void fileWithNoUsableRowExitsOne() throws Exception {
    Path f = tmp.resolve("empty-rows.csv");
    Files.writeString(
        f, "id,title,artists,album,label,genres,styles,remixers,release_date\n,,,,,,,,\n");
    Run r = run("inspect", f.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("line 2: no id (id is blank)");
  }

  @Test
  void unknownForcedFormatListsTheKnownOnes() {
    Run r = run("inspect", Fixtures.format("diggerz.csv").toString(), "--format", "spotify");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .startsWith("cratedigger: unknown format \"spotify\"; known formats: exportify,");
  }

  @Test
  void usageErrorsExitOne() {
    Run r = run("generate", "--tracks", "ten", "--out", "x.csv");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("cratedigger: Invalid value for option '--tracks'");
    assertThat(run("generate", "--tracks", "0", "--out", tmp.resolve("x.csv").toString()).err())
        .isEqualTo("cratedigger: --tracks must be 1..100000000, got 0\n");
  }

  @Test
  void generatedCatalogReadsBackWithNothingSkipped() throws Exception {
    Path out = tmp.resolve("catalog.csv");
    Run g = run("generate", "--tracks", "5000", "--seed", "7", "--out", out.toString());
    assertThat(g.code()).isZero();
    assertThat(g.out()).startsWith("wrote 5,000 tracks to " + out);
    Run r = run("inspect", out.toString(), "--json");
    JsonNode json = JsonMapper.builder().build().readTree(r.out());
    assertThat(text(json, "/format")).isEqualTo("cratedigger");
    assertThat(integer(json, "/rowsRead")).isEqualTo(5000);
    assertThat(integer(json, "/tracksKept")).isEqualTo(5000);
    assertThat(field(json, "/skipped").size()).isZero();
    assertThat(field(json, "/dropped").size()).isZero();
    assertThat(Files.exists(tmp.resolve("catalog.csv.part"))).isFalse();
    // deterministic for a seed
    Path again = tmp.resolve("again.csv");
    run("generate", "--tracks", "5000", "--seed", "7", "--out", again.toString());
    assertThat(Files.mismatch(out, again)).isEqualTo(-1);
  }

  @Test
  void indexJsonExtendsTheInspectReport() throws Exception {
    Path catalog = tmp.resolve("catalog.csv");
    run("generate", "--tracks", "3000", "--seed", "2", "--out", catalog.toString());
    Path index = tmp.resolve("index");
    Run r =
        run(
            "index",
            "--input",
            catalog.toString(),
            Fixtures.format("diggerz.csv").toString(),
            "--index",
            index.toString(),
            "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = JsonMapper.builder().build().readTree(r.out());
    assertThat(text(json, "/generation")).isEqualTo("gen-000001");
    assertThat(integer(json, "/rowsRead")).isEqualTo(3008);
    assertThat(integer(json, "/tracksKept")).isEqualTo(3008);
    assertThat(integer(json, "/tracksIndexed")).isEqualTo(3008);
    assertThat(integer(json, "/withAudioFeatures")).isPositive();
    assertThat(integer(json, "/pcaComponents")).isBetween(3L, 8L);
    assertThat(number(json, "/pcaVarianceKept")).isGreaterThanOrEqualTo(0.9);
    assertThat(json.path("clusters").size()).isBetween(4, 12);
    assertThat(text(json, "/clusters/0/name")).isNotBlank();
    assertThat(json.path("seconds").propertyNames())
        .contains("scan", "model", "index", "verify", "total");
    assertThat(number(json, "/tracksPerSecond")).isPositive();
    assertThat(json.path("inputs").size()).isEqualTo(2);

    Run recall = run("bench", "recall", "--index", index.toString(), "--queries", "20");
    assertThat(recall.code()).as(recall.err()).isZero();
    assertThat(recall.out())
        .startsWith("# KNN recall: gen-000001, 3,008 tracks")
        .contains("| vectors | queries | recall@10 | recall@100 |");
  }

  @Test
  void indexOfNothingUsableExitsOneAndKeepsNoGeneration() throws Exception {
    Path bad = tmp.resolve("bad.csv");
    Files.writeString(
        bad, "id,title,artists,album,label,genres,styles,remixers,release_date\n,,,,,,,,\n");
    Path index = tmp.resolve("index");
    Run r = run("index", "--input", bad.toString(), "--index", index.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("cratedigger: nothing to index: no usable track in bad.csv\n");
    assertThat(Files.exists(index.resolve("CURRENT"))).isFalse();
  }

  Path similarIndex() throws Exception {
    Path csv = Path.of(getClass().getResource("/similar/catalog.csv").toURI());
    Path index = tmp.resolve("similar-index");
    assertThat(run("index", "--input", csv.toString(), "--index", index.toString()).code())
        .isZero();
    return index;
  }

  @Test
  void similarJsonHasTheShapeOfTheContract() throws Exception {
    Path index = similarIndex();
    Run r = run("similar", "te01", "--index", index.toString(), "--limit", "5", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = JsonMapper.builder().build().readTree(r.out());
    JsonNode seed = field(json, "/seed");
    assertThat(text(seed, "/id")).isEqualTo("te01");
    assertThat(text(seed, "/key")).isEqualTo("A minor");
    assertThat(text(seed, "/camelot")).isEqualTo("8A");
    assertThat(text(seed, "/openKey")).isEqualTo("1m");
    assertThat(number(seed, "/bpm")).isEqualTo(128.0);
    JsonNode results = field(json, "/results");
    assertThat(results.size()).isEqualTo(5);
    assertThat(text(results, "/0/id")).isEqualTo("te13");
    for (JsonNode x : results) {
      assertThat(number(x, "/score")).isBetween(0.0, 1.0);
      assertThat(x.path("components").path("sound").isNumber()).isTrue();
      assertThat(x.path("reasons").size()).isPositive();
      assertThat(x.path("title").isString()).isTrue();
      assertThat(x.path("camelot").isString()).isTrue();
    }
    assertThat(integer(json, "/stats/candidates")).isPositive();
  }

  @Test
  void similarTextPrintsItsStatisticsAsWords() throws Exception {
    Path index = similarIndex();
    Run r = run("similar", "te01", "--index", index.toString(), "--limit", "5");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("Nadia Voss — Black Lantern  [128 BPM, 8A]\n")
        .containsPattern(
            "\nstats:\n  \\d+ candidates from \\d+ sharing the scene, \\d+ nearest in sound and"
                + " \\d+ that mix; 5 returned, \\d+ of them mix\n"
                + "  left after each ranking step: tempo \\d+, key \\d+, .*, diversity \\d+\n"
                + "  time in ms: retrieve [0-9.]+, score [0-9.]+, rank [0-9.]+; the retrievals:"
                + " [a-z ,0-9.]+\n\\z")
        .doesNotContain("{")
        .doesNotContain("=");
  }

  @Test
  void serveFromAClusterRefusesTheEmbeddedReindex() throws Exception {
    Path cfg = tmp.resolve("cluster.yaml");
    Files.writeString(cfg, "backend: opensearch\nopensearch:\n  url: http://127.0.0.1:9\n");
    Run r =
        run(
            "serve",
            "--config",
            cfg.toString(),
            "--port",
            "0",
            "--reindex-input",
            tmp.resolve("x.csv").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "cratedigger: --reindex-input rebuilds the embedded index; with --backend opensearch"
                + " rebuild into the cluster with: cratedigger index --backend opensearch --input"
                + " FILE (servers follow the alias swap)\n");
  }

  @Test
  void aMistypedOptionPointsToTheRightHelp() throws Exception {
    Run top = run("--bogus");
    assertThat(top.code()).isEqualTo(1);
    assertThat(top.err())
        .isEqualTo("cratedigger: Unknown option: '--bogus' (see: cratedigger --help)\n");
    Run sub = run("similar", "te01", "--bogus");
    assertThat(sub.code()).isEqualTo(1);
    assertThat(sub.err())
        .isEqualTo("cratedigger: Unknown option: '--bogus' (see: cratedigger similar --help)\n");
  }

  @Test
  void statisticsReadAsWords() {
    Map<Retrieval, Double> retrievals = new EnumMap<>(Retrieval.class);
    retrievals.put(Retrieval.KNN, 1.04);
    retrievals.put(Retrieval.LEXICAL, 0.96);
    retrievals.put(Retrieval.MIXABLE_KNN, 0.5);
    var stats =
        new Recommendations.Stats(
            110,
            1_100,
            60,
            1_257,
            Map.of("tempo", 257),
            10,
            9,
            "popular tracks passing the filters and mixing rules",
            new Recommendations.Timings(4.25, 0.31, 0.12, retrievals));
    assertThat(SimilarCommand.statsLines(stats))
        .containsExactly(
            "stats:",
            "  1,257 candidates from 110 sharing the scene, 1,100 nearest in sound and 60 that mix;"
                + " 10 returned, 9 of them mix",
            "  nothing to match on, so: popular tracks passing the filters and mixing rules",
            "  left after each ranking step: tempo 257",
            "  time in ms: retrieve 4.3, score 0.3, rank 0.1; the retrievals: scene 1.0, sound 1.0,"
                + " sound, mixing only 0.5");
  }

  /**
   * A command prints what its user asked for: Lucene's INFO line about the vector module ("Java
   * vector incubator API enabled; ...") is not on stderr. The JVM's own warning about incubator
   * modules stays: no option turns it off, only the launcher can leave it out.
   */
  @Test
  void aCommandPrintsNoLoggingOfLucene() throws Exception {
    Path index = similarIndex();
    String java = ProcessHandle.current().info().command().orElseThrow();
    Path err = tmp.resolve("err.txt");
    Process p =
        new ProcessBuilder(
                java,
                "--add-modules",
                "jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "similar",
                "te01",
                "--index",
                index.toString(),
                "--limit",
                "1")
            .redirectOutput(tmp.resolve("out.txt").toFile())
            .redirectError(err.toFile())
            .start();
    boolean ended = p.waitFor(60, TimeUnit.SECONDS);
    if (!ended) {
      p.destroyForcibly();
    }
    assertThat(ended).as("similar ended within 60 s").isTrue();
    assertThat(p.exitValue()).as(Files.readString(err)).isZero();
    assertThat(Files.readString(tmp.resolve("out.txt"))).contains("stats:");
    assertThat(Files.readAllLines(err))
        .containsExactly("WARNING: Using incubator modules: jdk.incubator.vector");
  }

  /** The first line of a description is what the command list shows: a whole sentence. */
  @Test
  void everyHelpTextIsMadeOfWholeSentences() {
    List<String> cut = new ArrayList<>();
    Deque<CommandLine> todo = new ArrayDeque<>(List.of(new CommandLine(new Main())));
    while (!todo.isEmpty()) {
      CommandLine c = todo.pop();
      todo.addAll(c.getSubcommands().values());
      String[] description = c.getCommandSpec().usageMessage().description();
      String name = c.getCommandSpec().qualifiedName(" ");
      if (description.length == 0 || !description[0].endsWith(".")) {
        cut.add(name + ": the summary is not one sentence: " + List.of(description));
      }
      for (String line : description) {
        if (line.matches("(?s).*([,;:]|\\b(and|or|of|the|a|to|with|in))$")) {
          cut.add(name + ": \"" + line + "\" breaks off");
        }
      }
    }
    assertThat(cut).isEmpty();
  }

  @Test
  void searchFindsMisspelledTitlesAndReportsBadSyntax() throws Exception {
    Path index = similarIndex();
    Run r = run("search", "blak", "lantren", "--index", index.toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = JsonMapper.builder().build().readTree(r.out());
    assertThat(text(json, "/query")).isEqualTo("blak lantren");
    assertThat(text(json, "/hits/0/id")).isIn("te01", "te01-edit", "te01-remix");
    Run bad = run("search", "bpm:[120 TO", "--index", index.toString());
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err()).startsWith("cratedigger: the query ends too early");
    Run unknown = run("similar", "nope", "--index", index.toString());
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err()).isEqualTo("cratedigger: no track with id \"nope\" in the catalog\n");
    Run noIndex = run("similar", "te01", "--index", tmp.resolve("empty").toString());
    assertThat(noIndex.code()).isEqualTo(1);
    assertThat(noIndex.err())
        .contains("no index in")
        .contains("; build one with: cratedigger index --input FILE");
  }

  @Test
  void indexJoinsACollectionWithAnAudioFeatureExport() throws Exception {
    Path collection = Path.of(getClass().getResource("/discogs/collection-catalog.csv").toURI());
    Run r =
        run(
            "index",
            "--input",
            collection.toString(),
            "--features",
            Fixtures.format("exportify.csv").toString(),
            "--index",
            tmp.resolve("joined").toString(),
            "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode join = JsonMapper.builder().build().readTree(r.out());
    assertThat(integer(join, "/featureJoin/exact")).isEqualTo(3);
    assertThat(integer(join, "/featureJoin/fuzzy")).isEqualTo(1);
    assertThat(integer(join, "/featureJoin/none")).isEqualTo(1);
  }

  @Test
  void aCollectionIsWrittenAsOurCsvWithDiscogsStyleIds() throws Exception {
    var release =
        new io.cratedigger.discogs.DiscogsRelease(
            2469079,
            "Isles",
            java.util.List.of("Bicep"),
            java.util.List.of("Ninja Tune"),
            java.util.List.of("Electronic"),
            java.util.List.of("Breakbeat", "Techno"),
            2021,
            java.util.List.of(
                new io.cratedigger.discogs.DiscogsTrack("A1", "Orca", java.util.List.of(), "5:41"),
                new io.cratedigger.discogs.DiscogsTrack("B1", "Glue", java.util.List.of(), "")),
            null);
    Path out = tmp.resolve("collection.csv");
    assertThat(DiscogsCollectionCommand.write(java.util.List.of(release), out)).isEqualTo(2);
    Run r = run("inspect", out.toString(), "--json");
    JsonNode json = JsonMapper.builder().build().readTree(r.out());
    assertThat(text(json, "/format")).isEqualTo("cratedigger");
    assertThat(integer(json, "/tracksKept")).isEqualTo(2);
    assertThat(Files.readString(out))
        .contains(
            "2469079_A1,Orca,Bicep,Isles,Ninja Tune,Electronic,Breakbeat;Techno,,2021,,341000");
  }
}
