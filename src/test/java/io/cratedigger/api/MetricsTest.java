package io.cratedigger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * After some traffic and a rebuild, {@code /metrics} shows every family an operator reads, with
 * route templates (never a track id) and exact counts.
 */
class MetricsTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void everyFamilyAfterSomeTraffic() throws Exception {
    try (TestServer server = TestServer.start()) {
      String base = server.baseUrl();
      JsonNode hits = JSON.readTree(get(base, "/api/tracks/search?q=night").body()).path("hits");
      assertThat(hits.isArray() && !hits.isEmpty()).as("search hits").isTrue();
      String id = hits.get(0).path("id").asString();
      assertThat(get(base, "/api/tracks/" + id + "/similar?limit=5").statusCode()).isEqualTo(200);
      assertThat(get(base, "/api/tracks/" + id + "/similar?limit=7").statusCode()).isEqualTo(200);
      assertThat(get(base, "/api/tracks/no-such-id").statusCode()).isEqualTo(404);
      assertThat(get(base, "/api/tracks/search?q=night&limit=0").statusCode()).isEqualTo(400);
      assertThat(get(base, "/no/such/page").statusCode()).isEqualTo(404);

      String job =
          JSON.readTree(
                  HTTP.send(
                          HttpRequest.newBuilder(URI.create(base + "/api/admin/reindex"))
                              .POST(HttpRequest.BodyPublishers.noBody())
                              .header("Authorization", "Bearer " + TestServer.ADMIN_TOKEN)
                              .build(),
                          HttpResponse.BodyHandlers.ofString())
                      .body())
              .path("job")
              .asString();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      String state;
      do {
        Thread.sleep(100);
        state =
            JSON.readTree(
                    HTTP.send(
                            HttpRequest.newBuilder(URI.create(base + "/api/admin/jobs/" + job))
                                .header("Authorization", "Bearer " + TestServer.ADMIN_TOKEN)
                                .build(),
                            HttpResponse.BodyHandlers.ofString())
                        .body())
                .path("state")
                .asString();
      } while (state.equals("running") && System.nanoTime() < deadline);
      assertThat(state).isEqualTo("done");

      HttpResponse<String> metrics = get(base, "/metrics");
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.headers().firstValue("Content-Type"))
          .contains("text/plain; version=0.0.4; charset=utf-8");
      String text = metrics.body();
      assertThat(text)
          .contains(
              // requests by route template and status, with histogram buckets
              "http_server_requests_seconds_count{method=\"GET\",route=\"/api/tracks/{id}/similar\","
                  + "status=\"200\"} 2",
              "http_server_requests_seconds_bucket{method=\"GET\","
                  + "route=\"/api/tracks/{id}/similar\",status=\"200\",le=\"+Inf\"} 2",
              "http_server_requests_seconds_count{method=\"GET\",route=\"/api/tracks/{id}\","
                  + "status=\"404\"} 1",
              "http_server_requests_seconds_count{method=\"GET\",route=\"/api/tracks/search\","
                  + "status=\"400\"} 1",
              "http_server_requests_seconds_count{method=\"GET\",route=\"unmatched\","
                  + "status=\"404\"} 1",
              "http_server_requests_seconds_count{method=\"POST\",route=\"/api/admin/reindex\","
                  + "status=\"202\"} 1",
              // the engine's phases and pools, one observation per similar query
              "cratedigger_engine_phase_seconds_count{phase=\"retrieve\"} 2",
              "cratedigger_engine_phase_seconds_count{phase=\"score\"} 2",
              "cratedigger_engine_phase_seconds_count{phase=\"rank\"} 2",
              "cratedigger_engine_pool_size_tracks_count{pool=\"candidates\"} 2",
              // the live index: the rebuild's generation and its 63 tracks
              "cratedigger_index_generation 2.0",
              "cratedigger_index_tracks 63.0",
              "cratedigger_rebuild_duration_seconds_count{outcome=\"done\"} 1",
              "cratedigger_rebuild_tracks_per_second ",
              "cratedigger_admission_in_flight 0.0",
              "cratedigger_admission_waiting 0.0",
              // the JVM and Jetty
              "jvm_memory_used_bytes{",
              "jvm_gc_memory_allocated_bytes_total ",
              "jvm_threads_live_threads ",
              "jetty_threads_current ",
              "jetty_connections_current_connections{");
      // a series per track would grow without bound: the id is never a label
      assertThat(text).doesNotContain(id);
    }
  }

  private static HttpResponse<String> get(String base, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
