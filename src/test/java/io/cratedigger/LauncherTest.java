package io.cratedigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launchers' shared shell code ({@code tools/lib/common.sh}, also the release's {@code
 * bin/lib/common.sh}) running a stand-in for java: a script in a fake {@code JAVA_HOME} that says
 * its PID, writes to stderr and exits with a code of its own. Its stderr filter drops the JVM's
 * incubator warning and nothing else; the PID and exit code are java's. DistIT runs the real thing.
 */
class LauncherTest {
  static final String WARNING = "WARNING: Using incubator modules: jdk.incubator.vector";

  /** The bash on this PATH, by its full path: one test runs the launcher with a PATH without. */
  static final Path BASH = onPath("bash");

  @TempDir Path tmp;

  record Run(long pid, int code, String out, byte[] err) {
    String errText() {
      return new String(err, StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void theWarningAloneIsDroppedAndJavaKeepsTheLaunchersPidAndExitCode() throws Exception {
    fakeJava(
        """
        echo "pid $$"
        echo "WARNING: Using incubator modules: jdk.incubator.vector" >&2
        echo "cratedigger: first" >&2
        printf 'caf\\351 in Windows-1252, then a NUL \\000 byte\\n' >&2
        echo "WARNING: Using incubator modules: jdk.incubator.vector, and more" >&2
        printf 'the last line, without a newline' >&2
        exit 3
        """);
    Run r = launch("similar", "x");
    assertThat(r.out()).isEqualTo("pid " + r.pid() + "\n");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.errText())
        .isEqualTo(
            "cratedigger: first\n"
                + "caf\u00e9 in Windows-1252, then a NUL \0 byte\n"
                + WARNING
                + ", and more\n"
                + "the last line, without a newline\n"); // grep ends it
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void nothingButTheWarningLeavesStderrEmptyAndTheExitCodeZero() throws Exception {
    fakeJava(
        """
        echo "WARNING: Using incubator modules: jdk.incubator.vector" >&2
        echo "cratedigger 1.0 (abc1234)"
        """);
    Run r = launch("--version");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("cratedigger 1.0 (abc1234)\n");
    assertThat(r.err()).isEmpty();
  }

  /** Without a grep to filter with, stderr is passed as it is: the warning, and every error. */
  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void withoutGrepStderrIsLeftAsItIs() throws Exception {
    fakeJava(
        """
        echo "WARNING: Using incubator modules: jdk.incubator.vector" >&2
        echo "cratedigger: no index" >&2
        exit 1
        """);
    Path bin = Files.createDirectories(tmp.resolve("path"));
    List<String> tools = List.of("bash", "dirname"); // what sourcing common.sh needs
    for (String tool : tools) {
      Files.createSymbolicLink(bin.resolve(tool), onPath(tool));
    }
    ProcessBuilder pb = launcher(null, "similar", "x");
    pb.environment().put("PATH", bin.toString());
    Process p = pb.redirectErrorStream(true).start();
    String all = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(1);
    assertThat(all).isEqualTo(WARNING + "\ncratedigger: no index\n");
    for (String tool : tools) {
      Files.delete(bin.resolve(tool)); // JUnit warns about links to outside its folder
    }
  }

  /**
   * SIGTERM to the whole process group (systemd's stop; Ctrl-C sends SIGINT the same way) stops
   * java, and the filter lives on to pass what java says while stopping.
   */
  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void aSignalToTheProcessGroupLeavesTheFilterToPassJavasLastWords() throws Exception {
    fakeJava(
        """
        trap 'echo "cratedigger: stopping" >&2; sleep 0.5; echo "cratedigger: stopped" >&2; exit 143' TERM
        echo "WARNING: Using incubator modules: jdk.incubator.vector" >&2
        echo ready
        sleep 30 &
        wait
        """);
    // setsid: a process group of its own, the launcher's, to signal as a whole
    Process p = launcher("setsid", "serve").start();
    p.getOutputStream().close();
    CompletableFuture<String> err = readAll(p.getErrorStream());
    byte[] ready = p.getInputStream().readNBytes("ready\n".length());
    assertThat(new String(ready, StandardCharsets.UTF_8)).isEqualTo("ready\n");
    Process kill = new ProcessBuilder("kill", "-TERM", "--", "-" + p.pid()).inheritIO().start();
    assertThat(kill.waitFor()).isZero();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(143);
    assertThat(err.get(10, TimeUnit.SECONDS))
        .isEqualTo("cratedigger: stopping\ncratedigger: stopped\n");
  }

  /** Writes {@code JAVA_HOME/bin/java} running the given bash. */
  private void fakeJava(String body) throws IOException {
    Path java = tmp.resolve("jdk/bin/java");
    Files.createDirectories(java.getParent());
    Files.writeString(java, "#!" + BASH + "\n" + body);
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** bash running {@code exec_cratedigger -jar x.jar -- ARGS}, as tools/cratedigger does. */
  private ProcessBuilder launcher(String prefix, String... args) {
    Path common = Path.of("tools/lib/common.sh").toAbsolutePath();
    List<String> cmd = new ArrayList<>();
    if (prefix != null) {
      cmd.add(prefix);
    }
    cmd.addAll(
        List.of(
            BASH.toString(),
            "-c",
            "set -euo pipefail; source \"$0\"; exec_cratedigger -jar x.jar -- \"$@\"",
            common.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("CRATEDIGGER_"));
    pb.environment().put("JAVA_HOME", tmp.resolve("jdk").toString());
    return pb;
  }

  private Run launch(String... args) throws Exception {
    Process p = launcher(null, args).start();
    p.getOutputStream().close();
    // both read to their end, in parallel: stderr's end comes when the filter has passed it all
    CompletableFuture<String> out = readAll(p.getInputStream());
    CompletableFuture<byte[]> err = readBytes(p.getErrorStream());
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    return new Run(
        p.pid(), p.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
  }

  private static Path onPath(String tool) {
    for (String dir : System.getenv("PATH").split(":")) {
      Path p = Path.of(dir, tool);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    throw new IllegalStateException(tool + " is not on PATH");
  }

  private static CompletableFuture<String> readAll(InputStream in) {
    return readBytes(in).thenApply(b -> new String(b, StandardCharsets.UTF_8));
  }

  private static CompletableFuture<byte[]> readBytes(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (in) {
            return in.readAllBytes();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        r -> Thread.ofPlatform().daemon().name("launcher-output").start(r));
  }
}
