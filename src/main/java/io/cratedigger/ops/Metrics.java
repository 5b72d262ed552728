package io.cratedigger.ops;

import io.cratedigger.search.Recommendations;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jetty.JettyConnectionMetrics;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.eclipse.jetty.server.Server;

/**
 * What the server measures, for Prometheus at {@code /metrics} (Micrometer): requests by route and
 * status with latency histograms, the engine's phases and pool sizes, the live index, rebuilds,
 * Discogs calls and cache hits, the admission queue, the JVM and Jetty's threads and connections.
 * Off ({@link #off()}) every call is a no-op and nothing is kept.
 *
 * <p>On the hot path a request costs a few meter look-ups (a hash of name and tags, about a
 * microsecond in all, against milliseconds of search): the meters of the engine's phases are cached
 * by name.
 */
public final class Metrics {
  /** The histogram range of request and phase latencies: Prometheus buckets between these. */
  private static final Duration MIN_LATENCY = Duration.ofMillis(1);

  private static final Duration MAX_LATENCY = Duration.ofSeconds(10);

  private final PrometheusMeterRegistry registry;
  private final Map<String, Timer> phases = new ConcurrentHashMap<>();
  private final Map<String, DistributionSummary> pools = new ConcurrentHashMap<>();
  private final AtomicReference<Double> lastRebuildRate = new AtomicReference<>(Double.NaN);

  private Metrics(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  /** Nothing measured. */
  public static Metrics off() {
    return new Metrics(null);
  }

  /** A Prometheus registry with the JVM's and the process's meters bound. */
  public static Metrics prometheus() {
    PrometheusMeterRegistry r = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(r);
    new JvmGcMetrics().bindTo(r);
    new JvmThreadMetrics().bindTo(r);
    new ClassLoaderMetrics().bindTo(r);
    new ProcessorMetrics().bindTo(r);
    new UptimeMetrics().bindTo(r);
    return new Metrics(r);
  }

  public boolean enabled() {
    return registry != null;
  }

  /** The Prometheus text exposition of every meter. */
  public String scrape() {
    return registry == null ? "" : registry.scrape();
  }

  /** Jetty's thread pool and its connectors' connections and bytes. */
  public void bind(Server server) {
    if (registry != null) {
      new JettyServerThreadPoolMetrics(server.getThreadPool(), Tags.empty()).bindTo(registry);
      JettyConnectionMetrics.addToAllConnectors(server, registry);
    }
  }

  /** One answered request: its method, route template (never the raw path), status and time. */
  public void request(String method, String route, int status, double ms) {
    if (registry == null) {
      return;
    }
    Timer.builder("http.server.requests")
        .description("HTTP requests by route template and status")
        .tags("method", method, "route", route, "status", Integer.toString(status))
        .publishPercentileHistogram()
        .minimumExpectedValue(MIN_LATENCY)
        .maximumExpectedValue(MAX_LATENCY)
        .register(registry)
        .record((long) (ms * 1_000_000), TimeUnit.NANOSECONDS);
  }

  /**
   * The engine's figures of one answer: the phases (retrieve, score, rank) and the retrievals
   * inside retrieve as timers, the pool sizes as distributions.
   */
  public void engine(Recommendations.Stats stats) {
    if (registry == null) {
      return;
    }
    stats.ms().phases().forEach((phase, ms) -> phase(phase, ms));
    stats.ms().retrievals().forEach((retrieval, ms) -> phase(retrieval.code(), ms));
    pool("lexicalPool", stats.lexicalPool());
    pool("knnPool", stats.knnPool());
    pool("mixablePool", stats.mixablePool());
    pool("candidates", stats.candidates());
  }

  private void phase(String phase, double ms) {
    phases
        .computeIfAbsent(phase, this::phaseTimer)
        .record((long) (ms * 1_000_000), TimeUnit.NANOSECONDS);
  }

  private void pool(String pool, int size) {
    pools.computeIfAbsent(pool, this::poolSummary).record(size);
  }

  private Timer phaseTimer(String phase) {
    return Timer.builder("cratedigger.engine.phase")
        .description("Time in each phase of a recommendation (retrieve, score, rank, retrievals)")
        .tag("phase", phase)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofNanos(100_000))
        .maximumExpectedValue(MAX_LATENCY)
        .register(registry);
  }

  private DistributionSummary poolSummary(String pool) {
    return DistributionSummary.builder("cratedigger.engine.pool.size")
        .description("Candidates per recommendation, by pool")
        .baseUnit("tracks")
        .tag("pool", pool)
        .register(registry);
  }

  /** The live index's size and generation, read when scraped. */
  public <T> void index(T source, ToDoubleFunction<T> tracks, ToDoubleFunction<T> generation) {
    if (registry == null) {
      return;
    }
    Gauge.builder("cratedigger.index.tracks", source, tracks)
        .description("Tracks in the live index generation (0 while the first one is prepared)")
        .register(registry);
    Gauge.builder("cratedigger.index.generation", source, generation)
        .description("Number of the live index generation (gen-000007 is 7; 0 before the first)")
        .register(registry);
  }

  /** A rebuild that ended, with its outcome ({@code done}, {@code failed}). */
  public void rebuild(String outcome, double seconds, long tracks) {
    if (registry == null) {
      return;
    }
    Timer.builder("cratedigger.rebuild.duration")
        .description("Index rebuilds, by outcome")
        .tag("outcome", outcome)
        .register(registry)
        .record((long) (seconds * 1e9), TimeUnit.NANOSECONDS);
    if ("done".equals(outcome) && seconds > 0) {
      lastRebuildRate.set(tracks / seconds);
      Gauge.builder("cratedigger.rebuild.tracks.per.second", lastRebuildRate, AtomicReference::get)
          .description("Tracks per second of the last rebuild that finished")
          .register(registry);
    }
  }

  /**
   * Counts kept by {@code source} (Discogs calls by outcome: {@code cache_hit}, {@code fetched},
   * {@code failed}), read when scraped.
   */
  public <T> void discogs(T source, String outcome, ToLongFunction<T> count) {
    if (registry == null) {
      return;
    }
    FunctionCounter.builder("cratedigger.discogs.requests", source, s -> count.applyAsLong(s))
        .description("Discogs look-ups by outcome")
        .tag("outcome", outcome)
        .register(registry);
  }

  /** Searches waiting for or holding a turn, read when scraped. */
  public <T> void admission(T source, ToDoubleFunction<T> inFlight, ToDoubleFunction<T> waiting) {
    if (registry == null) {
      return;
    }
    Gauge.builder("cratedigger.admission.in.flight", source, inFlight)
        .description("Searches running")
        .register(registry);
    Gauge.builder("cratedigger.admission.waiting", source, waiting)
        .description("Searches waiting for a turn")
        .register(registry);
  }

  /** A search turned away (503) because the queue was full for too long. */
  public void rejected() {
    if (registry != null) {
      Counter.builder("cratedigger.admission.rejected")
          .description("Searches answered 503 after waiting for a turn")
          .register(registry)
          .increment();
    }
  }
}
