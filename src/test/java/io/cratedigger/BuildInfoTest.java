package io.cratedigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

/** The version and commit, read from what the build wrote into the manifest. */
class BuildInfoTest {
  static Manifest manifest(String version, String commit, String dirty) {
    Manifest m = new Manifest();
    m.getMainAttributes().putValue("Manifest-Version", "1.0");
    if (version != null) {
      m.getMainAttributes().putValue("Implementation-Version", version);
    }
    if (commit != null) {
      m.getMainAttributes().putValue("Cratedigger-Commit", commit);
    }
    if (dirty != null) {
      m.getMainAttributes().putValue("Cratedigger-Commit-Dirty", dirty);
    }
    return m;
  }

  @Test
  void aCleanBuildNamesItsVersionAndCommit() {
    assertThat(BuildInfo.of(manifest("1.2.0", "1a2b3c4", "false")))
        .isEqualTo(new BuildInfo("1.2.0", "1a2b3c4"));
  }

  @Test
  void uncommittedChangesAreSaid() {
    assertThat(BuildInfo.of(manifest("1.2.0", "1a2b3c4", "true")))
        .isEqualTo(new BuildInfo("1.2.0", "1a2b3c4-dirty"));
  }

  @Test
  void aBuildWithoutGitSaysUnknown() {
    assertThat(BuildInfo.of(manifest("1.2.0", "${git.commit.id.abbrev}", "${git.dirty}")))
        .isEqualTo(new BuildInfo("1.2.0", "unknown"));
    assertThat(BuildInfo.of(manifest("1.2.0", "", "")).commit()).isEqualTo("unknown");
    assertThat(BuildInfo.of(manifest("1.2.0", null, null)).commit()).isEqualTo("unknown");
  }

  @Test
  void withoutAJarItIsDev() {
    assertThat(BuildInfo.of(null)).isEqualTo(new BuildInfo("dev", "unknown"));
    assertThat(BuildInfo.of(manifest(null, "1a2b3c4", "false")))
        .isEqualTo(new BuildInfo("dev", "1a2b3c4"));
    // the tests run from target/classes
    assertThat(BuildInfo.current()).isEqualTo(new BuildInfo("dev", "unknown"));
  }
}
