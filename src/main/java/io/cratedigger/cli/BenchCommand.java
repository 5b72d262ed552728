package io.cratedigger.cli;

import io.cratedigger.bench.KnnRecall;
import io.cratedigger.bench.Latency;
import io.cratedigger.bench.Machine;
import io.cratedigger.bench.QualityBench;
import io.cratedigger.bench.Report;
import io.cratedigger.bench.Reports;
import io.cratedigger.bench.Suite;
import io.cratedigger.bench.SuiteReport;
import io.cratedigger.config.AppConfig;
import io.cratedigger.index.IndexStore;
import io.cratedigger.index.LiveIndex;
import io.cratedigger.search.Recommender;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: the benchmark harness. {@code suite} runs everything at several catalog sizes; the
 * other subcommands measure one thing on an existing index. Each prints its report as Markdown and,
 * with {@code --out DIR}, writes it there as Markdown and JSON. Never part of the test suite (a
 * smoke run is).
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure recall, latency, ranking quality and the server under load.",
    subcommands = {
      BenchCommand.SuiteRun.class,
      BenchCommand.Recall.class,
      BenchCommand.LatencyRun.class,
      BenchCommand.Http.class,
      BenchCommand.QualityRun.class
    })
final class BenchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Where a report goes, and the command line it records. */
  static final class Output {
    @Option(
        names = "--out",
        paramLabel = "DIR",
        description = "also write the report as NAME.md and NAME.json into DIR")
    Path out;

    @Option(
        names = "--name",
        paramLabel = "NAME",
        description = "file name of the report (default: the measurement and today's date)")
    String name;

    /** Prints the report; writes it when {@code --out} was given. */
    void emit(CommandSpec spec, String what, Report report) throws java.io.IOException {
      PrintWriter out = spec.commandLine().getOut();
      out.print(report.markdown());
      if (this.out != null) {
        String file = name != null ? name : what + "-" + LocalDate.now(ZoneOffset.UTC);
        for (Path p : report.write(this.out, file)) {
          out.println("wrote " + p);
        }
      }
      out.flush();
    }

    /** The command as typed, for the report. */
    static String command(CommandSpec spec) {
      List<String> args = new ArrayList<>(List.of("tools/cratedigger"));
      for (String a : spec.commandLine().getParseResult().originalArgs()) {
        args.add(
            a.isEmpty() || a.matches(".*[\\s'\"$`].*") ? "'" + a.replace("'", "'\\''") + "'" : a);
      }
      return String.join(" ", args);
    }
  }

  /** Options shared by the measurements on an existing index. */
  static final class IndexOptions {
    @Option(
        names = "--index",
        paramLabel = "DIR",
        description = "index folder (default: from config)")
    Path index;

    @Option(
        names = "--seed",
        defaultValue = "1",
        paramLabel = "S",
        description = "sampling seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Mixin ConfigOption config;

    Path dir() throws java.io.IOException {
      return index != null ? index : config.load().index();
    }
  }

  static int check(String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw new BadInputException(option + " must be " + min + ".." + max + ", got " + value);
    }
    return value;
  }

  /** A measurement on an open index, as a report. */
  interface Measurement {
    Report run(LiveIndex live, String generation, long tracks) throws Exception;
  }

  /** Opens the index, measures, and emits the report; a missing index is bad input. */
  static Integer onIndex(
      IndexOptions index, Output output, CommandSpec spec, String what, Measurement m)
      throws Exception {
    try (LiveIndex live = open(index.dir())) {
      output.emit(spec, what, m.run(live, live.generation().name(), live.generation().tracks()));
    } catch (IllegalStateException e) {
      throw new BadInputException(e.getMessage());
    }
    return Main.OK;
  }

  /** Opens the index for a measurement; a missing or unreadable index is bad input. */
  static LiveIndex open(Path dir) throws java.io.IOException {
    try {
      return LiveIndex.open(new IndexStore(dir));
    } catch (IllegalStateException | java.nio.file.NoSuchFileException e) {
      throw new BadInputException("no index to measure in " + dir + ": " + e.getMessage());
    }
  }

  @Command(
      name = "suite",
      mixinStandardHelpOptions = true,
      description = {
        "Measure everything, at each catalog size.",
        "Generates a catalog of each size, rebuilds its index, measures recall, latency, quality"
            + " and the server over HTTP, and writes a report with a table of how each cost"
            + " grows."
      })
  static final class SuiteRun implements Callable<Integer> {
    @Option(
        names = "--tracks",
        split = ",",
        defaultValue = "1000000",
        paramLabel = "N",
        description = "catalog sizes, comma-separated (default: ${DEFAULT-VALUE})")
    List<Long> tracks;

    @Option(
        names = "--seed",
        defaultValue = "1",
        paramLabel = "S",
        description = "catalog seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(
        names = "--queries",
        defaultValue = "2000",
        paramLabel = "N",
        description = "measured queries of each kind (default: ${DEFAULT-VALUE})")
    int queries;

    @Option(
        names = "--warmup",
        defaultValue = "2000",
        paramLabel = "N",
        description = "warm-up queries of each kind, in process (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(
        names = "--http-warmup-seconds",
        defaultValue = "120",
        paramLabel = "S",
        description =
            "load on the server before measuring it, per route (default: ${DEFAULT-VALUE})")
    int httpWarmupSeconds;

    @Option(
        names = "--recall-queries",
        defaultValue = "500",
        paramLabel = "N",
        description = "query vectors for recall (default: ${DEFAULT-VALUE})")
    int recallQueries;

    @Option(
        names = "--clients",
        defaultValue = "8",
        paramLabel = "N",
        description = "concurrent HTTP clients (default: ${DEFAULT-VALUE})")
    int clients;

    @Option(
        names = "--requests",
        defaultValue = "500",
        paramLabel = "N",
        description = "HTTP requests per client and route (default: ${DEFAULT-VALUE})")
    int requests;

    @Option(
        names = "--quality-seeds",
        defaultValue = "50",
        paramLabel = "N",
        description =
            "seed tracks for the quality comparison, 0 to skip (default: ${DEFAULT-VALUE})")
    int qualitySeeds;

    @Option(
        names = "--skip",
        split = ",",
        paramLabel = "PART",
        description = "parts to leave out at every size: quality, http (comma-separated)")
    List<String> skip = List.of();

    @Option(
        names = "--work",
        defaultValue = "target/bench",
        paramLabel = "DIR",
        description = "catalogs (kept) and indexes (rebuilt) (default: ${DEFAULT-VALUE})")
    Path work;

    @Option(
        names = "--smoke",
        description =
            "the smallest run through every step (2,000 tracks, a few queries): a check, not a measurement")
    boolean smoke;

    @Mixin Output output;

    /** With {@code --backend opensearch}: the same figures against the cluster, side by side. */
    @Mixin BackendOption backend;

    @Mixin ConfigOption config;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      AppConfig cfg = config.load();
      Suite.Options o;
      if (smoke) {
        o = Suite.Options.smoke(work, parts(skip));
      } else {
        for (long n : tracks) {
          if (n < 1_000 || n > 100_000_000) {
            throw new BadInputException("--tracks must be 1000..100000000 each, got " + n);
          }
        }
        o =
            new Suite.Options(
                tracks,
                parts(skip),
                seed,
                check("--queries", queries, 1, 1_000_000),
                check("--warmup", warmup, 0, 1_000_000),
                check("--recall-queries", recallQueries, 1, 100_000),
                check("--clients", clients, 1, 256),
                check("--requests", requests, 1, 100_000),
                check("--quality-seeds", qualitySeeds, 0, 100_000),
                java.time.Duration.ofSeconds(
                    check("--http-warmup-seconds", httpWarmupSeconds, 0, 3600)),
                work,
                cfg.weights(),
                null);
      }
      io.cratedigger.config.BackendSettings where = backend.resolve(cfg, System.getenv(), null);
      if (where.backend() == io.cratedigger.config.Backend.OPENSEARCH) {
        o = o.withCluster(where.cluster().url().toString());
      }
      Machine machine = Machine.here();
      List<Suite.SizeRun> runs = Suite.run(o, spec.commandLine().getErr());
      output.emit(spec, "suite", SuiteReport.build(runs, o, Output.command(spec), machine));
      return Main.OK;
    }
  }

  /** {@code --skip} values as parts: "http", "Quality"; anything else is an error. */
  static Set<Suite.Part> parts(List<String> names) {
    Set<Suite.Part> parts = EnumSet.noneOf(Suite.Part.class);
    for (String name : names) {
      try {
        parts.add(Suite.Part.valueOf(name.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--skip takes quality and http, got \"" + name + "\"");
      }
    }
    return parts;
  }

  @Command(
      name = "recall",
      mixinStandardHelpOptions = true,
      description = "Recall of the HNSW vector search against exact search on the same vectors.")
  static final class Recall implements Callable<Integer> {
    @Option(
        names = "--queries",
        defaultValue = "1000",
        paramLabel = "N",
        description = "query vectors drawn from the index (default: ${DEFAULT-VALUE})")
    int queries;

    @Mixin IndexOptions index;
    @Mixin Output output;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      check("--queries", queries, 1, 100_000);
      return onIndex(
          index,
          output,
          spec,
          "recall",
          (live, generation, tracks) ->
              Reports.recall(
                  live.search((s, g) -> KnnRecall.measure(s, queries, index.seed)),
                  generation,
                  tracks,
                  Output.command(spec),
                  Machine.here()));
    }
  }

  @Command(
      name = "latency",
      mixinStandardHelpOptions = true,
      description =
          "Latency (p50/p90/p99) of similar-track and lookup queries, in process, after warm-up.")
  static final class LatencyRun implements Callable<Integer> {
    @Option(
        names = "--queries",
        defaultValue = "2000",
        paramLabel = "N",
        description = "measured queries of each kind (default: ${DEFAULT-VALUE})")
    int queries;

    @Option(
        names = "--warmup",
        defaultValue = "2000",
        paramLabel = "N",
        description = "queries run first, not measured (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(
        names = "--limit",
        defaultValue = "10",
        paramLabel = "N",
        description = "results per query (default: ${DEFAULT-VALUE})")
    int limit;

    @Mixin IndexOptions index;
    @Mixin Output output;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      check("--queries", queries, 1, 1_000_000);
      check("--warmup", warmup, 0, 1_000_000);
      check("--limit", limit, 1, 100);
      ExecutorService pool =
          Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
      var engine = new Recommender(index.config.load().weights(), pool);
      try {
        return onIndex(
            index,
            output,
            spec,
            "latency",
            (live, generation, tracks) -> {
              Latency.Result r =
                  live.search(
                      (s, g) -> Latency.measure(s, g, engine, queries, warmup, limit, index.seed));
              double perSecond =
                  live.search(
                      (s, g) ->
                          Latency.concurrent(
                              s, g, engine, 8, Math.max(5, queries / 8), index.seed + 1));
              return Reports.latency(
                  r, perSecond, generation, tracks, Output.command(spec), Machine.here());
            });
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Command(
      name = "http",
      mixinStandardHelpOptions = true,
      description = {
        "Load the server with concurrent HTTP clients.",
        "Starts `serve` on the index in a JVM of its own and measures requests/s, latency, CPU"
            + " per request, heap after GC and the time from start to ready.",
        "With --backend opensearch the server answers from the cluster; the requests are still"
            + " sampled from --index, which must hold the same catalog."
      })
  static final class Http implements Callable<Integer> {
    @Mixin BackendOption backend;

    @Option(
        names = "--clients",
        defaultValue = "8",
        paramLabel = "N",
        description = "concurrent clients (default: ${DEFAULT-VALUE})")
    int clients;

    @Option(
        names = "--requests",
        defaultValue = "500",
        paramLabel = "N",
        description = "requests per client and route (default: ${DEFAULT-VALUE})")
    int requests;

    @Option(
        names = "--warmup-seconds",
        defaultValue = "120",
        paramLabel = "S",
        description =
            "load per route before measuring: the JIT needs it (default: ${DEFAULT-VALUE})")
    int warmupSeconds;

    @Mixin IndexOptions index;
    @Mixin Output output;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      check("--clients", clients, 1, 256);
      check("--requests", requests, 1, 100_000);
      check("--warmup-seconds", warmupSeconds, 0, 3600);
      Path dir = index.dir();
      long tracks;
      String generation;
      try (LiveIndex live = open(dir)) {
        tracks = live.generation().tracks();
        generation = live.generation().name();
      }
      Path log = Path.of(System.getProperty("java.io.tmpdir"), "cratedigger-bench-http.log");
      var where = backend.resolve(index.config.load(), System.getenv(), null);
      List<String> serveArgs =
          where.backend() == io.cratedigger.config.Backend.OPENSEARCH
              ? List.of(
                  "--backend", "opensearch", "--opensearch-url", where.cluster().url().toString())
              : List.of();
      Suite.Http h =
          Suite.http(
              dir,
              serveArgs,
              clients,
              requests,
              java.time.Duration.ofSeconds(warmupSeconds),
              index.seed,
              log);
      output.emit(
          spec, "http", Reports.http(h, generation, tracks, Output.command(spec), Machine.here()));
      return Main.OK;
    }
  }

  @Command(
      name = "quality",
      mixinStandardHelpOptions = true,
      description = {
        "Ranking quality beside the seed projects' methods, on the same catalog.",
        "Mix@10, style, harmonic and BPM agreement, feature distance, artist variety and time per"
            + " query of the engine, Music Adviser, Diggerz and random, with the best mix@10 any"
            + " ranking could reach."
      })
  static final class QualityRun implements Callable<Integer> {
    @Option(
        names = "--seeds",
        defaultValue = "200",
        paramLabel = "N",
        description = "seed tracks sampled (default: ${DEFAULT-VALUE})")
    int seeds;

    @Mixin IndexOptions index;
    @Mixin Output output;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      check("--seeds", seeds, 1, 100_000);
      var engine = new Recommender(index.config.load().weights());
      return onIndex(
          index,
          output,
          spec,
          "quality",
          (live, generation, tracks) ->
              Reports.quality(
                  live.search((s, g) -> QualityBench.run(s, g, engine, seeds, index.seed)),
                  seeds,
                  generation,
                  tracks,
                  Output.command(spec),
                  Machine.here()));
    }
  }
}
