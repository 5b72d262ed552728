package io.cratedigger.cli;

import io.cratedigger.api.App;
import io.cratedigger.config.AppConfig;
import io.cratedigger.config.ServerSettings;
import io.cratedigger.config.UserCache;
import io.cratedigger.index.BuildListener;
import io.cratedigger.index.BuildOptions;
import io.cratedigger.index.IndexBuilder;
import io.cratedigger.index.IndexStore;
import io.cratedigger.index.LiveIndex;
import io.cratedigger.ingest.Importer;
import io.cratedigger.ingest.TrackCsvWriter;
import io.cratedigger.opensearch.ClusterSource;
import io.cratedigger.ops.Metrics;
import io.cratedigger.ops.RequestLog;
import io.cratedigger.ops.Startup;
import io.cratedigger.search.LuceneSource;
import io.cratedigger.search.Recommender;
import io.cratedigger.search.TrackSource;
import io.cratedigger.synth.CatalogGenerator;
import io.javalin.Javalin;
import java.io.BufferedWriter;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code serve}: the HTTP API and the page. Listens at once; with no index yet it builds the demo
 * catalog in the background while {@code /api/ready} answers 503 with the stage.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the API and the page. With no index yet, builds the bundled demo catalog first.",
      "Admin routes exist only when CRATEDIGGER_ADMIN_TOKEN is set."
    })
final class ServeCommand implements Callable<Integer> {
  /** Tracks in the demo catalog: enough to feel real, built in seconds. */
  static final int DEMO_TRACKS = 30_000;

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "index folder (default: CRATEDIGGER_INDEX, else the config's index)")
  Path index;

  @Option(
      names = "--port",
      paramLabel = "N",
      description =
          "port, 0 for any free one (default: CRATEDIGGER_PORT, else server.port, else 8080)")
  Integer port;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      description =
          "address to listen on, 0.0.0.0 for every interface (default: CRATEDIGGER_HOST, else"
              + " server.host, else 127.0.0.1)")
  String host;

  @Option(
      names = "--metrics",
      negatable = true,
      description =
          "keep metrics for /metrics (default: CRATEDIGGER_METRICS, else server.metrics, else on)")
  Boolean metricsOn;

  @Option(
      names = "--log-format",
      paramLabel = "FORMAT",
      description =
          "text, or json: one JSON object per request on standard output (default:"
              + " CRATEDIGGER_LOG_FORMAT, else server.logFormat, else text)")
  String logFormat;

  @Option(
      names = "--cors-origin",
      paramLabel = "URL",
      description = "allow browser calls from this origin (repeatable); CORS is off by default")
  List<String> cors = List.of();

  @Option(
      names = "--reindex-input",
      paramLabel = "FILE",
      description = "inputs of POST /api/admin/reindex (repeatable)")
  List<Path> reindexInputs = List.of();

  @Mixin ConfigOption config;

  @Mixin BackendOption backend;

  @Override
  public Integer call() throws Exception {
    if (port != null && (port < 0 || port > 65_535)) {
      throw new BadInputException("--port must be 0..65535, got " + port);
    }
    AppConfig cfg = config.load();
    io.cratedigger.config.BackendSettings where = backend.resolve(cfg, System.getenv(), null);
    boolean cluster = where.backend() == io.cratedigger.config.Backend.OPENSEARCH;
    if (cluster && !reindexInputs.isEmpty()) {
      throw new BadInputException(
          "--reindex-input rebuilds the embedded index; with --backend opensearch rebuild into the"
              + " cluster with: cratedigger index --backend opensearch --input FILE (servers follow"
              + " the alias swap)");
    }
    ServerSettings settings;
    try {
      settings =
          ServerSettings.resolve(
              cfg,
              System.getenv(),
              new ServerSettings.Flags(index, port, host, metricsOn, logFormat));
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
    RequestLog requests = RequestLog.of(settings.logFormat().value());
    Map<String, String> effective = new LinkedHashMap<>(settings.describe());
    cfg.describe().forEach((k, v) -> effective.putIfAbsent(k, v + " (default or file)"));
    effective.put("discogsCache", UserCache.discogs(cfg).toString());
    requests.configuration(effective);
    // with JSON logs standard output carries only JSON: the words for people go to stderr
    PrintStream say = requests.isJson() ? System.err : System.out;
    String host = settings.host().value();
    int port = settings.port().value();
    Path dir = settings.index().value();
    IndexStore store = new IndexStore(dir);
    Importer importer = config.importer();
    for (Path partial : cluster ? List.<Path>of() : store.removePartial()) {
      System.err.println(
          "cratedigger: removed " + partial + ", left half-built by a stopped rebuild");
    }
    String token = System.getenv("CRATEDIGGER_ADMIN_TOKEN");
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
    Metrics metrics = settings.metrics().value() ? Metrics.prometheus() : Metrics.off();
    // listens at once: /api/health answers and /api/ready says 503 until the index is open
    LiveIndex live = cluster ? null : LiveIndex.opening(store);
    ClusterSource clusterSource = cluster ? ClusterSource.connect(where.cluster()) : null;
    TrackSource source = cluster ? clusterSource : new LuceneSource(live);
    Startup startup = cluster || live.ready() ? Startup.ready() : new Startup();
    if (live != null) {
      live.watch(Duration.ofSeconds(1));
    }
    io.cratedigger.api.ReindexJobs reindex = null;
    if (!reindexInputs.isEmpty()) {
      List<String> args = new java.util.ArrayList<>(List.of("index", "--input"));
      reindexInputs.forEach(p -> args.add(p.toAbsolutePath().toString()));
      args.addAll(List.of("--index", dir.toAbsolutePath().toString()));
      if (config.file != null) {
        args.addAll(List.of("--config", config.file.toAbsolutePath().toString()));
      }
      reindex =
          new io.cratedigger.api.ReindexJobs(
              io.cratedigger.api.ReindexJobs.javaCommand(args),
              store,
              dir.resolve("jobs"),
              live,
              metrics);
    }
    Javalin app =
        App.create(
            new App.Deps(
                source,
                new Recommender(cfg.weights(), pool),
                AppConfig.home().resolve("web"),
                cors,
                token,
                reindex,
                DiscogsCommand.client(cfg),
                metrics,
                startup,
                requests));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            Thread.ofPlatform()
                .unstarted(
                    () -> {
                      System.err.println("cratedigger: stopping (finishing requests in flight)");
                      app.stop();
                      pool.shutdown();
                      try {
                        if (live != null) {
                          live.close();
                        } else {
                          clusterSource.close();
                        }
                      } catch (Exception e) {
                        System.err.println("cratedigger: closing the index: " + e);
                      }
                      stopped.countDown();
                    }));
    app.start(host, port);
    String url = "http://" + (host.equals("0.0.0.0") ? "localhost" : host) + ":" + app.port() + "/";
    if (cluster) {
      TrackSource.Served served = source.served();
      say.printf(
          "cratedigger: serving from OpenSearch at %s (%s) at %s  (API under /api; the server"
              + " follows the alias %s; Ctrl-C stops)%n",
          clusterSource.client().location(),
          served.generation() == null
              ? "cluster " + served.cluster() + ", no generation behind the alias yet"
              : String.format(
                  "%,d tracks, %s, cluster %s",
                  served.tracks(), served.generation(), served.cluster()),
          url,
          io.cratedigger.opensearch.ClusterTarget.ALIAS);
    } else if (live.ready()) {
      serving(say, live, url);
    } else {
      say.printf(
          "cratedigger: listening at %s; /api/ready answers 503 until the index is ready%n", url);
      say.flush();
      Thread.ofPlatform()
          .name("demo-build")
          .start(
              () -> {
                try {
                  buildDemo(store, importer, startup, metrics);
                  live.refresh();
                  startup.stage("ready");
                  serving(say, live, url);
                } catch (Exception e) {
                  String why = "building the demo catalog failed: " + e.getMessage();
                  startup.failed(why);
                  System.err.println("cratedigger: " + why);
                }
              });
    }
    if (token == null || token.isBlank() || reindex == null) {
      say.println(
          "cratedigger: admin routes off (set CRATEDIGGER_ADMIN_TOKEN and --reindex-input to enable)");
    }
    say.flush();
    stopped.await();
    return Main.OK;
  }

  private static void serving(PrintStream say, LiveIndex live, String url) {
    say.printf(
        "cratedigger: serving %,d tracks (%s) at %s  (API under /api, /openapi.json, /metrics;"
            + " Ctrl-C stops)%n",
        live.generation().tracks(), live.generation().name(), url);
    say.flush();
  }

  private static void buildDemo(
      IndexStore store, Importer importer, Startup startup, Metrics metrics) throws Exception {
    System.err.printf(
        "cratedigger: no index in %s yet; building the demo catalog (%,d generated tracks)...%n",
        store.root(), DEMO_TRACKS);
    startup.stage(
        String.format(
            java.util.Locale.ROOT,
            "building the demo catalog: generating %,d tracks",
            DEMO_TRACKS));
    Files.createDirectories(store.root());
    Path csv = store.root().resolve("demo-catalog.csv");
    CatalogGenerator gen = new CatalogGenerator(1);
    try (BufferedWriter w = Files.newBufferedWriter(csv);
        TrackCsvWriter out = new TrackCsvWriter(w)) {
      for (int i = 0; i < DEMO_TRACKS; i++) {
        out.write(gen.next());
      }
    }
    BuildListener progress =
        new BuildListener() {
          private final java.util.concurrent.atomic.AtomicLong indexed =
              new java.util.concurrent.atomic.AtomicLong();
          private volatile String phase = "scan";

          @Override
          public void phase(String name, long total) {
            phase = name;
            startup.stage("building the demo catalog: " + name);
          }

          @Override
          public void indexed(long n) {
            long done = indexed.addAndGet(n);
            startup.stage(
                String.format(
                    java.util.Locale.ROOT,
                    "building the demo catalog: %s, %,d of %,d tracks",
                    phase,
                    done,
                    DEMO_TRACKS));
          }
        };
    try {
      var report =
          new IndexBuilder(importer, store, BuildOptions.defaults(), progress)
              .build(List.of(csv), "auto");
      double seconds = report.seconds().get("total");
      metrics.rebuild("done", seconds, report.tracksIndexed());
      startup.stage("opening the demo catalog");
      System.err.printf("cratedigger: demo catalog indexed in %.1f s%n", seconds);
    } catch (Exception e) {
      metrics.rebuild("failed", 0, 0);
      throw e;
    }
  }
}
