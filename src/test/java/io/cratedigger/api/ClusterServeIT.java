package io.cratedigger.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.cratedigger.index.BuildListener;
import io.cratedigger.index.BuildOptions;
import io.cratedigger.index.IndexBuilder;
import io.cratedigger.index.IndexStore;
import io.cratedigger.ingest.FormatRegistry;
import io.cratedigger.ingest.Importer;
import io.cratedigger.opensearch.ClusterClient;
import io.cratedigger.opensearch.ClusterSettings;
import io.cratedigger.opensearch.ClusterSource;
import io.cratedigger.opensearch.ClusterTarget;
import io.cratedigger.ops.Metrics;
import io.cratedigger.ops.RequestLog;
import io.cratedigger.ops.Startup;
import io.cratedigger.rank.Weights;
import io.cratedigger.search.Recommender;
import io.cratedigger.view.Json;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code serve --backend opensearch}: the API answering from a real node (see {@link
 * io.cratedigger.opensearch.ClusterTargetIT}). The server reaches the node through a TCP relay the
 * test can cut and restore, so "OpenSearch is down" is the real thing from the server's side: 503
 * with a JSON reason, never a 500, and back by itself once the node is reachable again.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ClusterServeIT {
  static final BuildOptions OPTIONS = new BuildOptions(1, 16, 50, 64, 200_000, 42);

  @TempDir static Path tmp;
  static ClusterSettings direct;
  static Relay relay;
  static ClusterSource source;
  static Javalin app;
  static String base;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    direct = ClusterSettings.of(io.cratedigger.OpenSearchTestNode.url(), 1, 0, System.getenv());
    try (ClusterClient c = ClusterClient.connect(direct)) {
      for (String index : c.indices("cratedigger-*")) {
        c.deleteIndex(index);
      }
    }
    build(Path.of(ClusterServeIT.class.getResource("/similar/catalog.csv").toURI()));
    URI node = URI.create(io.cratedigger.OpenSearchTestNode.url());
    relay = new Relay(node.getHost(), node.getPort());
    source =
        ClusterSource.connect(
            ClusterSettings.of("http://127.0.0.1:" + relay.port(), 1, 0, System.getenv()));
    app =
        App.create(
            new App.Deps(
                source,
                new Recommender(Weights.defaults()),
                null,
                List.of(),
                null,
                null,
                null,
                Metrics.off(),
                Startup.ready(),
                RequestLog.text()));
    app.start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + app.port();
  }

  @AfterAll
  static void stop() throws Exception {
    if (app != null) {
      TestServer.stop(app);
    }
    if (source != null) {
      source.close();
    }
    if (relay != null) {
      relay.close();
    }
  }

  /** Rebuilds {@code csv} into the node, as {@code index --backend opensearch} does. */
  static void build(Path csv) throws Exception {
    try (ClusterTarget target = ClusterTarget.open(direct, OPTIONS)) {
      new IndexBuilder(
              new Importer(FormatRegistry.bundled()),
              new IndexStore(tmp.resolve("unused")),
              OPTIONS,
              BuildListener.NONE)
          .build(List.of(csv), "auto", target);
    }
  }

  record Answer(int status, JsonNode json) {}

  static Answer get(String path) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), Json.MAPPER.readTree(r.body()));
  }

  static List<String> ids(JsonNode results) {
    List<String> out = new ArrayList<>();
    results.forEach(r -> out.add(r.path("id").asString()));
    return out;
  }

  @Test
  void everyRouteAnswersFromTheClusterAndASwapIsFollowedWithoutARestart() throws Exception {
    Answer health = get("/api/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().path("backend").asString()).isEqualTo("opensearch");
    assertThat(health.json().path("cluster").asString()).isIn("green", "yellow");
    assertThat(health.json().path("tracks").asInt()).isEqualTo(63);
    String first = health.json().path("indexVersion").asString();
    assertThat(first).startsWith("cratedigger-gen-");
    assertThat(get("/api/ready").status()).isEqualTo(200);

    Answer similar = get("/api/tracks/te01/similar?limit=5");
    assertThat(similar.status()).isEqualTo(200);
    assertThat(ids(similar.json().path("results"))).hasSize(5).doesNotContain("te01");
    assertThat(similar.json().path("results").get(0).path("reasons").size()).isPositive();
    Answer spotify = get("/api/recommendations?seed_tracks=te01&limit=5&min_energy=0.5");
    assertThat(spotify.status()).isEqualTo(200);
    assertThat(spotify.json().path("tracks").size()).isEqualTo(5);
    assertThat(spotify.json().path("seeds").get(0).path("afterFilteringSize").asInt()).isPositive();
    assertThat(get("/api/tracks/te02").json().path("title").asString()).isEqualTo("Cold Meridian");
    Answer lookup = get("/api/tracks/search?q=blak%20lantern%20voss&limit=3");
    assertThat(lookup.status()).isEqualTo(200);
    assertThat(lookup.json().path("hits").get(0).path("id").asString()).isEqualTo("te01");
    Answer browse = get("/api/tracks?search=nadia&sort_by=bpm&order=asc&per_page=2");
    assertThat(browse.status()).isEqualTo(200);
    assertThat(browse.json().path("total").asInt()).isGreaterThan(2);
    assertThat(browse.json().path("tracks").size()).isEqualTo(2);
    assertThat(get("/api/tracks/search?q=").status()).isEqualTo(400);
    assertThat(get("/api/styles?limit=500").status()).isEqualTo(200);
    assertThat(get("/api/artists/nadia%20voss").json().path("name").asString())
        .isEqualTo("Nadia Voss");
    Answer clusters = get("/api/clusters");
    assertThat(clusters.status()).isEqualTo(200);
    assertThat(clusters.json().path("clusters").size()).isPositive();
    assertThat(get("/api/clusters/0?limit=4").status()).isEqualTo(200);

    Answer unknown = get("/api/tracks/nope/similar");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().path("error").asString()).isEqualTo("not found");
    assertThat(get("/api/tracks/te01/similar?limit=0").status()).isEqualTo(400);

    // a rebuild with fewer tracks while requests keep coming: none fails, and the server moves
    // to the new generation by itself
    Path smaller = tmp.resolve("smaller.csv");
    List<String> lines =
        Files.readAllLines(
            Path.of(ClusterServeIT.class.getResource("/similar/catalog.csv").toURI()));
    Files.write(smaller, lines.subList(0, 41)); // the header and 40 tracks, te01 among them
    AtomicBoolean rebuilding = new AtomicBoolean(true);
    List<Integer> statuses = new CopyOnWriteArrayList<>();
    Thread load =
        Thread.ofVirtual()
            .start(
                () -> {
                  while (rebuilding.get()) {
                    try {
                      statuses.add(get("/api/tracks/te01/similar?limit=5").status());
                    } catch (Exception e) {
                      statuses.add(-1);
                    }
                  }
                });
    build(smaller);
    Thread.sleep(ClusterSource.FOLLOW.toMillis() + 500);
    rebuilding.set(false);
    load.join();
    assertThat(statuses).isNotEmpty().containsOnly(200);
    Answer after = get("/api/health");
    assertThat(after.json().path("tracks").asInt()).isEqualTo(40);
    assertThat(after.json().path("indexVersion").asString()).isNotEqualTo(first);
    assertThat(get("/api/tracks/te01/similar?limit=5").status()).isEqualTo(200);

    // the node goes away: 503 with a reason, health says so, and the server comes back by itself
    relay.cut();
    Answer down = get("/api/tracks/te01/similar?limit=5");
    assertThat(down.status()).isEqualTo(503);
    assertThat(down.json().path("error").asString()).isEqualTo("unavailable");
    assertThat(down.json().path("detail").asString()).contains("does not answer");
    Thread.sleep(ClusterSource.FOLLOW.toMillis() + 200);
    Answer sick = get("/api/health");
    assertThat(sick.status()).isEqualTo(200);
    assertThat(sick.json().path("cluster").asString()).isEqualTo("unreachable");
    Answer notReady = get("/api/ready");
    assertThat(notReady.status()).isEqualTo(503);
    assertThat(notReady.json().path("detail").asString())
        .isEqualTo("the OpenSearch cluster does not answer");
    relay.restore();
    assertThat(get("/api/tracks/te01/similar?limit=5").status()).isEqualTo(200);
    assertThat(get("/api/ready").status()).isEqualTo(200);
  }

  /**
   * A TCP relay from a local port to the node, which {@link #cut()} closes (every connection and
   * the listening socket) and {@link #restore()} opens again on the same port.
   */
  static final class Relay implements AutoCloseable {
    private final String host;
    private final int target;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;

    Relay(String host, int target) throws IOException {
      this.host = host;
      this.target = target;
      ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      this.port = s.getLocalPort();
      listen(s);
    }

    int port() {
      return port;
    }

    private void listen(ServerSocket s) {
      server = s;
      Thread.ofVirtual()
          .start(
              () -> {
                while (!s.isClosed()) {
                  try {
                    Socket in = s.accept();
                    Socket out = new Socket(host, target);
                    open.add(in);
                    open.add(out);
                    pump(in, out);
                    pump(out, in);
                  } catch (IOException e) {
                    return; // closed
                  }
                }
              });
    }

    private void pump(Socket from, Socket to) {
      Thread.ofVirtual()
          .start(
              () -> {
                try (InputStream i = from.getInputStream();
                    OutputStream o = to.getOutputStream()) {
                  i.transferTo(o);
                } catch (IOException e) {
                  // one side closed
                } finally {
                  closeQuietly(from);
                  closeQuietly(to);
                }
              });
    }

    void cut() throws IOException {
      server.close();
      for (Socket s : open) {
        closeQuietly(s);
      }
      open.clear();
    }

    void restore() throws IOException {
      ServerSocket s = new ServerSocket();
      s.setReuseAddress(true);
      s.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      listen(s);
    }

    private static void closeQuietly(Socket s) {
      try {
        s.close();
      } catch (IOException e) {
        // already closed
      }
    }

    @Override
    public void close() throws IOException {
      cut();
    }
  }
}
