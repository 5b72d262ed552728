package io.cratedigger.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.cratedigger.config.ServerSettings.Setting;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Discogs cache is the user's, never the installation's: variable, file, XDG, home. */
class UserCacheTest {
  private static final String USER_HOME = "/home/from-passwd";

  private static Setting<Path> discogs(Path inFile, Map<String, String> env) {
    return UserCache.discogs(inFile, env, USER_HOME);
  }

  @Test
  void theXdgCacheFolderWhenItIsSet() {
    assertThat(discogs(null, Map.of("XDG_CACHE_HOME", "/var/tmp/xdg", "HOME", "/home/dj")))
        .isEqualTo(new Setting<>(Path.of("/var/tmp/xdg/cratedigger/discogs"), "default"));
  }

  @Test
  void elseDotCacheInTheHomeFolder() {
    assertThat(discogs(null, Map.of("HOME", "/home/dj")))
        .isEqualTo(new Setting<>(Path.of("/home/dj/.cache/cratedigger/discogs"), "default"));
    // the XDG specification: a relative XDG_CACHE_HOME is ignored, and so is an empty one
    assertThat(discogs(null, Map.of("XDG_CACHE_HOME", "cache", "HOME", "/home/dj")).value())
        .isEqualTo(Path.of("/home/dj/.cache/cratedigger/discogs"));
    assertThat(discogs(null, Map.of("XDG_CACHE_HOME", "", "HOME", "/home/dj")).value())
        .isEqualTo(Path.of("/home/dj/.cache/cratedigger/discogs"));
  }

  @Test
  void withoutHomeTheJvmsUserHome() {
    assertThat(discogs(null, Map.of()).value())
        .isEqualTo(Path.of("/home/from-passwd/.cache/cratedigger/discogs"));
    assertThat(discogs(null, Map.of("HOME", " ")).value())
        .isEqualTo(Path.of("/home/from-passwd/.cache/cratedigger/discogs"));
  }

  @Test
  void theFileOverTheDefaultsAndTheVariableOverTheFile() {
    Map<String, String> xdg = Map.of("XDG_CACHE_HOME", "/var/tmp/xdg", "HOME", "/home/dj");
    Path inFile = Path.of("/srv/cratedigger/discogs-cache");
    assertThat(discogs(inFile, xdg)).isEqualTo(new Setting<>(inFile, "file"));
    Map<String, String> all =
        Map.of(
            "CRATEDIGGER_DISCOGS_CACHE", "/var/cache/cratedigger ",
            "XDG_CACHE_HOME", "/var/tmp/xdg",
            "HOME", "/home/dj");
    assertThat(discogs(inFile, all))
        .isEqualTo(new Setting<>(Path.of("/var/cache/cratedigger"), "CRATEDIGGER_DISCOGS_CACHE"));
    // an empty variable is not set
    assertThat(discogs(inFile, Map.of("CRATEDIGGER_DISCOGS_CACHE", "")).source()).isEqualTo("file");
  }
}
