package io.cratedigger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mixing rules have one home: the page reads the Camelot table from {@code /api/keys}, and each
 * similar result carries its key move and tempo change as the engine saw them.
 */
class KeysApiTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static JsonNode get(String base, String path) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  @Test
  void theCamelotTableAndEachResultsMove() throws Exception {
    try (TestServer server = TestServer.start()) {
      JsonNode keys = get(server.baseUrl(), "/api/keys");
      JsonNode from8A = keys.path("moves").path("8A");
      assertThat(from8A.size()).isEqualTo(24);
      assertThat(from8A.path("8A").asString()).isEqualTo("perfect");
      assertThat(from8A.path("9A").asString()).isEqualTo("adjacent");
      assertThat(from8A.path("7A").asString()).isEqualTo("adjacent");
      assertThat(from8A.path("8B").asString()).isEqualTo("relative");
      assertThat(from8A.path("10A").asString()).isEqualTo("boost2");
      assertThat(from8A.path("3A").asString()).isEqualTo("boost7");
      assertThat(from8A.path("9B").asString()).isEqualTo("diagonal");
      assertThat(from8A.path("1A").asString()).isEqualTo("clash");
      assertThat(keys.path("names").path("8A").asString()).isEqualTo("A minor");
      assertThat(keys.path("compatible").toString())
          .isEqualTo("[\"perfect\",\"adjacent\",\"relative\",\"boost2\",\"boost7\"]");

      JsonNode hits = get(server.baseUrl(), "/api/tracks/search?q=black+lantern").path("hits");
      String id = hits.get(0).path("id").asString();
      JsonNode answer = get(server.baseUrl(), "/api/tracks/" + id + "/similar?limit=10");
      JsonNode seed = answer.path("seed");
      int checked = 0;
      for (JsonNode r : answer.path("results")) {
        assertThat(r.has("keyMove") && r.has("bpmChangePct")).as(r.toString()).isTrue();
        if (r.path("camelot").isString() && seed.path("camelot").isString()) {
          assertThat(r.path("keyMove").asString())
              .isEqualTo(
                  keys.path("moves")
                      .path(seed.path("camelot").asString())
                      .path(r.path("camelot").asString())
                      .asString());
        }
        if (r.path("bpm").isNumber() && seed.path("bpm").isNumber()) {
          double s = seed.path("bpm").asDouble();
          double b = r.path("bpm").asDouble();
          double best = b / s - 1;
          for (double f : new double[] {2, 0.5}) { // half and double time count by default
            if (Math.abs(b * f / s - 1) < Math.abs(best)) {
              best = b * f / s - 1;
            }
          }
          assertThat(r.path("bpmChangePct").asDouble()).isEqualTo(Math.round(best * 1000) / 10.0);
          if (r.path("mixable").asBoolean()) {
            assertThat(Math.abs(r.path("bpmChangePct").asDouble())).isLessThanOrEqualTo(6.0);
          }
          checked++;
        }
      }
      assertThat(checked).isGreaterThanOrEqualTo(5);
    }
  }
}
