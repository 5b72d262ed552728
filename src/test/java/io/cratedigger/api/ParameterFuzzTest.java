package io.cratedigger.api;

import static io.cratedigger.JsonFields.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 600 requests with parameters drawn from a fixed seed (known and unknown names; huge, negative,
 * non-numeric, empty, hostile and non-ASCII values) against the real server: every answer is 200 or
 * a 4xx with the JSON reason, never a 5xx and never a stack trace.
 */
class ParameterFuzzTest {
  private static final List<String> PATHS =
      List.of(
          "/api/tracks/te01/similar",
          "/api/tracks/search",
          "/api/tracks",
          "/api/recommendations",
          "/api/artists",
          "/api/labels",
          "/api/clusters/0",
          "/api/tracks/%s/similar");

  private static final List<String> NAMES =
      List.of(
          "limit",
          "q",
          "bpm_tolerance",
          "energy",
          "key_lock",
          "diagonal",
          "half_double",
          "compatible_only",
          "min_tempo",
          "max_tempo",
          "target_energy",
          "min_year",
          "max_year",
          "style",
          "exclude_style",
          "label",
          "genre",
          "sort_by",
          "order",
          "page",
          "per_page",
          "seed_tracks",
          "seed_artists",
          "seed_genres",
          "max_per_artist",
          "min_score",
          "fusion",
          "search",
          "min_popularity",
          "max_key",
          "fields",
          "callback",
          "__proto__");

  private static final List<String> VALUES =
      List.of(
          "",
          "0",
          "-1",
          "1",
          "10",
          "101",
          "1e308",
          "NaN",
          "Infinity",
          "-0",
          "0x10",
          "3.5",
          "99999999999999999999",
          "true",
          "maybe",
          "lift",
          "techno",
          "Techno,House,Techno",
          "te01",
          "te01,te01,te01,te01,te01,te01",
          "nope",
          "bpm",
          "tempo",
          "color",
          "asc",
          "<script>alert(1)</script>",
          "' OR 1=1 --",
          "../../etc/passwd",
          "%00",
          "\u0000",
          "ÄÖÜ ß",
          "\uD83C\uDFB5",
          "a".repeat(600),
          "bpm:[120 TO",
          "*",
          "~",
          "\"",
          "(((",
          "a~2",
          "weighted",
          "rrf");

  @Test
  void randomParametersNeverFailTheServer() throws Exception {
    JsonMapper json = JsonMapper.builder().build();
    HttpClient http = HttpClient.newHttpClient();
    Set<Integer> allowed = Set.of(200, 400, 404, 405, 413, 414, 415);
    Map<Integer, Integer> statuses = new TreeMap<>();
    Random random = new Random(20261203);
    try (TestServer server = TestServer.start()) {
      for (int i = 0; i < 600; i++) {
        String path = PATHS.get(random.nextInt(PATHS.size()));
        if (path.contains("%s")) {
          path = path.formatted(enc(VALUES.get(random.nextInt(VALUES.size()))));
        }
        StringBuilder query = new StringBuilder();
        int n = random.nextInt(4);
        for (int p = 0; p < n; p++) {
          query.append(p == 0 ? "?" : "&");
          query.append(enc(NAMES.get(random.nextInt(NAMES.size()))));
          query.append('=').append(enc(VALUES.get(random.nextInt(VALUES.size()))));
        }
        String url = server.baseUrl() + path + query;
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create(url)).timeout(ApiTest.TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
        statuses.merge(r.statusCode(), 1, Integer::sum);
        assertThat(allowed).as(url + " -> " + r.body()).contains(r.statusCode());
        assertThat(r.body()).as(url).doesNotContain("Exception").doesNotContain("\tat ");
        if (r.statusCode() != 200) {
          JsonNode body = json.readTree(r.body());
          assertThat(text(body, "/error")).as(url).isNotBlank();
          assertThat(text(body, "/detail")).as(url).isNotBlank();
        }
      }
    }
    // both sides are exercised: answers and refusals
    assertThat(statuses.getOrDefault(200, 0)).isGreaterThan(50);
    assertThat(statuses.getOrDefault(400, 0)).isGreaterThan(50);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
