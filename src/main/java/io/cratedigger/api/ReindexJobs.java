package io.cratedigger.api;

import io.cratedigger.index.IndexBusyException;
import io.cratedigger.index.IndexStore;
import io.cratedigger.ops.Metrics;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Admin rebuilds as jobs, one at a time, each in a child JVM running {@code index}: a rebuild of
 * millions of tracks needs its own heap and cores, and if it dies (out of memory, killed) the
 * server and its live index are not touched. The server polls nothing: the child publishes the new
 * generation, the server's watcher swaps it in, and the job records the child's JSON report or its
 * one-line reason.
 */
public final class ReindexJobs {
  private static final Logger LOG = LoggerFactory.getLogger(ReindexJobs.class);

  /** Jobs remembered (the newest); older ones are forgotten. */
  static final int KEEP = 20;

  /** The state of one job, as {@code GET /api/admin/jobs/{id}} shows it. */
  public record Job(
      String id,
      String state,
      Instant started,
      Instant finished,
      Double seconds,
      JsonNode report,
      String error) {}

  private final Metrics metrics;
  private final List<String> command;
  private final IndexStore store;
  private final Path logDir;
  private final io.cratedigger.index.LiveIndex live;
  private final Map<String, Job> jobs = new LinkedHashMap<>();
  private final AtomicLong next = new AtomicLong(1);
  private String running;

  /**
   * @param command the child's command line up to (not including) {@code --json}: {@link
   *     #javaCommand} and the {@code index} arguments
   * @param live refreshed when a job has published a new generation (its watcher, if running, would
   *     pick it up within a second anyway)
   * @param metrics told each rebuild's outcome, duration and tracks
   */
  public ReindexJobs(
      List<String> command,
      IndexStore store,
      Path logDir,
      io.cratedigger.index.LiveIndex live,
      Metrics metrics) {
    this.command = List.copyOf(command);
    this.store = store;
    this.logDir = logDir;
    this.live = live;
    this.metrics = metrics;
  }

  /**
   * The command that runs this program's main class in a new JVM with the flags that matter of the
   * current one (heap, modules, system properties), then {@code args}.
   */
  public static List<String> javaCommand(List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (a.startsWith("-Xmx")
          || a.startsWith("-Xms")
          || a.startsWith("--add-modules")
          || a.startsWith("--enable-native-access")
          || a.startsWith("-Dcratedigger")) {
        cmd.add(a);
      }
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("io.cratedigger.cli.Main");
    cmd.addAll(args);
    return cmd;
  }

  /**
   * Starts a rebuild.
   *
   * @throws ApiException 409 while a job runs, or another process rebuilds the same index
   */
  public synchronized Job start() throws IOException {
    if (running != null) {
      throw new ApiException(409, "conflict", "rebuild job " + running + " is still running");
    }
    try (IndexStore.RebuildLock probe = store.lock()) {
      // free now; the child takes it a moment later (and refuses cleanly if someone else did)
      LOG.debug("rebuild lock free for {}", probe);
    } catch (IndexBusyException e) {
      throw new ApiException(409, "conflict", e.getMessage());
    }
    String id = Long.toString(next.getAndIncrement());
    Instant started = Instant.now();
    Files.createDirectories(logDir);
    Path out = logDir.resolve("reindex-" + id + ".json");
    Path err = logDir.resolve("reindex-" + id + ".log");
    List<String> cmd = new ArrayList<>(command);
    cmd.add("--json");
    Process child =
        new ProcessBuilder(cmd)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(nullFile()))
            .start();
    running = id;
    Job job = new Job(id, "running", started, null, null, null, null);
    remember(job);
    LOG.info("rebuild job {} started (pid {})", id, child.pid());
    child.onExit().thenAccept(p -> finished(id, started, p.exitValue(), out, err));
    return job;
  }

  private static java.io.File nullFile() {
    return new java.io.File(
        System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  private synchronized void finished(String id, Instant started, int exit, Path out, Path err) {
    Instant end = Instant.now();
    double seconds = Duration.between(started, end).toMillis() / 1000.0;
    JsonNode report = null;
    String error = null;
    try {
      if (exit == 0) {
        report =
            io.cratedigger.view.Json.MAPPER.readTree(Files.readString(out, StandardCharsets.UTF_8));
      } else {
        error = lastLine(Files.readString(err, StandardCharsets.UTF_8), exit);
      }
    } catch (IOException | RuntimeException e) {
      error = "the rebuild's output could not be read: " + e.getMessage();
    }
    String state = exit == 0 && report != null ? "done" : "failed";
    if (state.equals("done")) {
      try {
        live.refresh();
      } catch (IOException | RuntimeException e) {
        LOG.warn("rebuild job {}: the new generation is not live yet: {}", id, e.toString());
      }
    }
    remember(new Job(id, state, started, end, seconds, report, error));
    metrics.rebuild(state, seconds, report == null ? 0 : report.path("tracksIndexed").asLong());
    running = null;
    LOG.info("rebuild job {} {} in {} s{}", id, state, seconds, error == null ? "" : ": " + error);
  }

  /** The child's one-line reason (its last line on stderr, prefix dropped). */
  private static String lastLine(String stderr, int exit) {
    String reason = null;
    for (String line : stderr.split("\n")) {
      if (line.startsWith("cratedigger: ")) {
        reason = line.substring("cratedigger: ".length()).strip();
      }
    }
    return reason != null ? reason : "the rebuild exited with status " + exit;
  }

  private void remember(Job job) {
    jobs.put(job.id(), job);
    while (jobs.size() > KEEP) {
      jobs.remove(jobs.keySet().iterator().next());
    }
  }

  /** A job by id; 404 when unknown (or forgotten). */
  public synchronized Job get(String id) {
    Job j = jobs.get(id);
    if (j == null) {
      throw ApiException.notFound("no rebuild job " + id);
    }
    return j;
  }
}
