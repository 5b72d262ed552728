package io.cratedigger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cratedigger.BuildInfo;
import org.junit.jupiter.api.Test;

/** The version line of {@code --version}: BuildInfo's version and commit. */
class VersionTest {
  @Test
  void theLineNamesTheVersionAndTheCommit() {
    assertThat(Main.Version.line(new BuildInfo("1.2.0", "1a2b3c4-dirty")))
        .isEqualTo("cratedigger 1.2.0 (1a2b3c4-dirty)");
  }

  @Test
  void fromClassesTheLineSaysDev() {
    assertThat(new Main.Version().getVersion()).containsExactly("cratedigger dev (unknown)");
  }
}
