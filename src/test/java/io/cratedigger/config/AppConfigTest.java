package io.cratedigger.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cratedigger.rank.Weights;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The configuration file: defaults for what it leaves out, and errors that name the key. */
class AppConfigTest {
  private static Path file(String yaml) throws Exception {
    Path f = Files.createTempFile("cratedigger", ".yaml");
    Files.writeString(f, yaml);
    return f;
  }

  @Test
  void theBundledFileSaysWhatTheDefaultsAre() throws Exception {
    AppConfig bundled = AppConfig.load(Path.of("config/cratedigger.yaml"));
    AppConfig defaults = AppConfig.defaults();
    assertThat(bundled.weights()).isEqualTo(Weights.defaults());
    assertThat(bundled.server()).isEqualTo(new AppConfig.Server(8080, "127.0.0.1", true, "text"));
    assertThat(defaults.server()).isEqualTo(new AppConfig.Server(null, null, null, null));
    assertThat(bundled.discogs()).isEqualTo(AppConfig.Discogs.NONE);
    assertThat(defaults.discogs()).isEqualTo(AppConfig.Discogs.NONE);
    assertThat(bundled.index()).isEqualTo(defaults.index());
    assertThat(bundled.formats()).isEqualTo(defaults.formats());
  }

  @Test
  void metricsCanBeTurnedOff() throws Exception {
    assertThat(AppConfig.load(file("server:\n  metrics: false\n")).server().metrics()).isFalse();
    assertThat(AppConfig.load(file("index: elsewhere\n")).server().metrics()).isNull();
  }

  @Test
  void theDiscogsCacheFolderIsRelativeToTheHome() throws Exception {
    assertThat(AppConfig.load(file("discogs:\n  cache: /var/cache/cd\n")).discogs().cache())
        .isEqualTo(Path.of("/var/cache/cd"));
    assertThat(AppConfig.load(file("discogs:\n  cache: cache/discogs\n")).discogs().cache())
        .isEqualTo(AppConfig.home().resolve("cache/discogs"));
    Path f = file("discogs:\n  cache: 3\n");
    assertThatThrownBy(() -> AppConfig.load(f))
        .hasMessage(f + ": discogs.cache must be a folder, got 3");
    Path g = file("discogs:\n  cahce: /tmp\n");
    assertThatThrownBy(() -> AppConfig.load(g))
        .hasMessage(g + ": unknown key \"discogs.cahce\"; known keys: cache");
  }

  @Test
  void anUnknownKeyIsAnErrorThatNamesIt() throws Exception {
    Path f = file("server:\n  metrix: false\n");
    assertThatThrownBy(() -> AppConfig.load(f))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            f + ": unknown key \"server.metrix\"; known keys: host, logFormat, metrics, port");
    Path g = file("ranking:\n  pools:\n    lexical: 100\n    bm25: 3\n");
    assertThatThrownBy(() -> AppConfig.load(g))
        .hasMessageStartingWith(g + ": unknown key \"ranking.pools.bm25\"; known keys: ");
  }

  @Test
  void aValueOfTheWrongTypeIsAnError() throws Exception {
    Path f = file("server:\n  metrics: yes please\n");
    assertThatThrownBy(() -> AppConfig.load(f))
        .hasMessage(f + ": server.metrics must be true or false, got \"yes please\"");
    Path g = file("server:\n  port: 70000\n");
    assertThatThrownBy(() -> AppConfig.load(g))
        .hasMessage(g + ": server.port must be 0..65535, got 70000");
    Path h = file("server:\n  logFormat: xml\n");
    assertThatThrownBy(() -> AppConfig.load(h))
        .hasMessage(h + ": server.logFormat must be text or json, got \"xml\"");
  }
}
