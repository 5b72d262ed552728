package io.cratedigger.bench;

import com.sun.management.OperatingSystemMXBean;
import com.sun.tools.attach.VirtualMachine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * {@code cratedigger serve} in a JVM of its own, as an operator runs it (1 GB heap, request log on,
 * written to a file), watched over JMX: its CPU time, its heap after a full GC, its resident
 * memory. Start to ready is from launching the JVM to the first answer of {@code /api/health}.
 */
final class ServerUnderTest implements AutoCloseable {
  private static final Pattern SERVING = Pattern.compile("at http://[^:]+:(\\d+)/");
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  private final Process process;
  private final String baseUrl;
  private final double readySeconds;
  private final JMXConnector jmx;
  private final MBeanServerConnection mbeans;

  private ServerUnderTest(Process process, String baseUrl, double readySeconds, JMXConnector jmx)
      throws IOException {
    this.process = process;
    this.baseUrl = baseUrl;
    this.readySeconds = readySeconds;
    this.jmx = jmx;
    this.mbeans = jmx.getMBeanServerConnection();
  }

  /** Starts the server on {@code index} on a free loopback port; its log goes to {@code log}. */
  static ServerUnderTest start(ChildJvm jvm, Path index, String heap, Path log) throws Exception {
    return start(jvm, index, List.of(), heap, log);
  }

  /** {@link #start(ChildJvm, Path, String, Path)} with more {@code serve} arguments. */
  static ServerUnderTest start(
      ChildJvm jvm, Path index, List<String> serveArgs, String heap, Path log) throws Exception {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("serve", "--index", index.toString(), "--host", "127.0.0.1", "--port", "0"));
    args.addAll(serveArgs);
    List<String> cmd = jvm.command(heap, List.of(), args);
    // extra JVM flags for the server only, e.g. a flight recording while it is under load
    String extra = System.getenv("CRATEDIGGER_BENCH_SERVER_OPTS");
    if (extra != null && !extra.isBlank()) {
      cmd.addAll(1, List.of(extra.strip().split("\\s+")));
    }
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
    try {
      CompletableFuture<Integer> port = portOf(p);
      int n = port.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      String base = "http://127.0.0.1:" + n;
      waitHealthy(base, p);
      double ready = (System.nanoTime() - t0) / 1e9;
      return new ServerUnderTest(p, base, ready, attach(p.pid()));
    } catch (Exception e) {
      p.destroyForcibly();
      String tail = Files.exists(log) ? lastLines(log, 15) : "";
      throw new IllegalStateException("the server did not start: " + e + "\n" + tail, e);
    }
  }

  /** Reads the child's stdout for the "serving ... at http://host:port/" line. */
  private static CompletableFuture<Integer> portOf(Process p) {
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread.ofPlatform()
        .daemon()
        .start(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                  Matcher m = SERVING.matcher(line);
                  if (m.find() && !port.isDone()) {
                    port.complete(Integer.parseInt(m.group(1)));
                  }
                }
                port.completeExceptionally(new IOException("the server exited"));
              } catch (IOException e) {
                port.completeExceptionally(e);
              }
            });
    return port;
  }

  private static void waitHealthy(String base, Process p) throws Exception {
    OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline && p.isAlive()) {
      try (Response r =
          http.newCall(new Request.Builder().url(base + "/api/health").build()).execute()) {
        if (r.code() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(20);
    }
    throw new IOException("no answer from " + base + "/api/health");
  }

  private static JMXConnector attach(long pid) throws Exception {
    VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
    try {
      String url = vm.startLocalManagementAgent();
      return JMXConnectorFactory.connect(new JMXServiceURL(url));
    } finally {
      vm.detach();
    }
  }

  String baseUrl() {
    return baseUrl;
  }

  double readySeconds() {
    return readySeconds;
  }

  /** CPU time the server process has used so far, in seconds. */
  double cpuSeconds() throws IOException {
    return ManagementFactory.newPlatformMXBeanProxy(
                mbeans, ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME, OperatingSystemMXBean.class)
            .getProcessCpuTime()
        / 1e9;
  }

  /** CPU seconds spent so far by the garbage collector's threads and by the JIT compiler's. */
  record ThreadCpu(double gcSeconds, double jitSeconds) {}

  /**
   * CPU the server's live GC threads (G1's and the parallel ones) and C1/C2 compiler threads have
   * used so far, read from {@code /proc/PID/task} (Linux); null elsewhere. Threads that have ended
   * are not counted, so the rest of the process's CPU ({@link #cpuSeconds} minus these) is an upper
   * bound on serving.
   */
  ThreadCpu threadCpu() {
    double gc = 0;
    double jit = 0;
    Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
    try (var dirs = Files.list(tasks)) {
      for (Path task : dirs.toList()) {
        try {
          String kind = kind(Files.readString(task.resolve("comm")).strip());
          if (kind != null) {
            double seconds = ticks(Files.readString(task.resolve("stat"))) / CLOCK_TICKS;
            if (kind.equals("gc")) {
              gc += seconds;
            } else {
              jit += seconds;
            }
          }
        } catch (IOException e) {
          // the thread ended while we looked
        }
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return new ThreadCpu(gc, jit);
  }

  /** USER_HZ: the unit of utime and stime in /proc, 100 on every Linux we run on. */
  private static final double CLOCK_TICKS = 100;

  /** The kind of a HotSpot thread by its name, null for the rest. */
  static String kind(String threadName) {
    if (threadName.startsWith("GC Thread")
        || threadName.startsWith("G1 ")
        || threadName.startsWith("GC ")) {
      return "gc";
    }
    if (threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler")) {
      return "jit";
    }
    return null;
  }

  /** utime + stime of a {@code /proc/.../stat} line (fields 14 and 15, after the comm). */
  static long ticks(String stat) {
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).strip().split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  /** Heap in use after a full GC, in MB. */
  long heapAfterGcMb() throws IOException {
    MemoryMXBean memory =
        ManagementFactory.newPlatformMXBeanProxy(
            mbeans, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
    memory.gc();
    return memory.getHeapMemoryUsage().getUsed() >> 20;
  }

  /** Resident memory of the process in MB (Linux), -1 where unknown. */
  long residentMb() {
    try {
      for (String line :
          Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D+", "")) >> 10;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or the process is gone
    }
    return -1;
  }

  /** Stops the server as Ctrl-C does (requests in flight finish), killing it if it hangs. */
  @Override
  public void close() throws IOException {
    try {
      jmx.close();
    } catch (IOException e) {
      // the server may be gone already
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while stopping the server");
    }
  }

  private static String lastLines(Path log, int n) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
  }
}
