package io.cratedigger.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The suite's runs as a {@link Report}: the targets of product.md checked at the size nearest a
 * million tracks, a table of every cost at every size with its growth per tenfold catalog, ranking
 * quality beside the baselines, and how the figures were taken.
 */
public final class SuiteReport {
  private SuiteReport() {}

  /** A target of product.md: what is measured, the bound, and whether lower is better. */
  private record Target(
      String what, double bound, boolean atMost, ToDoubleFunction<Suite.SizeRun> value) {}

  private static final List<Target> TARGETS =
      List.of(
          new Target(
              "similar tracks p50 (in process), ms", 5, true, r -> r.latency().similar().p50()),
          new Target(
              "similar tracks p99 (in process), ms", 25, true, r -> r.latency().similar().p99()),
          new Target(
              "fuzzy lookup p99 (in process), ms", 15, true, r -> r.latency().lookup().p99()),
          new Target(
              "HTTP similar, 8 clients, requests/s",
              400,
              false,
              r -> served(r, h -> h.similar().perSecond())),
          new Target("KNN recall@10", 0.95, false, r -> r.recall().recallAt10()),
          new Target(
              "index rebuild end to end, tracks/s",
              10_000,
              false,
              r -> r.rebuild().tracksPerSecond()),
          new Target(
              "heap after GC while serving, MB",
              1024,
              true,
              r -> served(r, h -> h.heapAfterGcMb())));

  /** A row of the scaling table; {@code whole}: shown without decimals. */
  private record Measure(String what, ToDoubleFunction<Suite.SizeRun> value, boolean whole) {
    Measure(String what, ToDoubleFunction<Suite.SizeRun> value) {
      this(what, value, false);
    }
  }

  private static final List<Measure> MEASURES =
      List.of(
          new Measure("rebuild, tracks/s end to end", r -> r.rebuild().tracksPerSecond()),
          new Measure("rebuild, s end to end", r -> r.rebuild().seconds()),
          new Measure("  scan, s", r -> phase(r, "scan")),
          new Measure("  model, s", r -> phase(r, "model")),
          new Measure("  index, s", r -> phase(r, "index")),
          new Measure("  verify, s", r -> phase(r, "verify")),
          new Measure("  scan, tracks/s", r -> phaseRate(r, "scan")),
          new Measure("  model, tracks/s", r -> phaseRate(r, "model")),
          new Measure("  index, tracks/s", r -> phaseRate(r, "index")),
          new Measure("  verify, tracks/s", r -> phaseRate(r, "verify")),
          new Measure("index on disk, MB", r -> r.rebuild().indexMb()),
          new Measure("segments", r -> r.rebuild().segments(), true),
          new Measure("KNN recall@10", r -> r.recall().recallAt10()),
          new Measure("KNN recall@100", r -> r.recall().recallAt100()),
          new Measure("HNSW top 100, median ms", r -> r.recall().approxMedianMs()),
          new Measure("exact top 100, median ms", r -> r.recall().exactMedianMs()),
          new Measure("similar p50, ms", r -> r.latency().similar().p50()),
          new Measure("similar p90, ms", r -> r.latency().similar().p90()),
          new Measure("similar p99, ms", r -> r.latency().similar().p99()),
          new Measure("lookup p50, ms", r -> r.latency().lookup().p50()),
          new Measure("lookup p99, ms", r -> r.latency().lookup().p99()),
          new Measure(
              "similar in process, 8 threads, queries/s", Suite.SizeRun::inProcessPerSecond),
          new Measure("HTTP similar, requests/s", r -> served(r, h -> h.similar().perSecond())),
          new Measure("HTTP similar p50, ms", r -> served(r, h -> h.similar().latency().p50())),
          new Measure("HTTP similar p99, ms", r -> served(r, h -> h.similar().latency().p99())),
          new Measure("HTTP lookup, requests/s", r -> served(r, h -> h.search().perSecond())),
          new Measure("HTTP lookup p99, ms", r -> served(r, h -> h.search().latency().p99())),
          new Measure(
              "server CPU per similar request, ms", r -> served(r, h -> h.similar().serverCpuMs())),
          new Measure(
              "  of which GC threads, ms", r -> served(r, h -> h.similar().serverGcCpuMs())),
          new Measure(
              "  of which JIT compiler, ms", r -> served(r, h -> h.similar().serverJitCpuMs())),
          new Measure(
              "load generator CPU per request, ms", r -> served(r, h -> h.similar().clientCpuMs())),
          new Measure(
              "heap after GC while serving, MB", r -> served(r, h -> h.heapAfterGcMb()), true),
          new Measure("server resident memory, MB", r -> served(r, h -> h.residentMb()), true),
          new Measure("start to ready, s", r -> served(r, h -> h.readySeconds())));

  public static Report build(
      List<Suite.SizeRun> runs, Suite.Options o, String command, Machine machine) {
    List<Suite.SizeRun> sorted =
        runs.stream().sorted(Comparator.comparingLong(Suite.SizeRun::tracks)).toList();
    String sizes =
        String.join(
            " / ",
            sorted.stream().map(r -> String.format(Locale.ROOT, "%,d", r.tracks())).toList());
    Report report = new Report("Benchmark suite: " + sizes + " tracks", command, machine);
    targets(report, sorted);
    scaling(report, sorted);
    quality(report, sorted);
    sideBySide(report, sorted);
    method(report, sorted, o, machine);
    return report.data("options", o).data("runs", sorted);
  }

  private static void targets(Report report, List<Suite.SizeRun> runs) {
    Suite.SizeRun at =
        runs.stream()
            .min(Comparator.comparingDouble(r -> Math.abs(Math.log((double) r.tracks() / 1e6))))
            .orElseThrow();
    report.section(
        String.format(Locale.ROOT, "Against the targets (product.md), at %,d tracks", at.tracks()),
        at.tracks() == 1_000_000
            ? ""
            : "product.md sets its targets on a 1,000,000-track catalog; this run's nearest size is shown.");
    List<List<Object>> rows = new ArrayList<>();
    for (Target t : TARGETS) {
      double v = t.value().applyAsDouble(at);
      boolean met = t.atMost() ? v <= t.bound() : v >= t.bound();
      rows.add(
          List.of(
              t.what(),
              (t.atMost() ? "≤ " : "≥ ") + plain(t.bound()),
              v,
              Double.isNaN(v) ? "not measured" : met ? "met" : "**not met**"));
    }
    report.table(List.of("target", "bound", "measured", "result"), rows);
  }

  private static void scaling(Report report, List<Suite.SizeRun> runs) {
    report.section(
        "How each cost grows with the catalog",
        runs.size() < 2
            ? ""
            : "The last column is the growth factor per tenfold catalog, "
                + "(last / first)^(1 / log10(size ratio)): 1 means flat, 10 means linear.");
    List<String> header = new ArrayList<>(List.of("measure"));
    runs.forEach(r -> header.add(String.format(Locale.ROOT, "%,d", r.tracks())));
    if (runs.size() >= 2) {
      header.add("× per 10× tracks");
    }
    List<List<Object>> rows = new ArrayList<>();
    for (Measure m : MEASURES) {
      List<Object> row = new ArrayList<>(List.of(m.what()));
      double[] v = runs.stream().mapToDouble(m.value()).toArray();
      for (double x : v) {
        row.add(m.whole() ? (Object) Math.round(x) : (Object) x);
      }
      if (runs.size() >= 2) {
        row.add(
            growthPerTenfold(
                v[0], v[v.length - 1], runs.getFirst().tracks(), runs.getLast().tracks()));
      }
      rows.add(row);
    }
    report.table(header, rows);
  }

  private static void quality(Report report, List<Suite.SizeRun> runs) {
    List<Suite.SizeRun> measured = runs.stream().filter(r -> !r.quality().isEmpty()).toList();
    if (measured.isEmpty()) {
      return;
    }
    report.section("Ranking quality beside the seeds' methods", QualityTable.LEGEND);
    for (Suite.SizeRun r : measured) {
      report.subsection(String.format(Locale.ROOT, "%,d tracks", r.tracks()));
      QualityTable.add(report, r.quality());
    }
  }

  private static void method(
      Report report, List<Suite.SizeRun> runs, Suite.Options o, Machine machine) {
    Suite.SizeRun last = runs.getLast();
    StringBuilder text =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                """
                - Catalogs from `generate --seed %d`; each size rebuilt from scratch by `index` in \
                its own JVM (%s heap); HNSW %s; %d PCA components keep %.1f %% of the variance; %d \
                clusters.
                - In process, on the index opened read-only: %,d similar-track and %,d lookup \
                queries after %,d warm-up ones, seeds drawn from the catalog, lookups typed with a \
                swapped letter and a half-typed artist; KNN recall over %,d query vectors against \
                an exact scan.
                """,
                o.seed(),
                Rebuild.HEAP,
                last.rebuild().hnsw(),
                last.rebuild().pcaComponents(),
                last.rebuild().pcaVarianceKept() * 100,
                last.rebuild().clusters(),
                o.queries(),
                o.queries(),
                o.warmup(),
                o.recallQueries()));
    runs.reversed().stream()
        .filter(r -> r.http() != null)
        .findFirst()
        .ifPresentOrElse(
            served -> text.append(http(served, o, machine)),
            () -> text.append("- HTTP: not measured in this run (`--skip http`).\n"));
    report.section("How it was measured", text.toString());
  }

  private static String http(Suite.SizeRun run, Suite.Options o, Machine machine) {
    HttpLoad.Result h = run.http().similar();
    double alone = machine.cores() * 1000 / h.serverCpuMs();
    return String.format(
        Locale.ROOT,
        """
        - Over HTTP: `serve` in its own JVM (%s heap, request log on, to a file), %d clients in \
        closed loop over keep-alive connections, %,d requests each after %d s of the same load \
        (the server's JIT settles slowly: the JIT row shows what is left of it); the load \
        generator shares the machine's %d cores with the server. At %,d tracks the server spent %.2f ms of CPU per similar request (%.2f ms of \
        it in GC threads, %.2f ms in the JIT compiler) and the load generator %.2f ms, so the \
        server alone would answer about %,.0f requests/s on these cores (derived, not measured).
        - Heap after GC and resident memory are read from the server over JMX after the load.
        """,
        run.http().heap(),
        o.clients(),
        o.requestsPerClient(),
        o.httpWarmup().toSeconds(),
        machine.cores(),
        run.tracks(),
        h.serverCpuMs(),
        h.serverGcCpuMs(),
        h.serverJitCpuMs(),
        h.clientCpuMs(),
        alone);
  }

  /**
   * How much a cost grows when the catalog grows tenfold, from its values at two sizes: {@code
   * (last / first)^(1 / log10(n1 / n0))}; NaN when a value is not positive.
   */
  static double growthPerTenfold(double first, double last, long n0, long n1) {
    if (!(first > 0) || !(last > 0) || n1 <= n0) {
      return Double.NaN;
    }
    return Math.pow(last / first, 1 / Math.log10((double) n1 / n0));
  }

  /** A bound as written in product.md: 5, 0.95, 10,000. */
  private static String plain(double v) {
    return v == Math.rint(v)
        ? String.format(Locale.ROOT, "%,d", (long) v)
        : String.format(Locale.ROOT, "%s", v);
  }

  /** A figure of the embedded index and of the cluster; {@code bound} NaN when it has none. */
  private record Pair(
      String what,
      ToDoubleFunction<Suite.SizeRun> embedded,
      ToDoubleFunction<Suite.Cluster> cluster,
      double bound,
      boolean atMost) {}

  private static final List<Pair> PAIRS =
      List.of(
          new Pair(
              "rebuild, tracks/s end to end",
              r -> r.rebuild().tracksPerSecond(),
              Suite.Cluster::tracksPerSecond,
              5_000,
              false),
          new Pair(
              "rebuild, s end to end",
              r -> r.rebuild().seconds(),
              Suite.Cluster::seconds,
              Double.NaN,
              true),
          new Pair(
              "HTTP similar p50, ms",
              r -> served(r, h -> h.similar().latency().p50()),
              c -> c.http() == null ? Double.NaN : c.http().similar().latency().p50(),
              25,
              true),
          new Pair(
              "HTTP similar p99, ms",
              r -> served(r, h -> h.similar().latency().p99()),
              c -> c.http() == null ? Double.NaN : c.http().similar().latency().p99(),
              60,
              true),
          new Pair(
              "HTTP similar, requests/s",
              r -> served(r, h -> h.similar().perSecond()),
              c -> c.http() == null ? Double.NaN : c.http().similar().perSecond(),
              Double.NaN,
              false),
          new Pair(
              "HTTP lookup p50, ms",
              r -> served(r, h -> h.search().latency().p50()),
              c -> c.http() == null ? Double.NaN : c.http().search().latency().p50(),
              Double.NaN,
              true),
          new Pair(
              "HTTP lookup p99, ms",
              r -> served(r, h -> h.search().latency().p99()),
              c -> c.http() == null ? Double.NaN : c.http().search().latency().p99(),
              Double.NaN,
              true),
          new Pair(
              "server CPU per similar request, ms",
              r -> served(r, h -> h.similar().serverCpuMs()),
              c -> c.http() == null ? Double.NaN : c.http().similar().serverCpuMs(),
              Double.NaN,
              true),
          new Pair(
              "server heap after GC, MB",
              r -> served(r, h -> h.heapAfterGcMb()),
              c -> c.http() == null ? Double.NaN : c.http().heapAfterGcMb(),
              Double.NaN,
              true));

  /** The embedded index and the cluster, figure by figure, with the cluster's targets. */
  private static void sideBySide(Report report, List<Suite.SizeRun> runs) {
    List<Suite.SizeRun> both = runs.stream().filter(r -> r.cluster() != null).toList();
    if (both.isEmpty()) {
      return;
    }
    report.section(
        "Side by side: the embedded index and OpenSearch",
        "The same catalog rebuilt into the cluster at "
            + both.getFirst().cluster().url()
            + " with `index --backend opensearch` and served with `serve --backend opensearch`,"
            + " under the same HTTP load. The node runs on the same cores as the server and the"
            + " load generator. Targets for the cluster from the scale-out issue.");
    for (Suite.SizeRun r : both) {
      List<List<Object>> rows = new ArrayList<>();
      for (Pair p : PAIRS) {
        double c = p.cluster().applyAsDouble(r.cluster());
        String result =
            Double.isNaN(p.bound())
                ? ""
                : Double.isNaN(c)
                    ? "not measured"
                    : (p.atMost() ? c <= p.bound() : c >= p.bound()) ? "met" : "**not met**";
        rows.add(
            List.of(
                p.what(),
                p.embedded().applyAsDouble(r),
                c,
                Double.isNaN(p.bound()) ? "" : (p.atMost() ? "≤ " : "≥ ") + plain(p.bound()),
                result));
      }
      report.table(
          List.of(
              String.format(Locale.ROOT, "%,d tracks", r.tracks()),
              "embedded",
              "opensearch",
              "target",
              "result"),
          rows);
    }
  }

  /** A figure of the HTTP run, NaN when it was skipped. */
  private static double served(Suite.SizeRun r, ToDoubleFunction<Suite.Http> value) {
    return r.http() == null ? Double.NaN : value.applyAsDouble(r.http());
  }

  private static double phase(Suite.SizeRun r, String name) {
    return r.rebuild().phases().getOrDefault(name, Double.NaN);
  }

  /** Tracks through one phase of the rebuild per second of that phase. */
  private static double phaseRate(Suite.SizeRun r, String name) {
    double seconds = phase(r, name);
    return seconds > 0 ? r.tracks() / seconds : Double.NaN;
  }
}
