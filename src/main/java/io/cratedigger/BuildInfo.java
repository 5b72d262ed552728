package io.cratedigger;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

/**
 * What this build is, from what the build wrote into the jar's manifest: the version
 * (Implementation-Version, the pom's) and the commit (Cratedigger-Commit and
 * Cratedigger-Commit-Dirty, from git). The one source of the version for the command line and the
 * HTTP API.
 *
 * @param version the pom's version; {@link #DEV} when not run from the jar (from classes)
 * @param commit a short hash, {@code 1a2b3c4} or {@code 1a2b3c4-dirty} when the work tree had
 *     uncommitted changes; {@link #UNKNOWN_COMMIT} without one
 */
public record BuildInfo(String version, String commit) {
  /** The version when run from a classes folder, not from the jar. */
  public static final String DEV = "dev";

  /** The commit of a build without git (a source tarball), or when run from classes. */
  public static final String UNKNOWN_COMMIT = "unknown";

  private static final Pattern COMMIT_HASH = Pattern.compile("[0-9a-f]{4,40}");

  /** This process's build: read from the jar once. */
  public static BuildInfo current() {
    return Current.INFO;
  }

  /** The build a manifest describes; null (no jar) gives {@code dev} and {@code unknown}. */
  public static BuildInfo of(Manifest manifest) {
    if (manifest == null) {
      return new BuildInfo(DEV, UNKNOWN_COMMIT);
    }
    String version = manifest.getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_VERSION);
    return new BuildInfo(
        version == null || version.isBlank() ? DEV : version.strip(), commit(manifest));
  }

  /**
   * The commit a manifest names, {@code 1a2b3c4}, or {@code 1a2b3c4-dirty} when the work tree had
   * uncommitted changes; "unknown" without one. A build without .git (a source tarball) leaves the
   * entry empty (or, with other Maven versions, an unresolved {@code ${...}}): not a hash.
   */
  static String commit(Manifest manifest) {
    Attributes main = manifest.getMainAttributes();
    String id = main.getValue("Cratedigger-Commit");
    if (id == null || !COMMIT_HASH.matcher(id).matches()) {
      return UNKNOWN_COMMIT;
    }
    return "true".equals(main.getValue("Cratedigger-Commit-Dirty")) ? id + "-dirty" : id;
  }

  /** Holds {@link #current()}, read when first asked for. */
  private static final class Current {
    static final BuildInfo INFO = of(manifest());
  }

  /**
   * The manifest of the jar this class was loaded from, not the first one on the class path (a
   * release runs with {@code -cp lib/*}); null when run from classes.
   */
  private static Manifest manifest() {
    CodeSource source = BuildInfo.class.getProtectionDomain().getCodeSource();
    if (source == null) {
      return null;
    }
    try {
      Path location = Path.of(source.getLocation().toURI());
      if (!Files.isRegularFile(location)) {
        return null;
      }
      try (JarFile jar = new JarFile(location.toFile())) {
        return jar.getManifest();
      }
    } catch (IOException | URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }
}
