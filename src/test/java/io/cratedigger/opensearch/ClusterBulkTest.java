package io.cratedigger.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.cratedigger.index.BuildOptions;
import io.cratedigger.view.Json;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the bulk loader makes of an answer (which items to send again, which one fails the load),
 * its backoff, and the generations' names. Sending is tested against a real node (ClusterTargetIT).
 */
class ClusterBulkTest {

  @Test
  void allGoodMeansNothingToRetry() {
    var answer = Json.MAPPER.readTree("{\"errors\":false,\"items\":[]}");
    assertThat(BulkLoader.outcome(answer, 1000)).isEqualTo(new BulkLoader.Outcome(List.of(), -1));
  }

  @Test
  void itemsRejectedWith429AreSentAgainAndAnyOtherErrorFails() {
    var busy =
        Json.MAPPER.readTree(
            "{\"errors\":true,\"items\":["
                + "{\"index\":{\"status\":201}},"
                + "{\"index\":{\"status\":429,\"error\":{\"type\":\"rejected_execution_exception\"}}},"
                + "{\"index\":{\"status\":200}},"
                + "{\"index\":{\"status\":429,\"error\":{\"type\":\"rejected_execution_exception\"}}}"
                + "]}");
    assertThat(BulkLoader.outcome(busy, 4)).isEqualTo(new BulkLoader.Outcome(List.of(1, 3), -1));
    var refused =
        Json.MAPPER.readTree(
            "{\"errors\":true,\"items\":["
                + "{\"index\":{\"status\":429}},"
                + "{\"index\":{\"status\":400,\"error\":{\"type\":\"mapper_parsing_exception\"}}},"
                + "{\"index\":{\"status\":400,\"error\":{\"type\":\"mapper_parsing_exception\"}}}"
                + "]}");
    assertThat(BulkLoader.outcome(refused, 3)).isEqualTo(new BulkLoader.Outcome(List.of(0), 1));
  }

  @Test
  void theBackoffDoublesUpToItsCap() {
    var b = new BulkLoader.Backoff(10, Duration.ofMillis(250), Duration.ofSeconds(15));
    assertThat(b.delay(1)).isEqualTo(Duration.ofMillis(250));
    assertThat(b.delay(2)).isEqualTo(Duration.ofMillis(500));
    assertThat(b.delay(6)).isEqualTo(Duration.ofSeconds(8));
    assertThat(b.delay(7)).isEqualTo(Duration.ofSeconds(15));
    assertThat(b.delay(60)).isEqualTo(Duration.ofSeconds(15));
    assertThat(BulkLoader.Backoff.DEFAULT).isEqualTo(b);
  }

  @Test
  void generationsAreNumberedAfterTheHighest() {
    assertThat(ClusterTarget.next(List.of())).isEqualTo("cratedigger-gen-000001");
    assertThat(
            ClusterTarget.next(
                List.of("cratedigger-gen-000002", "cratedigger-gen-000010", "cratedigger-gen-7")))
        .isEqualTo("cratedigger-gen-000011");
    assertThat(ClusterTarget.next(List.of("cratedigger-gen-old", "cratedigger-gen-")))
        .isEqualTo("cratedigger-gen-000001");
    assertThat(ClusterTarget.number("cratedigger-gen-000042")).isEqualTo(42);
    assertThat(ClusterTarget.number("cratedigger-meta")).isEqualTo(-1);
  }

  @Test
  void sendersFollowTheIndexingThreads() {
    BuildOptions d = BuildOptions.defaults();
    assertThat(ClusterTarget.senders(new BuildOptions(1, 16, 50, 64, 1000, 42))).isEqualTo(2);
    assertThat(ClusterTarget.senders(new BuildOptions(4, 16, 50, 64, 1000, 42))).isEqualTo(4);
    assertThat(ClusterTarget.senders(new BuildOptions(64, 16, 50, 64, 1000, 42))).isEqualTo(8);
    assertThat(ClusterTarget.senders(d)).isBetween(2, 8);
  }
}
