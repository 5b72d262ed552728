package io.cratedigger.cli;

import io.cratedigger.bench.KnnRecall;
import io.cratedigger.index.IndexStore;
import io.cratedigger.index.LiveIndex;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench}: the benchmark harness; one subcommand per measurement. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks (never part of the test suite).",
    subcommands = {BenchCommand.Recall.class, BenchCommand.LatencyRun.class})
final class BenchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** KNN recall@10 and @100 of the live index against exact search. */
  @Command(
      name = "recall",
      mixinStandardHelpOptions = true,
      description = "Recall of the HNSW vector search against exact search on the same vectors.")
  static final class Recall implements Callable<Integer> {
    @Option(
        names = "--index",
        paramLabel = "DIR",
        description = "index folder (default: from config)")
    Path index;

    @Option(
        names = "--queries",
        defaultValue = "1000",
        paramLabel = "N",
        description = "query vectors drawn from the index (default: ${DEFAULT-VALUE})")
    int queries;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "sampling seed")
    long seed;

    @Mixin ConfigOption config;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      if (queries < 1 || queries > 100_000) {
        throw new BadInputException("--queries must be 1..100000, got " + queries);
      }
      Path dir = index != null ? index : config.load().index();
      PrintWriter out = spec.commandLine().getOut();
      try (LiveIndex live = LiveIndex.open(new IndexStore(dir))) {
        KnnRecall.Result r = live.search((s, g) -> KnnRecall.measure(s, queries, seed));
        out.printf(
            Locale.ROOT,
            "%s: %,d vectors, %d queries: recall@10 %.4f, recall@100 %.4f; "
                + "median HNSW top-100 %.2f ms, exact %.2f ms%n",
            live.generation().name(),
            r.vectors(),
            r.queries(),
            r.recallAt10(),
            r.recallAt100(),
            r.approxMedianMs(),
            r.exactMedianMs());
      } catch (IllegalStateException e) {
        throw new BadInputException(e.getMessage());
      }
      return Main.OK;
    }
  }

  /** In-process latency of similar tracks and fuzzy lookup. */
  @Command(
      name = "latency",
      mixinStandardHelpOptions = true,
      description = "p50/p90/p99 of similar-track and lookup queries, in process, after warm-up.")
  static final class LatencyRun implements Callable<Integer> {
    @Option(
        names = "--index",
        paramLabel = "DIR",
        description = "index folder (default: from config)")
    Path index;

    @Option(
        names = "--queries",
        defaultValue = "2000",
        paramLabel = "N",
        description = "measured queries of each kind (default: ${DEFAULT-VALUE})")
    int queries;

    @Option(
        names = "--warmup",
        defaultValue = "500",
        paramLabel = "N",
        description = "queries run first, not measured (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(
        names = "--limit",
        defaultValue = "10",
        paramLabel = "N",
        description = "results per query (default: ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "sampling seed")
    long seed;

    @Mixin ConfigOption config;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      if (queries < 1 || queries > 1_000_000 || warmup < 0 || warmup > 1_000_000) {
        throw new BadInputException("--queries must be 1..1000000 and --warmup 0..1000000");
      }
      if (limit < 1 || limit > 100) {
        throw new BadInputException("--limit must be 1..100, got " + limit);
      }
      var cfg = config.load();
      Path dir = index != null ? index : cfg.index();
      var pool =
          java.util.concurrent.Executors.newFixedThreadPool(
              Runtime.getRuntime().availableProcessors());
      var engine = new io.cratedigger.search.Recommender(cfg.weights(), pool);
      PrintWriter out = spec.commandLine().getOut();
      try (LiveIndex live = LiveIndex.open(new IndexStore(dir))) {
        var r =
            live.search(
                (s, g) ->
                    io.cratedigger.bench.Latency.measure(
                        s, g, engine, queries, warmup, limit, seed));
        out.printf(
            Locale.ROOT,
            "%s: %,d tracks, %d cores, Java %s%n",
            live.generation().name(),
            live.generation().tracks(),
            Runtime.getRuntime().availableProcessors(),
            Runtime.version());
        out.println("similar (top " + limit + "): " + r.similar());
        out.println("  median ms per phase: " + r.phaseMedians());
        out.println("lookup  (top " + limit + "): " + r.lookup());
        out.println("lookup queries look like: " + String.join(" | ", r.sampleLookups()));
      } catch (IllegalStateException e) {
        throw new BadInputException(e.getMessage());
      } finally {
        pool.shutdownNow();
      }
      return Main.OK;
    }
  }
}
