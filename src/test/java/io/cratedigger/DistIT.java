package io.cratedigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The release as an operator meets it: {@code target/cratedigger-VERSION.tar.gz} unpacked into an
 * empty folder runs with a Java runtime alone, on a PATH without Maven, away from the sources. It
 * names its version, rebuilds a small index, serves it and stops on SIGTERM. Run by failsafe after
 * {@code package}, so by {@code tools/mvn verify}.
 */
class DistIT {
  /** Set by failsafe from the pom: the tarball {@code package} made and the pom's version. */
  static final Path TARBALL = Path.of(System.getProperty("cratedigger.dist", "missing"));

  static final String VERSION = System.getProperty("cratedigger.version", "missing");

  /** Each command of the release, a JVM start included, has this long. */
  static final Duration COMMAND = Duration.ofSeconds(30);

  /** The server has this long to answer its health route after starting, and to stop. */
  static final Duration SERVER = Duration.ofSeconds(30);

  static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  /** Removes the PATH links first: JUnit warns about links to outside the temporary folder. */
  @AfterEach
  void removeLinks() throws IOException {
    Path bin = tmp.resolve("path");
    if (Files.isDirectory(bin)) {
      try (var links = Files.list(bin)) {
        for (Path link : links.toList()) {
          Files.delete(link);
        }
      }
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void theReleaseRunsWithAJavaRuntimeAloneAndServes() throws Exception {
    Path home = unpack();
    assertThat(home.resolve("bin/cratedigger")).isExecutable();
    assertThat(home.resolve("bin/lib/common.sh")).isRegularFile();
    assertThat(home.resolve("lib/cratedigger-" + VERSION + ".jar")).isRegularFile();
    assertThat(home.resolve("config/formats.yaml")).isRegularFile();
    assertThat(home.resolve("web/index.html")).isRegularFile();
    assertThat(home.resolve("pom.xml")).doesNotExist();
    assertThat(home.resolve("src")).doesNotExist();

    Run version = run(home, "--version");
    assertThat(version.code()).as(version.err()).isZero();
    // not even the JVM's "WARNING: Using incubator modules" line: the launcher filters it out
    assertThat(version.err()).isEmpty();
    // cratedigger VERSION (COMMIT): a short hash, "-dirty" for uncommitted changes, or "unknown"
    // when built without .git; never "dev" from a jar.
    assertThat(version.out().strip())
        .matches(
            "cratedigger " + Pattern.quote(VERSION) + " \\(([0-9a-f]{7,40}(-dirty)?|unknown)\\)");

    // the filter keeps what matters: java's exit code and its error line
    Path index = tmp.resolve("index");
    Run failed = run(home, "similar", "te01", "--index", index.toString());
    assertThat(failed.code()).as(failed.err()).isEqualTo(1);
    assertThat(failed.err())
        .isEqualTo(
            "cratedigger: no index in "
                + index
                + "; build one with: cratedigger index --input FILE\n");

    Path csv = Path.of(DistIT.class.getResource("/similar/catalog.csv").toURI());
    Run built =
        run(home, "index", "--input", csv.toString(), "--index", index.toString(), "--json");
    assertThat(built.code()).as(built.err()).isZero();
    assertThat(built.err()).doesNotContain("WARNING", " INFO ");
    long tracks = JSON.readTree(built.out()).path("tracksIndexed").asLong();
    assertThat(tracks).isPositive();

    serveAndStop(home, index, tracks);
  }

  /**
   * Starts {@code serve} on a free port, checks health, the OpenAPI version and the page, then
   * stops it with SIGTERM to its whole process group, as systemd does (and Ctrl-C, with SIGINT).
   * The launcher runs in a session of its own (setsid) so that the group is the launcher's alone.
   */
  private void serveAndStop(Path home, Path index, long tracks) throws Exception {
    Path log = tmp.resolve("serve.log");
    ProcessBuilder pb = launcher(home, "serve", "--index", index.toString(), "--port", "0");
    pb.command().addFirst(onPath("setsid").toString());
    Process server = pb.redirectError(log.toFile()).start();
    List<ProcessHandle> filter = List.of();
    boolean stopped = false;
    try {
      int port = port(server, log);
      // the launcher became java (exec), so its PID is the one systemd and kill know
      assertThat(server.info().command())
          .hasValueSatisfying(c -> assertThat(c).endsWith("/bin/java"));
      filter = server.descendants().toList(); // the stderr filter, a child of java
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      HttpResponse<String> health = awaitHealth(http, port, log);
      assertThat(health.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      JsonNode body = JSON.readTree(health.body());
      assertThat(body.path("status").asString()).isEqualTo("ok");
      assertThat(body.path("tracks").asLong()).isEqualTo(tracks);
      assertThat(body.path("indexVersion").asString()).startsWith("gen-");

      HttpResponse<String> openapi = get(http, port, "/openapi.json");
      assertThat(openapi.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(openapi.body()).path("info").path("version").asString())
          .isEqualTo(VERSION);

      // the page comes from the release's web/, found through cratedigger.home
      HttpResponse<String> page = get(http, port, "/");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).containsIgnoringCase("<html");

      signalGroup("TERM", server.pid());
      stopped = server.waitFor(SERVER.toSeconds(), TimeUnit.SECONDS);
      assertThat(stopped).as("serve stops on SIGTERM within %s", SERVER).isTrue();
      assertThat(server.exitValue()).isEqualTo(128 + 15);
      // the filter outlived the signal and passed what java said while stopping, then ended
      for (ProcessHandle p : filter) {
        p.onExit().get(COMMAND.toSeconds(), TimeUnit.SECONDS);
      }
      assertThat(Files.readAllLines(log))
          .contains("cratedigger: stopping (finishing requests in flight)")
          .doesNotContain("WARNING: Using incubator modules: jdk.incubator.vector");
    } finally {
      if (!stopped) {
        server.destroyForcibly().waitFor(SERVER.toSeconds(), TimeUnit.SECONDS);
        filter.forEach(ProcessHandle::destroyForcibly);
      }
    }
  }

  /** {@code kill -SIGNAL -- -PGID}: the signal to every process of the group. */
  private static void signalGroup(String signal, long pgid) throws Exception {
    Process kill =
        new ProcessBuilder("kill", "-" + signal, "--", "-" + pgid)
            .redirectErrorStream(true)
            .start();
    String out = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(kill.waitFor(COMMAND.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).as(out).isZero();
  }

  /** Unpacks the tarball with tar, as an operator would; returns {@code cratedigger-VERSION/}. */
  private Path unpack() throws Exception {
    assertThat(TARBALL).as("the release built by package").isRegularFile();
    Path into = Files.createDirectories(tmp.resolve("opt"));
    Process tar =
        new ProcessBuilder("tar", "-xzf", TARBALL.toString(), "-C", into.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(tar.waitFor(COMMAND.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(tar.exitValue()).as(out).isZero();
    Path home = into.resolve("cratedigger-" + VERSION);
    try (var entries = Files.list(into)) {
      assertThat(entries.toList()).containsExactly(home);
    }
    return home;
  }

  /**
   * {@code bin/cratedigger ARGS} run from a folder of its own, with JAVA_HOME unset and a PATH
   * holding only the shell tools the script uses (grep filters stderr) and a {@code java} link to
   * this JVM's: no Maven, so the release has to find its Java runtime itself (through PATH, as on a
   * plain server).
   */
  private ProcessBuilder launcher(Path home, String... args) throws IOException {
    Path bin = tmp.resolve("path");
    if (!Files.isDirectory(bin)) {
      Files.createDirectories(bin);
      for (String tool : List.of("bash", "dirname", "readlink", "awk", "grep")) {
        Files.createSymbolicLink(bin.resolve(tool), onPath(tool));
      }
      Files.createSymbolicLink(
          bin.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
    }
    Path cwd = Files.createDirectories(tmp.resolve("cwd"));
    List<String> cmd = new ArrayList<>();
    cmd.add(home.resolve("bin/cratedigger").toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("JAVA") || k.startsWith("MAVEN") || k.startsWith("M2"));
    env.keySet().removeIf(k -> k.startsWith("CRATEDIGGER_"));
    env.put("PATH", bin.toString());
    env.put("CRATEDIGGER_HEAP", "512m"); // honoured instead of the 1 GB / 3 GB defaults
    return pb;
  }

  /**
   * Runs the launcher; stdout and stderr are read to their end, which comes when the stderr filter
   * has passed everything java wrote (it may end a moment after java).
   */
  private Run run(Path home, String... args) throws Exception {
    Process p = launcher(home, args).start();
    p.getOutputStream().close();
    CompletableFuture<String> out = readAll(p.getInputStream());
    CompletableFuture<String> err = readAll(p.getErrorStream());
    if (!p.waitFor(COMMAND.toSeconds(), TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly().waitFor();
      throw new AssertionError(
          "bin/cratedigger "
              + String.join(" ", args)
              + " took over "
              + COMMAND
              + ": "
              + err.getNow("(stderr not closed)"));
    }
    return new Run(
        p.exitValue(),
        out.get(COMMAND.toSeconds(), TimeUnit.SECONDS),
        err.get(COMMAND.toSeconds(), TimeUnit.SECONDS));
  }

  private static CompletableFuture<String> readAll(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        r -> Thread.ofPlatform().daemon().name("launcher-output").start(r));
  }

  /**
   * The port from serve's "serving N tracks (...) at http://127.0.0.1:PORT/" line; its standard
   * output is read to the end on a thread of its own, so the server never blocks on a full pipe.
   */
  private static int port(Process server, Path log) throws Exception {
    Pattern serving = Pattern.compile("at http://[^:/]+:(\\d+)/");
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread.ofPlatform()
        .daemon()
        .name("serve-stdout")
        .start(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                  Matcher m = serving.matcher(line);
                  if (m.find()) {
                    port.complete(Integer.parseInt(m.group(1)));
                  }
                }
              } catch (IOException e) {
                // the server is gone; the future below says so
              } finally {
                port.complete(-1);
              }
            });
    try {
      int p = port.get(SERVER.toSeconds(), TimeUnit.SECONDS);
      assertThat(p).as("serve said where it listens; its log: %s", read(log)).isPositive();
      return p;
    } catch (TimeoutException e) {
      throw new AssertionError("serve did not start within " + SERVER + ": " + read(log), e);
    }
  }

  /** Asks /api/health until it answers 200, for at most {@link #SERVER}. */
  private static HttpResponse<String> awaitHealth(HttpClient http, int port, Path log)
      throws Exception {
    long deadline = System.nanoTime() + SERVER.toNanos();
    while (true) {
      try {
        HttpResponse<String> r = get(http, port, "/api/health");
        if (r.statusCode() == 200) {
          return r;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no 200 from /api/health within " + SERVER + ": " + read(log));
      }
      Thread.sleep(200);
    }
  }

  private static HttpResponse<String> get(HttpClient http, int port, String path)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(5))
            .build(),
        HttpResponse.BodyHandlers.ofString());
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

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }
}
