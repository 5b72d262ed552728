package io.cratedigger.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.cratedigger.index.BuildListener;
import io.cratedigger.index.BuildOptions;
import io.cratedigger.index.IndexBuilder;
import io.cratedigger.index.IndexStore;
import io.cratedigger.index.LiveIndex;
import io.cratedigger.ingest.FormatRegistry;
import io.cratedigger.ingest.Importer;
import io.cratedigger.ops.RequestLog;
import io.cratedigger.ops.Startup;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A server listens before its first index exists: liveness answers, readiness says 503 with the
 * stage (or why it failed), searches answer 503 "not ready" and none a 500; once the index is
 * published and picked up, readiness answers 200 and searches work.
 */
class ReadinessTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void notReadyUntilTheFirstIndexIsOpenThenReady() throws Exception {
    Path dir = Files.createTempDirectory("cratedigger-readiness");
    IndexStore store = new IndexStore(dir.resolve("index"));
    LiveIndex live = LiveIndex.opening(store);
    Startup startup = new Startup();
    startup.stage("building the demo catalog: index, 100 of 1,000 tracks");
    Javalin app = TestServer.apiOnly(live, startup, RequestLog.text());
    try {
      String base = "http://127.0.0.1:" + app.port();
      assertThat(live.ready()).isFalse();
      assertThat(get(base, "/api/health").body())
          .isEqualTo(
              "{\"status\":\"ok\",\"tracks\":0,\"indexVersion\":null,\"ready\":false,\"backend\":\"lucene\"}");

      HttpResponse<String> ready = get(base, "/api/ready");
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(ready.headers().firstValue("Retry-After")).contains("5");
      assertThat(ready.body())
          .isEqualTo(
              "{\"status\":\"starting\",\"detail\":\"building the demo catalog: index, 100 of"
                  + " 1,000 tracks\"}");

      HttpResponse<String> search = get(base, "/api/tracks/search?q=night");
      assertThat(search.statusCode()).isEqualTo(503);
      assertThat(JSON.readTree(search.body()).path("error").asString()).isEqualTo("not ready");
      assertThat(JSON.readTree(search.body()).path("detail").asString())
          .isEqualTo(
              "the index is still being prepared: building the demo catalog: index, 100 of 1,000"
                  + " tracks");
      assertThat(get(base, "/api/tracks/some-id/similar").statusCode()).isEqualTo(503);

      HttpResponse<String> metrics = get(base, "/metrics");
      assertThat(metrics.statusCode()).isEqualTo(404);
      assertThat(JSON.readTree(metrics.body()).path("detail").asString())
          .isEqualTo("metrics are off (server.metrics in the configuration)");

      // the first generation is published (as the demo build does) and picked up
      Path csv = Path.of(ReadinessTest.class.getResource("/similar/catalog.csv").toURI());
      new IndexBuilder(
              new Importer(FormatRegistry.bundled()),
              store,
              new BuildOptions(2, 16, 50, 64, 10_000, 42),
              BuildListener.NONE)
          .build(List.of(csv), "auto");
      assertThat(live.refresh()).contains("gen-000001");

      HttpResponse<String> now = get(base, "/api/ready");
      assertThat(now.statusCode()).isEqualTo(200);
      JsonNode body = JSON.readTree(now.body());
      assertThat(body.path("status").asString()).isEqualTo("ready");
      assertThat(body.path("indexVersion").asString()).isEqualTo("gen-000001");
      assertThat(body.path("tracks").asInt()).isEqualTo(live.generation().tracks()).isPositive();
      assertThat(get(base, "/api/tracks/search?q=night").statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(get(base, "/api/health").body()).path("ready").asBoolean()).isTrue();
    } finally {
      TestServer.stop(app);
      live.close();
    }
  }

  @Test
  void aFailedPreparationSaysWhy() throws Exception {
    Path dir = Files.createTempDirectory("cratedigger-readiness");
    LiveIndex live = LiveIndex.opening(new IndexStore(dir.resolve("index")));
    Startup startup = new Startup();
    startup.failed("building the demo catalog failed: No space left on device");
    Javalin app = TestServer.apiOnly(live, startup, RequestLog.text());
    try {
      HttpResponse<String> ready = get("http://127.0.0.1:" + app.port(), "/api/ready");
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(ready.body())
          .isEqualTo(
              "{\"status\":\"failed\",\"detail\":\"building the demo catalog failed: No space"
                  + " left on device\"}");
    } finally {
      TestServer.stop(app);
      live.close();
    }
  }

  private static HttpResponse<String> get(String base, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
