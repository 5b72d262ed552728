package io.cratedigger.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Closed-loop load over HTTP/1.1 keep-alive: {@code clients} threads, each sending its next request
 * when the last one answered, as a page or a script does. Every answer must be 200 with a body; the
 * body is read whole, so the server's JSON writing counts. The load runs in this process, the
 * server in another ({@link ServerUnderTest}); on a small machine they share the cores, so the CPU
 * time each side spent per request is reported beside the throughput.
 */
public final class HttpLoad {
  private HttpLoad() {}

  /**
   * One run. {@code serverCpuMs} and {@code clientCpuMs} are CPU milliseconds per request of the
   * server process and of this (load) process; {@code serverGcCpuMs} and {@code serverJitCpuMs} the
   * part of the server's spent by its garbage collector and its JIT compiler threads (NaN where the
   * operating system does not say).
   */
  public record Result(
      String route,
      int clients,
      int requests,
      int failures,
      double seconds,
      double perSecond,
      Stats latency,
      double serverCpuMs,
      double serverGcCpuMs,
      double serverJitCpuMs,
      double clientCpuMs) {}

  /**
   * Runs {@code paths} (each a path with its query) round robin: first the same load for {@code
   * warmup}, unmeasured (the server's JIT needs tens of thousands of requests before it settles: on
   * 1 M tracks, after 30 s of load its compiler threads still took 1.7 ms of CPU per similar
   * request and the server answered 261 requests/s; after 120 s, 0.2 ms and 421 requests/s), then
   * {@code requestsPerClient} requests per client, measured.
   */
  static Result run(
      ServerUnderTest server,
      String route,
      List<String> paths,
      int clients,
      int requestsPerClient,
      Duration warmup)
      throws Exception {
    OkHttpClient http =
        new OkHttpClient.Builder()
            .connectionPool(new ConnectionPool(clients, 1, java.util.concurrent.TimeUnit.MINUTES))
            .callTimeout(Duration.ofSeconds(30))
            .retryOnConnectionFailure(false)
            .build();
    try {
      long until = System.nanoTime() + warmup.toNanos();
      load(http, server.baseUrl(), paths, clients, Integer.MAX_VALUE, until, null, null);
      int n = clients * requestsPerClient;
      double[] ms = new double[n];
      AtomicInteger failures = new AtomicInteger();
      double serverCpu0 = server.cpuSeconds();
      ServerUnderTest.ThreadCpu threads0 = server.threadCpu();
      double clientCpu0 = ownCpuSeconds();
      long start = System.nanoTime();
      load(http, server.baseUrl(), paths, clients, requestsPerClient, Long.MAX_VALUE, ms, failures);
      double seconds = (System.nanoTime() - start) / 1e9;
      double serverCpu = server.cpuSeconds() - serverCpu0;
      ServerUnderTest.ThreadCpu threads = server.threadCpu();
      double clientCpu = ownCpuSeconds() - clientCpu0;
      return new Result(
          route,
          clients,
          n,
          failures.get(),
          seconds,
          n / seconds,
          Stats.of(ms),
          serverCpu * 1000 / n,
          perRequestMs(threads0, threads, ServerUnderTest.ThreadCpu::gcSeconds, n),
          perRequestMs(threads0, threads, ServerUnderTest.ThreadCpu::jitSeconds, n),
          clientCpu * 1000 / n);
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  /**
   * {@code clients} threads sending up to {@code perClient} requests each, until {@code deadline}
   * (nanoTime); latencies into {@code ms} and failures counted when they are given.
   */
  private static void load(
      OkHttpClient http,
      String base,
      List<String> paths,
      int clients,
      int perClient,
      long deadline,
      double[] ms,
      AtomicInteger failures)
      throws InterruptedException {
    List<Thread> threads = new ArrayList<>(clients);
    for (int c = 0; c < clients; c++) {
      int client = c;
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int i = 0; i < perClient && System.nanoTime() < deadline; i++) {
                      // clients walk the paths from different places
                      int at = (int) (((long) client * perClient + i) % paths.size());
                      long t = System.nanoTime();
                      boolean ok = send(http, base + paths.get(at));
                      if (ms != null) {
                        ms[client * perClient + i] = (System.nanoTime() - t) / 1e6;
                        if (!ok) {
                          failures.incrementAndGet();
                        }
                      }
                    }
                  }));
    }
    for (Thread t : threads) {
      t.join();
    }
  }

  /** CPU ms per request of one kind of server thread between two readings; NaN if unknown. */
  private static double perRequestMs(
      ServerUnderTest.ThreadCpu before,
      ServerUnderTest.ThreadCpu after,
      ToDoubleFunction<ServerUnderTest.ThreadCpu> kind,
      int requests) {
    if (before == null || after == null) {
      return Double.NaN;
    }
    return Math.max(0, kind.applyAsDouble(after) - kind.applyAsDouble(before)) * 1000 / requests;
  }

  private static boolean send(OkHttpClient http, String url) {
    try (Response r = http.newCall(new Request.Builder().url(url).build()).execute()) {
      return r.code() == 200 && r.body().bytes().length > 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static double ownCpuSeconds() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() / 1e9
        : Double.NaN;
  }
}
