package io.cratedigger.bench;

import io.cratedigger.index.IndexStore;
import io.cratedigger.index.LiveIndex;
import io.cratedigger.index.Schema;
import io.cratedigger.index.TrackDocuments;
import io.cratedigger.rank.Weights;
import io.cratedigger.search.Recommender;
import io.cratedigger.track.Track;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.search.IndexSearcher;

/**
 * Every measurement, at each catalog size: generate and rebuild (child JVMs), KNN recall, latency
 * and in-process throughput (this JVM, index opened read-only), ranking quality beside the
 * baselines, then the server in its own JVM under HTTP load, its heap and memory. Sizes run from
 * the smallest, so a table of how each cost grows comes out of one command.
 */
public final class Suite {
  private Suite() {}

  /** The parts of a size's run that may be left out; rebuild, recall and latency always run. */
  public enum Part {
    QUALITY,
    HTTP
  }

  /**
   * What to run. {@code work} holds the generated catalogs (kept and reused: generation is
   * deterministic for a seed) and the indexes (rebuilt every run); {@code skip} the parts left out
   * ({@code qualitySeeds} 0 leaves out quality too).
   */
  public record Options(
      List<Long> sizes,
      Set<Part> skip,
      long seed,
      int queries,
      int warmup,
      int recallQueries,
      int clients,
      int requestsPerClient,
      int qualitySeeds,
      Duration httpWarmup,
      Path work,
      Weights weights,
      String opensearchUrl) {
    public Options {
      sizes = List.copyOf(sizes);
      EnumSet<Part> parts = EnumSet.noneOf(Part.class);
      parts.addAll(skip);
      skip = Collections.unmodifiableSet(parts); // in declaration order, for the JSON
    }

    boolean runs(Part part) {
      return !skip.contains(part) && (part != Part.QUALITY || qualitySeeds > 0);
    }

    /** The smallest run that still goes through every step not skipped: for the test suite. */
    public static Options smoke(Path work, Set<Part> skip) {
      return new Options(
          List.of(2_000L),
          skip,
          1,
          40,
          10,
          20,
          2,
          15,
          10,
          Duration.ofSeconds(1),
          work,
          Weights.defaults(),
          null);
    }

    /** The same run, also against the OpenSearch cluster at {@code url}. */
    public Options withCluster(String url) {
      return new Options(
          sizes,
          skip,
          seed,
          queries,
          warmup,
          recallQueries,
          clients,
          requestsPerClient,
          qualitySeeds,
          httpWarmup,
          work,
          weights,
          url);
    }
  }

  /**
   * One catalog size, measured; {@code http} is null and {@code quality} empty when skipped, {@code
   * cluster} null without a cluster.
   */
  public record SizeRun(
      long tracks,
      Rebuild rebuild,
      KnnRecall.Result recall,
      Latency.Result latency,
      double inProcessPerSecond,
      Http http,
      Map<String, Map<String, Double>> quality,
      Cluster cluster) {}

  /**
   * The same catalog rebuilt into the OpenSearch cluster ({@code index --backend opensearch}, end
   * to end in a child JVM) and served from it ({@code serve --backend opensearch}) under the same
   * HTTP load; {@code http} null with {@code --skip http}.
   */
  public record Cluster(
      String url, long tracks, double seconds, double tracksPerSecond, Http http) {}

  /** The server under load: start to ready, the two routes, its memory after. */
  public record Http(
      double readySeconds,
      HttpLoad.Result similar,
      HttpLoad.Result search,
      long heapAfterGcMb,
      long residentMb,
      String heap) {}

  /** Heap of the server, as the launcher gives {@code serve}. */
  static final String SERVER_HEAP = "1g";

  public static List<SizeRun> run(Options o, PrintWriter progress) throws Exception {
    Files.createDirectories(o.work());
    ChildJvm jvm = ChildJvm.likeThis();
    List<SizeRun> runs = new ArrayList<>();
    for (long n : o.sizes().stream().sorted().toList()) {
      runs.add(runSize(o, n, jvm, progress));
    }
    return runs;
  }

  private static SizeRun runSize(Options o, long n, ChildJvm jvm, PrintWriter progress)
      throws Exception {
    Path catalog = o.work().resolve(String.format(Locale.ROOT, "catalog-%d-s%d.csv", n, o.seed()));
    Path index = o.work().resolve("index-" + n);
    Path log = o.work().resolve("bench-" + n + ".log");
    say(progress, "%,d tracks: generating (if needed) and rebuilding the index...", n);
    Rebuild rebuild = Rebuild.run(jvm, n, o.seed(), catalog, index, log);
    say(
        progress,
        "%,d tracks: rebuilt in %.1f s (%,.0f tracks/s); measuring recall, latency, quality...",
        n,
        rebuild.seconds(),
        rebuild.tracksPerSecond());
    KnnRecall.Result recall;
    Latency.Result latency;
    double perSecond;
    Map<String, Map<String, Double>> quality = Map.of();
    Paths paths;
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
    try (LiveIndex live = LiveIndex.open(new IndexStore(index))) {
      Recommender engine = new Recommender(o.weights(), pool);
      recall = live.search((s, g) -> KnnRecall.measure(s, o.recallQueries(), o.seed()));
      latency =
          live.search(
              (s, g) -> Latency.measure(s, g, engine, o.queries(), o.warmup(), 10, o.seed()));
      perSecond =
          live.search(
              (s, g) ->
                  Latency.concurrent(s, g, engine, 8, Math.max(5, o.queries() / 8), o.seed() + 1));
      if (o.runs(Part.QUALITY)) {
        quality =
            live.search(
                (s, g) ->
                    QualityBench.run(
                        s, g, new Recommender(o.weights()), o.qualitySeeds(), o.seed()));
      }
      paths = live.search((s, g) -> Paths.sample(s, o.seed() + 2));
    } finally {
      pool.shutdownNow();
    }
    Http http = null;
    if (o.runs(Part.HTTP)) {
      say(progress, "%,d tracks: starting the server and loading it over HTTP...", n);
      http =
          http(
              jvm,
              index,
              List.of(),
              paths,
              o.clients(),
              o.requestsPerClient(),
              o.httpWarmup(),
              log);
      say(
          progress,
          "%,d tracks: similar p50 %.2f ms in process, %,.0f requests/s over HTTP",
          n,
          latency.similar().p50(),
          http.similar().perSecond());
    } else {
      say(progress, "%,d tracks: similar p50 %.2f ms in process", n, latency.similar().p50());
    }
    Cluster cluster = null;
    if (o.opensearchUrl() != null) {
      say(progress, "%,d tracks: rebuilding into OpenSearch at %s...", n, o.opensearchUrl());
      Rebuild.IntoCluster into = Rebuild.intoCluster(jvm, catalog, o.opensearchUrl(), log);
      say(
          progress,
          "%,d tracks: rebuilt into OpenSearch in %.1f s (%,.0f tracks/s)",
          n,
          into.seconds(),
          into.tracksPerSecond());
      Http served = null;
      if (o.runs(Part.HTTP)) {
        say(progress, "%,d tracks: serving from OpenSearch and loading it over HTTP...", n);
        served =
            http(
                jvm,
                index,
                List.of("--backend", "opensearch", "--opensearch-url", o.opensearchUrl()),
                paths,
                o.clients(),
                o.requestsPerClient(),
                o.httpWarmup(),
                log.resolveSibling(log.getFileName() + ".opensearch"));
        say(
            progress,
            "%,d tracks from OpenSearch: HTTP similar p50 %.2f ms, %,.0f requests/s",
            n,
            served.similar().latency().p50(),
            served.similar().perSecond());
      }
      cluster =
          new Cluster(
              o.opensearchUrl(), into.tracks(), into.seconds(), into.tracksPerSecond(), served);
    }
    return new SizeRun(n, rebuild, recall, latency, perSecond, http, quality, cluster);
  }

  /**
   * The server on {@code index} in a JVM of its own, loaded with similar-track and then lookup
   * requests; its log is written next to {@code log}.
   */
  public static Http http(
      Path index,
      List<String> serveArgs,
      int clients,
      int requestsPerClient,
      Duration warmup,
      long seed,
      Path log)
      throws Exception {
    Paths paths;
    try (LiveIndex live = LiveIndex.open(new IndexStore(index))) {
      paths = live.search((s, g) -> Paths.sample(s, seed));
    }
    return http(
        ChildJvm.likeThis(), index, serveArgs, paths, clients, requestsPerClient, warmup, log);
  }

  /** {@code serveArgs}: more arguments of {@code serve} (the backend). */
  private static Http http(
      ChildJvm jvm,
      Path index,
      List<String> serveArgs,
      Paths paths,
      int clients,
      int requestsPerClient,
      Duration warmup,
      Path log)
      throws Exception {
    Path serverLog = log.resolveSibling(log.getFileName() + ".serve");
    try (ServerUnderTest server =
        ServerUnderTest.start(jvm, index, serveArgs, SERVER_HEAP, serverLog)) {
      HttpLoad.Result similar =
          HttpLoad.run(server, "similar", paths.similar(), clients, requestsPerClient, warmup);
      HttpLoad.Result search =
          HttpLoad.run(server, "search", paths.search(), clients, requestsPerClient, warmup);
      return new Http(
          server.readySeconds(),
          similar,
          search,
          server.heapAfterGcMb(),
          server.residentMb(),
          SERVER_HEAP);
    }
  }

  /** Request paths for the HTTP load: similar tracks of sampled seeds, lookups as typed. */
  record Paths(List<String> similar, List<String> search) {
    static final int COUNT = 2_000;

    static Paths sample(IndexSearcher s, long seed) throws java.io.IOException {
      SplittableRandom random = new SplittableRandom(seed);
      var stored = s.storedFields();
      List<String> similar = new ArrayList<>(COUNT);
      List<String> search = new ArrayList<>(COUNT);
      for (int i = 0; i < COUNT; i++) {
        Track t =
            TrackDocuments.fromSource(
                stored
                    .document(random.nextInt(s.getIndexReader().maxDoc()))
                    .getBinaryValue(Schema.SOURCE));
        similar.add("/api/tracks/" + encode(t.id()) + "/similar?limit=10");
        search.add("/api/tracks/search?limit=10&q=" + encode(Latency.typed(t, random)));
      }
      return new Paths(similar, search);
    }

    private static String encode(String s) {
      return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
  }

  private static void say(PrintWriter out, String format, Object... args) {
    out.printf(Locale.ROOT, "bench: " + format + "%n", args);
    out.flush();
  }
}
