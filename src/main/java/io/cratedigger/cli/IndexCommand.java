package io.cratedigger.cli;

import io.cratedigger.index.BuildListener;
import io.cratedigger.index.BuildOptions;
import io.cratedigger.index.IndexBuilder;
import io.cratedigger.index.IndexReport;
import io.cratedigger.index.IndexStore;
import io.cratedigger.view.Json;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code index --input FILE...}: the rebuild tool. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuild the index from one or more exports.",
      "A new generation is built beside the live one, verified and swapped in atomically; a"
          + " running server picks it up without a restart."
    })
final class IndexCommand implements Callable<Integer> {

  @Option(
      names = "--input",
      required = true,
      arity = "1..*",
      paramLabel = "FILE",
      description = "exports to read (CSV or JSON Lines, any known format)")
  List<Path> inputs;

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "index folder (default: from config)")
  Path index;

  @Option(
      names = "--format",
      paramLabel = "NAME",
      defaultValue = "auto",
      description = "the format of every input, or auto to detect each (default: ${DEFAULT-VALUE})")
  String format;

  @Option(
      names = "--encoding",
      paramLabel = "NAME",
      defaultValue = "auto",
      description =
          "the inputs' text encoding (utf-8, windows-1252, iso-8859-1, utf-16...), or auto to"
              + " detect each (default: ${DEFAULT-VALUE})")
  String encoding;

  @Option(
      names = "--max-skipped",
      paramLabel = "PERCENT",
      defaultValue = "10",
      description =
          "refuse the rebuild (exit 1, live index kept) when more of a file's rows than this"
              + " could not be used (default: ${DEFAULT-VALUE})")
  double maxSkippedPercent;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "indexing threads (default: the cores, at most 4)")
  Integer threads;

  @Option(
      names = "--hnsw-max-conn",
      paramLabel = "N",
      description = "HNSW neighbours per node (default: 16)")
  Integer maxConn;

  @Option(
      names = "--hnsw-beam-width",
      paramLabel = "N",
      description = "HNSW build beam width (default: 50)")
  Integer beamWidth;

  @Option(
      names = "--features",
      arity = "1..*",
      paramLabel = "EXPORT",
      description =
          "join tracks without audio features (e.g. a Discogs collection) with this export by artist + title")
  List<Path> features = List.of();

  @Option(names = "--json", description = "print the report as JSON")
  boolean json;

  @Mixin ConfigOption config;

  @Mixin BackendOption backend;

  @Mixin ShardOption shards;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    io.cratedigger.config.AppConfig cfg = config.load();
    Path dir = index != null ? index : cfg.index();
    io.cratedigger.config.BackendSettings where = backend.resolve(cfg, System.getenv(), shards);
    BuildOptions d = BuildOptions.defaults();
    BuildOptions options;
    try {
      options =
          new BuildOptions(
              threads != null ? threads : d.threads(),
              maxConn != null ? maxConn : d.hnswMaxConn(),
              beamWidth != null ? beamWidth : d.hnswBeamWidth(),
              d.ramBufferMb(),
              d.sampleSize(),
              d.seed());
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
    IndexReport report;
    try (Bars bars = new Bars()) {
      var importer = config.importer().withEncoding(encoding);
      if (!(maxSkippedPercent >= 0 && maxSkippedPercent <= 100)) {
        throw new BadInputException("--max-skipped must be 0..100, got " + maxSkippedPercent);
      }
      var builder =
          new IndexBuilder(importer, new IndexStore(dir), options, bars)
              .maxSkipped(maxSkippedPercent / 100);
      if (!features.isEmpty()) {
        builder.joinFeatures(io.cratedigger.ingest.FeatureJoin.load(importer, features));
      }
      if (where.backend() == io.cratedigger.config.Backend.OPENSEARCH) {
        // a new cratedigger-gen-N in the cluster; the alias moves only once it is verified
        try (var target = io.cratedigger.opensearch.ClusterTarget.open(where.cluster(), options)) {
          report = builder.build(inputs, format, target);
        }
      } else {
        report = builder.build(inputs, format);
      }
    } catch (io.cratedigger.index.IndexBusyException
        | io.cratedigger.opensearch.ClusterException e) {
      throw new BadInputException(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.PRETTY.writeValueAsString(report));
    } else {
      print(report, out);
    }
    out.flush();
    return Main.OK;
  }

  static void print(IndexReport r, PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "indexed %,d tracks into %s/%s in %.1f s (%,.0f tracks/s)%n",
        r.tracksIndexed(),
        r.indexDir(),
        r.generation(),
        r.seconds().get("total"),
        r.tracksPerSecond());
    out.printf(Locale.ROOT, "  inputs: %s (%s)%n", String.join(", ", r.files()), r.format());
    long skipped = r.skipped().values().stream().mapToLong(Long::longValue).sum();
    out.printf(
        Locale.ROOT,
        "  rows read %,d, tracks kept %,d, skipped %,d%s, merged %,d%n",
        r.rowsRead(),
        r.tracksKept(),
        skipped,
        skipped == 0
            ? ""
            : String.format(
                Locale.ROOT,
                " (%.1f %% of the rows lost; %s)",
                100.0 * skipped / Math.max(1, r.rowsRead()),
                counts(r.skipped())),
        r.merged());
    r.inputs().stream()
        .filter(i -> !i.encoding().equals("utf-8") && !i.encoding().startsWith("utf-8 ("))
        .forEach(i -> out.println("  " + i.file() + " read as " + i.encoding()));
    if (!r.featureJoin().isEmpty()) {
      out.println("  joined with audio features: " + counts(r.featureJoin()));
    }
    if (!r.dropped().isEmpty()) {
      out.println("  values dropped: " + counts(r.dropped()));
    }
    out.printf(
        Locale.ROOT,
        "  with audio features %,d, with BPM %,d, with key %,d%n",
        r.withAudioFeatures(),
        r.withBpm(),
        r.withKey());
    r.samples().stream().limit(5).forEach(s -> out.println("    " + s));
    if (r.pcaComponents() > 0) {
      out.printf(
          Locale.ROOT,
          "  model: %d PCA components keep %.1f %% of the variance; %d clusters (%s)%n",
          r.pcaComponents(),
          100 * r.pcaVarianceKept(),
          r.clusters().size(),
          r.clusterCriterion());
      r.clusters()
          .forEach(
              c -> out.printf(Locale.ROOT, "    %2d  %-40s %,10d%n", c.id(), c.name(), c.tracks()));
    } else {
      out.println("  model: none (too few tracks with audio features); text, BPM and key only");
    }
    out.printf(
        Locale.ROOT,
        "  HNSW maxConn %d, beamWidth %d, %d threads, %d segment%s%n",
        r.hnsw().get("maxConn"),
        r.hnsw().get("beamWidth"),
        r.hnsw().get("threads"),
        r.segments(),
        r.segments() == 1 ? "" : "s");
    out.println(
        "  seconds: "
            + r.seconds().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")));
    if (!r.deletedGenerations().isEmpty()) {
      out.println("  removed old generations: " + String.join(", ", r.deletedGenerations()));
    }
  }

  /** Counts by reason as the report's text says them: {@code missing id: 1, missing title: 2}. */
  private static String counts(Map<String, Long> byReason) {
    return byReason.entrySet().stream()
        .map(e -> String.format(Locale.ROOT, "%s: %,d", e.getKey(), e.getValue()))
        .collect(Collectors.joining(", "));
  }

  /** Progress bars for the phases, on a terminal only. */
  private static final class Bars implements BuildListener, AutoCloseable {
    private Progress.Bar bar;

    @Override
    public Function<InputStream, InputStream> reading(String phase, Path file) {
      return Progress.bytes(phase);
    }

    @Override
    public void phase(String name, long total) {
      if (total > 0) {
        bar = Progress.count("Indexing", total, "tracks");
      } else if (Progress.interactive() && !name.equals("scan")) {
        System.err.println("cratedigger: " + name + "...");
      }
    }

    @Override
    public void indexed(long n) {
      Progress.Bar b = bar;
      if (b != null) {
        b.stepBy(n);
      }
    }

    @Override
    public void phaseDone() {
      close();
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
        bar = null;
      }
    }
  }
}
