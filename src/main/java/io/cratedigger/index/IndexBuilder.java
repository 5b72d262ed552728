package io.cratedigger.index;

import io.cratedigger.ingest.CatalogReader;
import io.cratedigger.ingest.FeatureJoin;
import io.cratedigger.ingest.ImportException;
import io.cratedigger.ingest.ImportReport;
import io.cratedigger.ingest.Importer;
import io.cratedigger.model.FeatureModel;
import io.cratedigger.model.SceneModel;
import io.cratedigger.track.Track;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;

/**
 * The rebuild: reads the exports (two streaming passes), fits the feature model on a sample,
 * indexes every track with both cores into a new generation, verifies it, and publishes it
 * atomically. Until the publish the live generation is untouched; a failure deletes the new one.
 */
public final class IndexBuilder {
  /** Fewer tracks with features than this: no model, no vectors (text, BPM and key only). */
  public static final int MIN_TRACKS_FOR_MODEL = 50;

  private static final int BATCH = 512;

  private final Importer importer;
  private final IndexStore store;
  private final BuildOptions options;
  private final BuildListener listener;
  private FeatureJoin join;

  public IndexBuilder(
      Importer importer, IndexStore store, BuildOptions options, BuildListener listener) {
    this.importer = importer;
    this.store = store;
    this.options = options;
    this.listener = listener;
  }

  /** Joins the inputs with an audio-feature export before indexing (see {@link FeatureJoin}). */
  public IndexBuilder joinFeatures(FeatureJoin join) {
    this.join = join;
    return this;
  }

  /**
   * The share of a file's rows that may be skipped (malformed, too long, missing a title...) before
   * the rebuild is refused and the live index kept: default {@value #DEFAULT_MAX_SKIPPED}.
   */
  public IndexBuilder maxSkipped(double share) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("the skipped share must be 0..1, got " + share);
    }
    this.maxSkipped = share;
    return this;
  }

  /** Default for {@link #maxSkipped}: a tenth of a file. */
  public static final double DEFAULT_MAX_SKIPPED = 0.10;

  private double maxSkipped = DEFAULT_MAX_SKIPPED;

  /** Refuses the rebuild when a file lost more than {@code max} of its rows. */
  static void checkSkipped(List<ImportReport> reports, double max) {
    for (ImportReport r : reports) {
      long lost = r.skippedTotal();
      if (r.rowsRead() > 0 && lost > max * r.rowsRead()) {
        throw new ImportException(
            String.format(
                java.util.Locale.ROOT,
                "%s: %,d of %,d rows (%.1f %%) could not be used, more than the %s %% allowed"
                    + " (--max-skipped); the live index was kept. %s; inspect %s lists them",
                r.file(),
                lost,
                r.rowsRead(),
                100.0 * lost / r.rowsRead(),
                new java.math.BigDecimal(Double.toString(100 * max))
                    .stripTrailingZeros()
                    .toPlainString(),
                inWords(r.skipped()),
                r.file()));
      }
    }
  }

  /**
   * Counts by reason as words, the largest first (then by name): {@code 3 malformed CSV, 1 missing
   * title, 1 too long}.
   */
  static String inWords(Map<String, Long> byReason) {
    return byReason.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .map(e -> String.format(java.util.Locale.ROOT, "%,d %s", e.getValue(), e.getKey()))
        .collect(java.util.stream.Collectors.joining(", "));
  }

  private Track enrich(Track t) {
    return join == null ? t : join.apply(t);
  }

  /**
   * Rebuilds the embedded index from {@code files} into a new generation of the store.
   *
   * @throws ImportException when the inputs hold no usable track (the live index stays)
   * @throws IndexBusyException when another rebuild is running
   */
  public IndexReport build(List<Path> files, String format) throws IOException {
    try (LuceneTarget target = LuceneTarget.open(store, options)) {
      return build(files, format, target);
    }
  }

  /**
   * Rebuilds from {@code files} into {@code target}: scan, fit the sound model, add every track,
   * learn the scenes, verify, publish, clean up. On any failure the target removes what it wrote
   * and the live generation stays.
   *
   * @throws ImportException when the inputs hold no usable track
   */
  public IndexReport build(List<Path> files, String format, BuildTarget target) throws IOException {
    long start = System.nanoTime();
    Map<String, Double> seconds = new LinkedHashMap<>();
    boolean published = false;
    try {
      CatalogReader reader = new CatalogReader(importer);
      long t = System.nanoTime();
      listener.phase("scan", -1);
      Reservoir sample = new Reservoir(options.sampleSize(), options.seed());
      CatalogReader.Scan scan =
          reader.scan(
              files, format, f -> listener.reading("Checking " + f.getFileName(), f), sample);
      listener.phaseDone();
      seconds.put("scan", since(t));
      if (scan.tracks() == 0) {
        throw new ImportException(
            "nothing to index: no usable track in " + String.join(", ", names(files)));
      }
      checkSkipped(scan.reports(), maxSkipped);

      t = System.nanoTime();
      listener.phase("model", -1);
      FeatureModel model =
          sample.sample().size() >= MIN_TRACKS_FOR_MODEL
              ? FeatureModel.fit(sample.sample(), options.seed())
              : null;
      if (model != null) {
        target.saveModel(model);
      }
      listener.phaseDone();
      seconds.put("model", since(t));

      t = System.nanoTime();
      listener.phase("index", scan.tracks());
      int k = model == null ? 0 : model.clusters().size();
      AtomicLongArray clusterSizes = new AtomicLongArray(Math.max(1, k));
      SceneModel.Learner scenes = new SceneModel.Learner(scan.tracks());
      long indexed = indexAll(reader, scan, model, target, scenes, clusterSizes);
      int segments = target.complete();
      listener.phaseDone();
      seconds.put("index", since(t));

      t = System.nanoTime();
      listener.phase("scenes", -1);
      target.saveScenes(scenes.model());
      listener.phaseDone();
      seconds.put("scenes", since(t));

      t = System.nanoTime();
      listener.phase("verify", -1);
      if (indexed != scan.tracks()) {
        throw new IllegalStateException(
            "indexed " + indexed + " tracks but the inputs hold " + scan.tracks());
      }
      target.verify(indexed, model != null);
      listener.phaseDone();
      seconds.put("verify", since(t));

      double total = since(start);
      seconds.put("total", total);
      IndexReport report =
          report(
              target, files, format, scan, indexed, model, clusterSizes, segments, seconds, total);
      target.saveReport(report);
      target.publish();
      published = true;
      return report.withDeleted(target.cleanup());
    } finally {
      if (!published) {
        target.abort();
      }
    }
  }

  /**
   * Pass two: this thread reads and parses; {@code threads} workers turn tracks into documents
   * (vector, cluster, source) and add them. A bounded queue keeps memory flat.
   */
  private long indexAll(
      CatalogReader reader,
      CatalogReader.Scan scan,
      FeatureModel model,
      BuildTarget target,
      SceneModel.Learner scenes,
      AtomicLongArray clusterSizes)
      throws IOException {
    int threads = options.threads();
    BlockingQueue<List<Track>> queue = new ArrayBlockingQueue<>(threads * 4);
    List<Track> poison = List.of();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Long>> workers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      workers.add(
          pool.submit(
              () -> {
                long n = 0;
                for (List<Track> batch = queue.take(); batch != poison; batch = queue.take()) {
                  for (Track t : batch) {
                    float[] v = model == null ? null : model.vector(t);
                    int c = v == null ? -1 : model.cluster(v);
                    if (c >= 0) {
                      clusterSizes.incrementAndGet(c);
                    }
                    target.add(t, v, c, v != null && model.imputed(t));
                  }
                  n += batch.size();
                  listener.indexed(batch.size());
                }
                return n;
              }));
    }
    var batcher =
        new Object() {
          List<Track> batch = new ArrayList<>(BATCH);
        };
    try {
      reader.read(
          scan,
          f -> Function.identity(),
          t -> {
            Track track = enrich(t);
            scenes.add(track); // in reading order, on this thread
            batcher.batch.add(track);
            if (batcher.batch.size() == BATCH) {
              put(queue, batcher.batch, workers);
              batcher.batch = new ArrayList<>(BATCH);
            }
          });
      if (!batcher.batch.isEmpty()) {
        put(queue, batcher.batch, workers);
      }
    } catch (WorkerStopped e) {
      // the failed worker's future reports the cause below
    } finally {
      try {
        for (int i = 0; i < threads; i++) {
          put(queue, poison, workers);
        }
      } catch (WorkerStopped e) {
        // the others stop on their own failure or on the poison already queued
      }
      pool.shutdown();
    }
    long total = 0;
    for (Future<Long> w : workers) {
      try {
        total += w.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while indexing", e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IOException("indexing failed: " + e.getCause(), e.getCause());
      }
    }
    return total;
  }

  /** Reading stops: a worker has stopped, and no one takes the batches any more. */
  private static final class WorkerStopped extends RuntimeException {
    WorkerStopped() {
      super("an indexing worker stopped", null, false, false);
    }
  }

  /**
   * Hands a batch to the workers; gives up instead of waiting for ever when a worker has stopped
   * (its failure is then reported by the caller, from the worker's future).
   */
  private static void put(
      BlockingQueue<List<Track>> queue, List<Track> batch, List<Future<Long>> workers) {
    try {
      while (!queue.offer(batch, 200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        for (Future<Long> w : workers) {
          if (w.isDone()) {
            throw new WorkerStopped(); // its future says why
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while indexing", e);
    }
  }

  private IndexReport report(
      BuildTarget target,
      List<Path> files,
      String format,
      CatalogReader.Scan scan,
      long indexed,
      FeatureModel model,
      AtomicLongArray clusterSizes,
      int segments,
      Map<String, Double> seconds,
      double total) {
    Map<String, Long> skipped = new TreeMap<>();
    Map<String, Long> dropped = new TreeMap<>();
    List<String> samples = new ArrayList<>();
    long rows = 0;
    long merged = 0;
    long features = 0;
    long bpm = 0;
    long key = 0;
    for (ImportReport r : scan.reports()) {
      rows += r.rowsRead();
      merged += r.merged();
      features += r.withAudioFeatures();
      bpm += r.withBpm();
      key += r.withKey();
      r.skipped().forEach((k, v) -> skipped.merge(k, v, Long::sum));
      r.dropped().forEach((k, v) -> dropped.merge(k, v, Long::sum));
      for (String s : r.samples()) {
        if (samples.size() < 20) {
          samples.add(scan.reports().size() > 1 ? r.file() + ": " + s : s);
        }
      }
    }
    List<IndexReport.ClusterSize> clusters = new ArrayList<>();
    if (model != null) {
      for (var c : model.clusters()) {
        clusters.add(new IndexReport.ClusterSize(c.id(), c.name(), clusterSizes.get(c.id())));
      }
    }
    Map<String, Integer> hnsw = new LinkedHashMap<>();
    hnsw.put("maxConn", options.hnswMaxConn());
    hnsw.put("beamWidth", options.hnswBeamWidth());
    hnsw.put("threads", options.threads());
    return new IndexReport(
        target.name(),
        target.location(),
        names(files),
        scan.reports().stream()
            .map(ImportReport::format)
            .distinct()
            .reduce((a, b) -> a + "+" + b)
            .orElse(format),
        rows,
        scan.tracks(),
        skipped,
        dropped,
        merged,
        features,
        bpm,
        key,
        samples,
        indexed,
        model == null ? 0 : model.dimensions(),
        model == null ? 0 : model.varianceKept(),
        model == null ? "none (no audio features)" : model.report().criterion(),
        clusters,
        hnsw,
        segments,
        seconds,
        indexed / total,
        List.of(),
        join == null ? Map.of() : join.counts(),
        scan.reports());
  }

  private static double since(long t) {
    return Math.round((System.nanoTime() - t) / 1e7) / 100.0;
  }

  private static List<String> names(List<Path> paths) {
    return paths.stream().map(p -> p.getFileName().toString()).toList();
  }
}
