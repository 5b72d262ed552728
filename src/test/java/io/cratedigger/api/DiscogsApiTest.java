package io.cratedigger.api;

import static io.cratedigger.JsonFields.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.cratedigger.discogs.DiscogsClient;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** POST /api/discogs/release against a Discogs stand-in on a local MockWebServer. */
class DiscogsApiTest {
  static final HttpClient HTTP = HttpClient.newHttpClient();

  static HttpResponse<String> post(TestServer server, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/discogs/release"))
            .timeout(ApiTest.TIMEOUT)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String fixture(String name) throws Exception {
    try (InputStream in = DiscogsApiTest.class.getResourceAsStream("/discogs/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  @SuppressWarnings("try") // the stand-in is closed early on purpose: Discogs goes away
  void releaseUrlToRecommendationsAndErrors() throws Exception {
    try (MockWebServer discogs = new MockWebServer()) {
      discogs.start();
      discogs.enqueue(
          new MockResponse.Builder()
              .addHeader("Content-Type", "application/json")
              .body(fixture("release-555.json"))
              .build());
      discogs.enqueue(
          new MockResponse.Builder()
              .code(404)
              .body("{\"message\": \"Release not found.\"}")
              .build());
      DiscogsClient client =
          new DiscogsClient(discogs.url("/").toString(), null, null, Duration.ofSeconds(2));
      try (TestServer server = TestServer.start("/similar/catalog.csv", client)) {
        HttpResponse<String> r =
            post(
                server,
                "{\"url\": \"https://www.discogs.com/release/555-Nadia-Voss-Black-Lantern-EP?ev=rr\", \"limit\": 5}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode json = JsonMapper.builder().build().readTree(r.body());
        assertThat(text(json, "/release/artists/0")).isEqualTo("Nadia Voss");
        assertThat(json.path("matches").size()).isEqualTo(2);
        assertThat(text(json, "/matches/1/track/id")).isEqualTo("te02");
        assertThat(text(json, "/basis"))
            .startsWith("2 of the release's 2 tracks are in the catalog");
        assertThat(json.path("results").size()).isEqualTo(5);
        for (JsonNode x : json.path("results")) {
          assertThat(text(x, "/id")).isNotIn("te01", "te01-edit", "te01-remix", "te02");
          assertThat(x.path("reasons").size()).isPositive();
        }
        var asked = discogs.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(asked).as("a request reached the Discogs stand-in within 5 s").isNotNull();
        assertThat(asked.getTarget()).isEqualTo("/releases/555");

        HttpResponse<String> missing = post(server, "{\"url\": \"[r999]\"}");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("999");

        HttpResponse<String> bad = post(server, "{\"url\": \"https://example.com/album/1\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("not a Discogs release or master");
      }
      discogs.close();
      DiscogsClient offline =
          new DiscogsClient(discogs.url("/").toString(), null, null, Duration.ofMillis(300));
      try (TestServer server = TestServer.start("/similar/catalog.csv", offline)) {
        HttpResponse<String> down = post(server, "{\"url\": \"555\"}");
        assertThat(down.statusCode()).as(down.body()).isIn(502, 503);
        assertThat(text(JsonMapper.builder().build().readTree(down.body()), "/detail"))
            .isNotBlank();
      }
    }
  }
}
