package io.cratedigger.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cratedigger.config.AppConfig;
import io.cratedigger.config.Backend;
import io.cratedigger.config.BackendSettings;
import io.cratedigger.opensearch.ClusterSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The flags {@code index} gets for a cluster: --backend, --opensearch-url, --shards, --replicas.
 */
class BackendOptionTest {

  @Command(name = "probe")
  static final class Probe implements Runnable {
    @Mixin BackendOption backend;
    @Mixin ShardOption shards;

    @Override
    public void run() {}
  }

  private static BackendSettings parse(Map<String, String> env, String... args) {
    Probe p = new Probe();
    new CommandLine(p).parseArgs(args);
    return p.backend.resolve(AppConfig.defaults(), env, p.shards);
  }

  @Test
  void noFlagsIsTheEmbeddedIndex() {
    assertThat(parse(Map.of())).isEqualTo(BackendSettings.LUCENE);
    assertThat(parse(Map.of(), "--backend", "lucene")).isEqualTo(BackendSettings.LUCENE);
  }

  @Test
  void aClusterWithItsShape() {
    BackendSettings s =
        parse(
            Map.of(ClusterSettings.USER, "u", ClusterSettings.PASSWORD, "p"),
            "--backend",
            "opensearch",
            "--opensearch-url",
            "https://search.example.org:9200",
            "--shards",
            "3",
            "--replicas",
            "0");
    assertThat(s.backend()).isEqualTo(Backend.OPENSEARCH);
    assertThat(s.cluster())
        .hasToString(
            "ClusterSettings[url=https://search.example.org:9200, auth=basic, shards=3,"
                + " replicas=0]");
  }

  @Test
  void mistakesAreOneLineForTheUser() {
    assertThatThrownBy(() -> parse(Map.of(), "--backend", "opensearch"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("needs --opensearch-url URL");
    assertThatThrownBy(() -> parse(Map.of(), "--shards", "2"))
        .isInstanceOf(BadInputException.class)
        .hasMessage("--opensearch-url, --shards and --replicas go with --backend opensearch");
    assertThatThrownBy(
            () ->
                parse(
                    Map.of(),
                    "--backend=opensearch",
                    "--opensearch-url=http://elastic:changeme@h:9200"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("must not hold credentials")
        .hasMessageNotContaining("changeme");
    assertThatThrownBy(
            () -> parse(Map.of(), "--backend", "opensearch", "--opensearch-url", "h:9200"))
        .isInstanceOf(BadInputException.class)
        .hasMessage("the OpenSearch URL must start with http:// or https://, got h:9200");
  }
}
