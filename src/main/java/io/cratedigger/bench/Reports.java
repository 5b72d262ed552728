package io.cratedigger.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reports of the single measurements ({@code bench recall}, {@code latency}, ...). */
public final class Reports {
  private Reports() {}

  private static String title(String what, String generation, long tracks) {
    return String.format(Locale.ROOT, "%s: %s, %,d tracks", what, generation, tracks);
  }

  public static Report recall(
      KnnRecall.Result r, String generation, long tracks, String command, Machine m) {
    return new Report(title("KNN recall", generation, tracks), command, m)
        .table(
            List.of(
                "vectors",
                "queries",
                "recall@10",
                "recall@100",
                "HNSW top 100, median ms",
                "exact top 100, median ms"),
            List.of(
                List.of(
                    r.vectors(),
                    r.queries(),
                    String.format(Locale.ROOT, "%.4f", r.recallAt10()),
                    String.format(Locale.ROOT, "%.4f", r.recallAt100()),
                    r.approxMedianMs(),
                    r.exactMedianMs())))
        .data("recall", r);
  }

  public static Report latency(
      Latency.Result r,
      double perSecond,
      String generation,
      long tracks,
      String command,
      Machine m) {
    return new Report(title("Latency in process", generation, tracks), command, m)
        .table(
            List.of("query", "p50 ms", "p90 ms", "p99 ms", "mean ms", "max ms", "queries"),
            List.of(
                row("similar tracks, top 10", r.similar()),
                row("fuzzy lookup, top 10", r.lookup())))
        .section(
            "",
            String.format(
                Locale.ROOT,
                "Similar tracks with 8 callers at once, in process: %,.0f queries/s. "
                    + "Median ms per phase of a similar-track query, over the queries that ran it: %s. "
                    + "Lookups look like: %s.",
                perSecond,
                phases(r.phaseMedians()),
                String.join(" | ", r.sampleLookups())))
        .data("latency", r)
        .data("inProcessPerSecond", perSecond);
  }

  /** {@code retrieve 3.2, score 1.3, ...}: a phase's name and its median in ms. */
  static String phases(Map<String, Double> medians) {
    List<String> parts = new ArrayList<>();
    medians.forEach((k, v) -> parts.add(String.format(Locale.ROOT, "%s %.2f", k, v)));
    return String.join(", ", parts);
  }

  public static Report http(
      Suite.Http h, String generation, long tracks, String command, Machine m) {
    Report report = new Report(title("HTTP", generation, tracks), command, m);
    report.table(
        List.of(
            "route",
            "clients",
            "requests",
            "failures",
            "requests/s",
            "p50 ms",
            "p99 ms",
            "server CPU ms/request",
            "of which GC",
            "of which JIT",
            "load CPU ms/request"),
        List.of(httpRow(h.similar()), httpRow(h.search())));
    return report
        .section(
            "",
            String.format(
                Locale.ROOT,
                "Server (`serve`, %s heap, own JVM): ready %.2f s after launch; "
                    + "heap after GC while serving %,d MB; resident %,d MB.",
                h.heap(),
                h.readySeconds(),
                h.heapAfterGcMb(),
                h.residentMb()))
        .data("http", h);
  }

  public static Report quality(
      Map<String, Map<String, Double>> q,
      int seeds,
      String generation,
      long tracks,
      String command,
      Machine m) {
    Report report =
        new Report(title("Ranking quality, " + seeds + " seeds", generation, tracks), command, m)
            .section("", QualityTable.LEGEND);
    QualityTable.add(report, q);
    return report.data("quality", q);
  }

  private static List<Object> row(String what, Stats s) {
    return List.of(what, s.p50(), s.p90(), s.p99(), s.mean(), s.max(), s.queries());
  }

  private static List<Object> httpRow(HttpLoad.Result r) {
    return List.of(
        r.route(),
        r.clients(),
        r.requests(),
        r.failures(),
        r.perSecond(),
        r.latency().p50(),
        r.latency().p99(),
        r.serverCpuMs(),
        r.serverGcCpuMs(),
        r.serverJitCpuMs(),
        r.clientCpuMs());
  }
}
