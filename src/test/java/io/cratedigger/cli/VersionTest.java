package io.cratedigger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

/** The commit in the version line, read from what the build wrote into the manifest. */
class VersionTest {
  static Manifest manifest(String commit, String dirty) {
    Manifest m = new Manifest();
    m.getMainAttributes().putValue("Manifest-Version", "1.0");
    if (commit != null) {
      m.getMainAttributes().putValue("Cratedigger-Commit", commit);
    }
    if (dirty != null) {
      m.getMainAttributes().putValue("Cratedigger-Commit-Dirty", dirty);
    }
    return m;
  }

  @Test
  void aCleanBuildNamesItsCommit() {
    assertThat(Main.Version.commit(manifest("1a2b3c4", "false"))).isEqualTo("1a2b3c4");
  }

  @Test
  void uncommittedChangesAreSaid() {
    assertThat(Main.Version.commit(manifest("1a2b3c4", "true"))).isEqualTo("1a2b3c4-dirty");
  }

  @Test
  void aBuildWithoutGitSaysUnknown() {
    assertThat(Main.Version.commit(manifest("${git.commit.id.abbrev}", "${git.dirty}")))
        .isEqualTo("unknown");
    assertThat(Main.Version.commit(manifest("", ""))).isEqualTo("unknown");
    assertThat(Main.Version.commit(manifest(null, null))).isEqualTo("unknown");
    assertThat(Main.Version.commit(null)).isEqualTo("unknown");
  }

  @Test
  void fromClassesTheLineSaysDev() {
    assertThat(new Main.Version().getVersion()).containsExactly("cratedigger dev (unknown)");
  }
}
