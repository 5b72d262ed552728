package io.cratedigger.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.cratedigger.index.IndexStore;
import io.cratedigger.index.LiveIndex;
import io.cratedigger.ops.RequestLog;
import io.cratedigger.ops.Startup;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * With JSON logs, one object per request: method, route template, path, status, time and the
 * request id, which the answer echoes in {@code X-Request-Id} (the client's own when it is a plain
 * token, a fresh one otherwise).
 */
class RequestLogTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void oneJsonLinePerRequestWithTheEchoedId() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LiveIndex live =
        LiveIndex.opening(
            new IndexStore(Files.createTempDirectory("cratedigger-log").resolve("index")));
    Javalin app =
        TestServer.apiOnly(
            live,
            new Startup(),
            RequestLog.json(new PrintStream(out, true, StandardCharsets.UTF_8)));
    try {
      String base = "http://127.0.0.1:" + app.port();
      HttpResponse<String> health =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(base + "/api/health"))
                  .header("X-Request-Id", "trace-42.a")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(health.headers().firstValue("X-Request-Id")).contains("trace-42.a");
      HttpResponse<String> similar =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(base + "/api/tracks/abc%20def/similar"))
                  .header("X-Request-Id", "<script>alert(1)</script>")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      String made = similar.headers().firstValue("X-Request-Id").orElseThrow();
      assertThat(made).matches("[0-9a-f]{16}");

      TestServer.stop(app); // the request log is written after each answer: all lines are in now
      String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
      assertThat(lines).hasSize(2);
      JsonNode first = JSON.readTree(lines[0]);
      assertThat(first.propertyNames())
          .containsExactly("time", "event", "method", "route", "path", "status", "ms", "requestId");
      assertThat(first.get("event").asString()).isEqualTo("request");
      assertThat(first.get("method").asString()).isEqualTo("GET");
      assertThat(first.get("route").asString()).isEqualTo("/api/health");
      assertThat(first.get("status").asInt()).isEqualTo(200);
      assertThat(first.get("ms").isNumber()).isTrue();
      assertThat(first.get("requestId").asString()).isEqualTo("trace-42.a");
      JsonNode second = JSON.readTree(lines[1]);
      assertThat(second.get("route").asString()).isEqualTo("/api/tracks/{id}/similar");
      assertThat(second.get("path").asString()).isEqualTo("/api/tracks/abc%20def/similar");
      assertThat(second.get("status").asInt()).isEqualTo(503); // no index yet
      assertThat(second.get("requestId").asString()).isEqualTo(made);
    } finally {
      TestServer.stop(app);
      live.close();
    }
  }
}
