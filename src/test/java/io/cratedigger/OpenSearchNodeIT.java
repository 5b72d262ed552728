package io.cratedigger;

import static io.cratedigger.JsonFields.field;
import static io.cratedigger.JsonFields.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local OpenSearch node that {@code tools/opensearch-node start} runs, as the OpenSearch
 * backend will meet it: version 3.5.0 with the k-NN plugin, an index with a {@code knn_vector}
 * field (HNSW on the Lucene engine, L2) and a {@code knn} query that finds the nearest vector
 * first. Reads the node's URL from CRATEDIGGER_OPENSEARCH_URL; without it the test is skipped,
 * unless CRATEDIGGER_REQUIRE_OPENSEARCH is set ({@code .ci/run} sets both), when it fails.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OpenSearchNodeIT {
  static final String VERSION = "3.5.0";

  static final Duration REQUEST = Duration.ofSeconds(30);

  static final JsonMapper JSON = JsonMapper.builder().build();

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The node's URL, ending in a slash. */
  URI node;

  /** The index a test made, deleted after it; null when none. */
  String index;

  @BeforeEach
  void requireNode() {
    String url = OpenSearchTestNode.url();
    node = URI.create(url.endsWith("/") ? url : url + "/");
  }

  @AfterEach
  void deleteIndex() throws Exception {
    if (index != null) {
      send("DELETE", index, null);
    }
  }

  @Test
  void theNodeIsOpenSearch350WithTheKnnPlugin() throws Exception {
    JsonNode root = send("GET", "", null);
    assertThat(text(root, "/version/distribution")).isEqualTo("opensearch");
    assertThat(text(root, "/version/number")).isEqualTo(VERSION);

    JsonNode plugins = send("GET", "_cat/plugins?format=json", null);
    List<String> components = new ArrayList<>();
    for (JsonNode plugin : plugins) {
      components.add(text(plugin, "/component"));
    }
    assertThat(components).contains("opensearch-knn");
  }

  @Test
  void aKnnQueryOnAnHnswLuceneFieldFindsTheNearestVectorFirst() throws Exception {
    index = "cratedigger-it-" + UUID.randomUUID().toString().toLowerCase(Locale.ROOT);
    send(
        "PUT",
        index,
        """
        {
          "settings": {"index": {"knn": true, "number_of_shards": 1, "number_of_replicas": 0}},
          "mappings": {
            "properties": {
              "sound": {
                "type": "knn_vector",
                "dimension": 3,
                "method": {"name": "hnsw", "engine": "lucene", "space_type": "l2"}
              }
            }
          }
        }
        """);
    // distances from the query [0.9, 1.1, 1.0]: b 0.14, a 1.74, c 6.93
    send("PUT", index + "/_doc/a", "{\"sound\": [0, 0, 0]}");
    send("PUT", index + "/_doc/b", "{\"sound\": [1, 1, 1]}");
    send("PUT", index + "/_doc/c", "{\"sound\": [5, 5, 5]}");
    send("POST", index + "/_refresh", null);

    JsonNode answer =
        send(
            "POST",
            index + "/_search",
            """
            {"size": 3, "query": {"knn": {"sound": {"vector": [0.9, 1.1, 1.0], "k": 3}}}}
            """);
    List<String> ids = new ArrayList<>();
    for (JsonNode hit : field(answer, "/hits/hits")) {
      ids.add(text(hit, "/_id"));
    }
    assertThat(ids).as("hits nearest first in %s", answer).containsExactly("b", "a", "c");
  }

  /** Sends a request with an optional JSON body; the answer's JSON, or fails unless 2xx. */
  JsonNode send(String method, String path, String body) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(node.resolve(path))
            .timeout(REQUEST)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode())
        .as("%s %s answered %s", method, request.uri(), response.body())
        .isBetween(200, 299);
    return JSON.readTree(response.body());
  }
}
