package io.cratedigger.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cratedigger.index.BuildOptions;
import io.cratedigger.view.Json;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client's messages: a cluster that does not answer, OpenSearch's reasons, path encoding. */
class ClusterClientTest {

  /** A local port nothing listens on (bound, then released). */
  private static int closedPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void aClusterThatIsNotThereIsNamedByItsUrl() throws Exception {
    String url = "http://127.0.0.1:" + closedPort();
    ClusterSettings settings = ClusterSettings.of(url, null, null, Map.of());
    try (ClusterClient c = ClusterClient.connect(settings)) {
      assertThatThrownBy(() -> c.get("/", Map.of()))
          .isInstanceOf(ClusterException.class)
          .hasMessageStartingWith("cannot reach OpenSearch at " + url + " (GET /): ")
          .hasMessageContaining("is OpenSearch running there?")
          .satisfies(e -> assertThat(((ClusterException) e).status()).isZero());
    }
    assertThatThrownBy(() -> ClusterTarget.open(settings, BuildOptions.defaults()))
        .isInstanceOf(ClusterException.class)
        .hasMessageStartingWith("cannot reach OpenSearch at " + url);
  }

  @Test
  void openSearchsReasonWithItsCause() {
    var body =
        Json.MAPPER.readTree(
            "{\"error\":{\"root_cause\":[{\"type\":\"mapper_parsing_exception\",\"reason\":\"failed"
                + " to parse field [year]\"}],\"type\":\"mapper_parsing_exception\",\"reason\":\"failed"
                + " to parse field [year]\",\"caused_by\":{\"type\":\"number_format_exception\","
                + "\"reason\":\"For input string: \\\"x\\\"\"}},\"status\":400}");
    assertThat(ClusterClient.reason(body))
        .isEqualTo(
            "mapper_parsing_exception: failed to parse field [year] (caused by"
                + " number_format_exception: For input string: \"x\")");
    assertThat(ClusterClient.reason(Json.MAPPER.readTree("{\"error\":\"alias [x] missing\"}")))
        .isEqualTo("alias [x] missing");
    var rootOnly =
        Json.MAPPER.readTree(
            "{\"error\":{\"root_cause\":[{\"type\":\"index_not_found_exception\",\"reason\":\"no"
                + " such index [a]\"}],\"type\":\"index_not_found_exception\",\"reason\":\"no such"
                + " index [a]\"}}");
    assertThat(ClusterClient.reason(rootOnly))
        .isEqualTo("index_not_found_exception: no such index [a]");
  }

  @Test
  void theBodyOfAnErrorTheTransportThrows() {
    String message =
        "method [POST], host [http://127.0.0.1:9201], URI [/x/_bulk], status line [HTTP/1.1 429"
            + " Too Many Requests]\n"
            + "Warnings: [something]\n"
            + "{\"error\":{\"type\":\"rejected_execution_exception\"},\"status\":429}";
    assertThat(new String(ClusterClient.bodyOf(message), StandardCharsets.UTF_8))
        .isEqualTo("{\"error\":{\"type\":\"rejected_execution_exception\"},\"status\":429}");
    assertThat(ClusterClient.bodyOf("method [GET], status line [HTTP/1.1 503]")).isNull();
  }

  @Test
  void pathPartsAreEncoded() {
    assertThat(ClusterClient.encode("cratedigger-gen-000001/model"))
        .isEqualTo("cratedigger-gen-000001%2Fmodel");
    assertThat(ClusterClient.encode("cratedigger-gen-*")).isEqualTo("cratedigger-gen-*");
    assertThat(ClusterClient.encode("é ?")).isEqualTo("%C3%A9%20%3F");
  }
}
