package io.cratedigger.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cratedigger.rank.Weights;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Built-in default < config file < environment variable < flag, each setting saying its source. */
class ServerSettingsTest {
  private static final ServerSettings.Flags NO_FLAGS =
      new ServerSettings.Flags(null, null, null, null, null);

  private static AppConfig file(AppConfig.Server server) {
    return new AppConfig(
        Path.of("config/formats.yaml"), Path.of("/srv/index"), Weights.defaults(), server);
  }

  @Test
  void defaultsWhenNothingSaysOtherwise() {
    ServerSettings s =
        ServerSettings.resolve(
            file(new AppConfig.Server(null, null, null, null)), Map.of(), NO_FLAGS);
    assertThat(s.describe())
        .containsExactly(
            Map.entry("index", "/srv/index (default or file)"),
            Map.entry("port", "8080 (default)"),
            Map.entry("host", "127.0.0.1 (default)"),
            Map.entry("metrics", "true (default)"),
            Map.entry("logFormat", "text (default)"));
  }

  @Test
  void theFileThenTheEnvironmentThenTheFlags() {
    AppConfig cfg = file(new AppConfig.Server(9000, "0.0.0.0", false, "json"));
    ServerSettings fromFile = ServerSettings.resolve(cfg, Map.of(), NO_FLAGS);
    assertThat(fromFile.port()).isEqualTo(new ServerSettings.Setting<>(9000, "file"));
    assertThat(fromFile.metrics()).isEqualTo(new ServerSettings.Setting<>(false, "file"));

    Map<String, String> env =
        Map.of(
            "CRATEDIGGER_PORT", "9100",
            "CRATEDIGGER_METRICS", "on",
            "CRATEDIGGER_LOG_FORMAT", "TEXT",
            "CRATEDIGGER_INDEX", "/data/idx");
    ServerSettings fromEnv = ServerSettings.resolve(cfg, env, NO_FLAGS);
    assertThat(fromEnv.describe())
        .containsExactly(
            Map.entry("index", "/data/idx (CRATEDIGGER_INDEX)"),
            Map.entry("port", "9100 (CRATEDIGGER_PORT)"),
            Map.entry("host", "0.0.0.0 (file)"),
            Map.entry("metrics", "true (CRATEDIGGER_METRICS)"),
            Map.entry("logFormat", "text (CRATEDIGGER_LOG_FORMAT)"));

    ServerSettings fromFlags =
        ServerSettings.resolve(
            cfg, env, new ServerSettings.Flags(Path.of("here"), 0, "::1", false, "json"));
    assertThat(fromFlags.describe())
        .containsExactly(
            Map.entry("index", "here (--index)"),
            Map.entry("port", "0 (--port)"),
            Map.entry("host", "::1 (--host)"),
            Map.entry("metrics", "false (--[no-]metrics)"),
            Map.entry("logFormat", "json (--log-format)"));
  }

  @Test
  void aBadValueNamesWhereItCameFrom() {
    AppConfig cfg = file(new AppConfig.Server(null, null, null, null));
    assertThatThrownBy(
            () -> ServerSettings.resolve(cfg, Map.of("CRATEDIGGER_PORT", "80a"), NO_FLAGS))
        .hasMessage("CRATEDIGGER_PORT must be a port 0..65535, got 80a");
    assertThatThrownBy(
            () -> ServerSettings.resolve(cfg, Map.of("CRATEDIGGER_METRICS", "maybe"), NO_FLAGS))
        .hasMessage("CRATEDIGGER_METRICS must be true or false, got maybe");
    assertThatThrownBy(
            () ->
                ServerSettings.resolve(
                    cfg, Map.of(), new ServerSettings.Flags(null, null, null, null, "xml")))
        .hasMessage("--log-format must be text or json, got xml");
  }
}
