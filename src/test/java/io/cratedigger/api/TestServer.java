package io.cratedigger.api;

import io.cratedigger.index.BuildListener;
import io.cratedigger.index.BuildOptions;
import io.cratedigger.index.IndexBuilder;
import io.cratedigger.index.IndexStore;
import io.cratedigger.index.LiveIndex;
import io.cratedigger.ingest.FormatRegistry;
import io.cratedigger.ingest.Importer;
import io.cratedigger.ops.Metrics;
import io.cratedigger.ops.RequestLog;
import io.cratedigger.ops.Startup;
import io.cratedigger.rank.Weights;
import io.cratedigger.search.Recommender;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The real server on port 0 over an index of src/test/resources/similar/catalog.csv (63 tracks) in
 * a temporary folder, serving web/. For HTTP and browser tests.
 */
public final class TestServer implements AutoCloseable {
  public static final String ADMIN_TOKEN = "test-token-1234";

  private final Path dir;
  private final LiveIndex live;
  private final Javalin app;
  private final ExecutorService pool;
  private final IndexStore store;

  private TestServer(
      Path dir, IndexStore store, LiveIndex live, Javalin app, ExecutorService pool) {
    this.dir = dir;
    this.store = store;
    this.live = live;
    this.app = app;
    this.pool = pool;
  }

  /** Indexes the fixture and starts the server (admin routes on, with {@link #ADMIN_TOKEN}). */
  public static TestServer start() throws Exception {
    return start("/similar/catalog.csv");
  }

  /** The server over another catalog of src/test/resources. */
  public static TestServer start(String catalog) throws Exception {
    return start(catalog, null);
  }

  /** The server over a catalog, with a Discogs client (e.g. pointed at a MockWebServer). */
  public static TestServer start(String catalog, io.cratedigger.discogs.DiscogsClient discogs)
      throws Exception {
    Path csv = Path.of(TestServer.class.getResource(catalog).toURI());
    Path dir = Files.createTempDirectory("cratedigger-test-server");
    Importer importer = new Importer(FormatRegistry.bundled());
    IndexStore store = new IndexStore(dir.resolve("index"));
    BuildOptions options = new BuildOptions(2, 16, 50, 64, 10_000, 42);
    new IndexBuilder(importer, store, options, BuildListener.NONE).build(List.of(csv), "auto");
    LiveIndex live = LiveIndex.open(store);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    Metrics metrics = Metrics.prometheus();
    // the admin rebuild runs `index` in a child JVM, as in production
    ReindexJobs reindex =
        new ReindexJobs(
            ReindexJobs.javaCommand(
                List.of(
                    "index",
                    "--input",
                    csv.toString(),
                    "--index",
                    store.root().toString(),
                    "--threads",
                    "2")),
            store,
            dir.resolve("jobs"),
            live,
            metrics);
    Javalin app =
        App.create(
            new App.Deps(
                new io.cratedigger.search.LuceneSource(live),
                new Recommender(Weights.defaults(), pool),
                Path.of("web"),
                List.of(),
                ADMIN_TOKEN,
                reindex,
                discogs,
                metrics,
                Startup.ready(),
                RequestLog.text()));
    app.start("127.0.0.1", 0);
    return new TestServer(dir, store, live, app, pool);
  }

  /**
   * The API alone (no page, no admin, no Discogs, metrics off) over {@code live}, which may have no
   * index yet, started on a free port: for readiness and request-log tests.
   */
  static Javalin apiOnly(LiveIndex live, Startup startup, RequestLog requests) {
    Javalin app =
        App.create(
            new App.Deps(
                new io.cratedigger.search.LuceneSource(live),
                new Recommender(Weights.defaults()),
                null,
                List.of(),
                null,
                null,
                null,
                Metrics.off(),
                startup,
                requests));
    app.start("127.0.0.1", 0);
    return app;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + app.port();
  }

  public LiveIndex live() {
    return live;
  }

  public IndexStore store() {
    return store;
  }

  @Override
  public void close() throws java.io.IOException {
    stop(app);
    pool.shutdownNow();
    live.close();
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /**
   * Stops a test's server. Jetty's graceful stop (5 s, as {@code serve} has it) timed out twice in
   * some thirty full runs, never alone: then the server's state (its connections and what each is
   * doing) is printed for a look later, and the server is stopped all the same instead of failing a
   * test about something else.
   */
  static void stop(Javalin app) {
    var server = app.jettyServer().server();
    try {
      org.eclipse.jetty.util.component.Graceful.shutdown(server)
          .get(5, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      System.err.println("TestServer: graceful stop timed out; the server:\n" + server.dump());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
    try {
      app.stop();
    } catch (io.javalin.util.JavalinException e) {
      if (!(e.getCause() instanceof java.util.concurrent.TimeoutException)) {
        throw e;
      }
    }
  }
}
