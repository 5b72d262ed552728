package io.cratedigger.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cratedigger.opensearch.ClusterSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The backend: the default, then the config file, then the flags; credentials from the env. */
class BackendSettingsTest {
  private static Path file(String yaml) throws Exception {
    Path f = Files.createTempFile("cratedigger", ".yaml");
    Files.writeString(f, yaml);
    return f;
  }

  private static final BackendSettings.Flags NONE = BackendSettings.Flags.NONE;

  @Test
  void luceneUnlessSomethingSaysOtherwise() throws Exception {
    assertThat(BackendSettings.resolve(AppConfig.defaults(), Map.of(), NONE))
        .isEqualTo(BackendSettings.LUCENE);
    AppConfig bundled = AppConfig.load(Path.of("config/cratedigger.yaml"));
    assertThat(bundled.cluster()).isEqualTo(AppConfig.Cluster.NONE);
    assertThat(BackendSettings.resolve(bundled, Map.of(), NONE).backend())
        .isEqualTo(Backend.LUCENE);
  }

  @Test
  void theFileChoosesTheClusterAndTheFlagsWin() throws Exception {
    AppConfig cfg =
        AppConfig.load(
            file(
                "backend: opensearch\nopensearch:\n  url: https://search.example.org:9200\n"
                    + "  shards: 4\n  replicas: 2\n"));
    assertThat(cfg.cluster())
        .isEqualTo(
            new AppConfig.Cluster(Backend.OPENSEARCH, "https://search.example.org:9200", 4, 2));
    BackendSettings fromFile =
        BackendSettings.resolve(
            cfg, Map.of(ClusterSettings.API_KEY, "k"), BackendSettings.Flags.NONE);
    assertThat(fromFile.backend()).isEqualTo(Backend.OPENSEARCH);
    assertThat(fromFile.cluster().location()).isEqualTo("https://search.example.org:9200");
    assertThat(fromFile.cluster().shards()).isEqualTo(4);
    assertThat(fromFile.cluster().replicas()).isEqualTo(2);
    assertThat(fromFile.cluster().credentials().kind()).isEqualTo("api key");

    BackendSettings flags =
        BackendSettings.resolve(
            cfg, Map.of(), new BackendSettings.Flags(null, "http://127.0.0.1:9201", null, 0));
    assertThat(flags.cluster().location()).isEqualTo("http://127.0.0.1:9201");
    assertThat(flags.cluster().shards()).isEqualTo(4);
    assertThat(flags.cluster().replicas()).isZero();

    assertThat(
            BackendSettings.resolve(
                cfg, Map.of(), new BackendSettings.Flags("lucene", null, null, null)))
        .isEqualTo(BackendSettings.LUCENE);
  }

  @Test
  void theClusterNeedsAUrlAndClusterFlagsNeedTheCluster() {
    assertThatThrownBy(
            () ->
                BackendSettings.resolve(
                    AppConfig.defaults(),
                    Map.of(),
                    new BackendSettings.Flags("opensearch", null, null, null)))
        .hasMessage(
            "--backend opensearch needs --opensearch-url URL (or opensearch.url in the config"
                + " file)");
    assertThatThrownBy(
            () ->
                BackendSettings.resolve(
                    AppConfig.defaults(),
                    Map.of(),
                    new BackendSettings.Flags(null, "http://h:9200", null, null)))
        .hasMessage("--opensearch-url, --shards and --replicas go with --backend opensearch");
    assertThatThrownBy(
            () ->
                BackendSettings.resolve(
                    AppConfig.defaults(),
                    Map.of(),
                    new BackendSettings.Flags("elastic", null, null, null)))
        .hasMessage("backend must be lucene or opensearch, got elastic");
    assertThat(
            BackendSettings.resolve(
                    AppConfig.defaults(),
                    Map.of(),
                    new BackendSettings.Flags("OpenSearch", "http://h:9200", 2, null))
                .cluster()
                .shards())
        .isEqualTo(2);
  }

  @Test
  void theFileIsCheckedKeyByKey() throws Exception {
    Path a = file("backend: solr\n");
    assertThatThrownBy(() -> AppConfig.load(a))
        .hasMessage(a + ": backend must be lucene or opensearch, got solr");
    Path b = file("opensearch:\n  url: http://h:9200\n  user: admin\n");
    assertThatThrownBy(() -> AppConfig.load(b))
        .hasMessage(b + ": unknown key \"opensearch.user\"; known keys: replicas, shards, url");
    Path c = file("opensearch:\n  shards: 0\n");
    assertThatThrownBy(() -> AppConfig.load(c))
        .hasMessage(c + ": opensearch.shards must be a whole number 1..1024, got 0");
    Path d = file("opensearch:\n  replicas: two\n");
    assertThatThrownBy(() -> AppConfig.load(d))
        .hasMessage(d + ": opensearch.replicas must be a whole number 0..32, got \"two\"");
    Path e = file("opensearch:\n  url: https://admin:hunter2@h:9200\n");
    assertThatThrownBy(() -> AppConfig.load(e))
        .hasMessageContaining("opensearch.url must not hold credentials")
        .hasMessageNotContaining("hunter2");
    Path f = file("opensearhc:\n  url: http://h:9200\n");
    assertThatThrownBy(() -> AppConfig.load(f)).hasMessageContaining("unknown key \"opensearhc\"");
  }
}
