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
    subcommands = {
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

  /** Requests per second over HTTP with concurrent clients, and the heap while serving. */
  @Command(
      name = "http",
      mixinStandardHelpOptions = true,
      description =
          "Starts the server in this process on a free loopback port and loads it with concurrent clients.")
  static final class Http implements Callable<Integer> {
    @Option(
        names = "--index",
        paramLabel = "DIR",
        description = "index folder (default: from config)")
    Path index;

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
        description = "requests per client (default: ${DEFAULT-VALUE})")
    int requests;

    @Mixin ConfigOption config;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      if (clients < 1 || clients > 256 || requests < 1 || requests > 100_000) {
        throw new BadInputException("--clients must be 1..256 and --requests 1..100000");
      }
      var cfg = config.load();
      Path dir = index != null ? index : cfg.index();
      PrintWriter out = spec.commandLine().getOut();
      long t0 = System.nanoTime();
      if (System.getProperty("org.slf4j.simpleLogger.log.io.cratedigger.api.App") == null) {
        System.err.println(
            "cratedigger: tip: add -Dorg.slf4j.simpleLogger.log.io.cratedigger.api.App=warn"
                + " to CRATEDIGGER_JAVA_OPTS to measure without the per-request log");
      }
      var pool =
          java.util.concurrent.Executors.newFixedThreadPool(
              Runtime.getRuntime().availableProcessors());
      try (LiveIndex live = LiveIndex.open(new IndexStore(dir))) {
        var app =
            io.cratedigger.api.App.create(
                new io.cratedigger.api.App.Deps(
                    live,
                    new io.cratedigger.search.Recommender(cfg.weights(), pool),
                    new io.cratedigger.search.TrackLookup(),
                    null,
                    java.util.List.of(),
                    null,
                    null,
                    null));
        app.start("127.0.0.1", 0);
        double ready = (System.nanoTime() - t0) / 1e9;
        try {
          java.util.List<String> ids =
              live.search(
                  (s, g) -> {
                    var random = new java.util.SplittableRandom(7);
                    java.util.List<String> out2 = new java.util.ArrayList<>();
                    var stored = s.storedFields();
                    for (int i = 0; i < 2000; i++) {
                      out2.add(
                          io.cratedigger.index.TrackDocuments.fromSource(
                                  stored
                                      .document(random.nextInt(s.getIndexReader().maxDoc()))
                                      .getBinaryValue(io.cratedigger.index.Schema.SOURCE))
                              .id());
                    }
                    return out2;
                  });
          var r =
              io.cratedigger.bench.HttpLoad.run(
                  "http://127.0.0.1:" + app.port(), ids, clients, requests, 500);
          System.gc();
          Thread.sleep(200);
          long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
          out.printf(
              Locale.ROOT,
              "%s: %,d tracks, %d cores, max heap %,d MB; ready in %.2f s (index open + server start)%n",
              live.generation().name(),
              live.generation().tracks(),
              Runtime.getRuntime().availableProcessors(),
              Runtime.getRuntime().maxMemory() >> 20,
              ready);
          out.printf(
              Locale.ROOT,
              "http similar (top 10), %d clients: %,.0f requests/s, %d failures; %s%n",
              r.clients(),
              r.perSecond(),
              r.failures(),
              r.latency());
          out.printf(Locale.ROOT, "heap after GC while serving: %,d MB%n", heap >> 20);
        } finally {
          app.stop();
        }
      } finally {
        pool.shutdownNow();
      }
      return Main.OK;
    }
  }

  /** Quality of the top 10 beside the seeds' methods, on the index of any export. */
  @Command(
      name = "quality",
      mixinStandardHelpOptions = true,
      description = {
        "Style, harmonic and BPM agreement, feature distance, artist variety and time per query of",
        "the engine beside Music Adviser, Diggerz and random on the same catalog."
      })
  static final class QualityRun implements Callable<Integer> {
    @Option(
        names = "--index",
        paramLabel = "DIR",
        description = "index folder (default: from config)")
    Path index;

    @Option(
        names = "--seeds",
        defaultValue = "200",
        paramLabel = "N",
        description = "seed tracks sampled (default: ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "sampling seed")
    long seed;

    @Mixin ConfigOption config;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      if (seeds < 1 || seeds > 100_000) {
        throw new BadInputException("--seeds must be 1..100000, got " + seeds);
      }
      var cfg = config.load();
      Path dir = index != null ? index : cfg.index();
      var engine = new io.cratedigger.search.Recommender(cfg.weights());
      PrintWriter out = spec.commandLine().getOut();
      try (LiveIndex live = LiveIndex.open(new IndexStore(dir))) {
        var r =
            live.search((s, g) -> io.cratedigger.bench.QualityBench.run(s, g, engine, seeds, seed));
        out.printf(
            Locale.ROOT,
            "%s: %,d tracks, %d seeds, top 10%n",
            live.generation().name(),
            live.generation().tracks(),
            seeds);
        out.println(
            "| method | style agreement | harmonic | BPM | feature distance | distinct artists | same release | ms/query |");
        out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        r.forEach(
            (method, m) ->
                out.printf(
                    Locale.ROOT,
                    "| %s | %.3f | %.3f | %.3f | %.3f | %.2f | %.3f | %.2f |%n",
                    method,
                    m.get("styleAgreement"),
                    m.get("harmonicCompatibility"),
                    m.get("bpmCompatibility"),
                    m.get("featureDistance"),
                    m.get("distinctArtists"),
                    m.get("sameRelease"),
                    m.get("msPerQuery")));
      } catch (IllegalStateException e) {
        throw new BadInputException(e.getMessage());
      }
      return Main.OK;
    }
  }
}
