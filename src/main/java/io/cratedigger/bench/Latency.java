package io.cratedigger.bench;

import io.cratedigger.index.Generation;
import io.cratedigger.index.Schema;
import io.cratedigger.index.TrackDocuments;
import io.cratedigger.search.RecommendRequest;
import io.cratedigger.search.Recommender;
import io.cratedigger.search.TrackLookup;
import io.cratedigger.track.Track;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.lucene.search.IndexSearcher;

/**
 * In-process latency of the two hot paths, similar tracks and fuzzy lookup, on seeds and queries
 * drawn (seeded) from the index itself: lookup queries are real titles with a typo and a partly
 * typed last word, as a DJ types them. Warm-up queries are run first and not counted.
 */
public final class Latency {
  private Latency() {}

  /** Results of one run. */
  public record Result(
      Stats similar, Stats lookup, List<String> sampleLookups, Map<String, Double> phaseMedians) {}

  public static Result measure(
      IndexSearcher s,
      Generation g,
      Recommender engine,
      int queries,
      int warmup,
      int limit,
      long seed)
      throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    int maxDoc = s.getIndexReader().maxDoc();
    List<Track> seeds = new ArrayList<>(queries + warmup);
    var stored = s.storedFields();
    for (int i = 0; i < queries + warmup; i++) {
      seeds.add(
          TrackDocuments.fromSource(
              stored.document(random.nextInt(maxDoc)).getBinaryValue(Schema.SOURCE)));
    }
    double[] sim = new double[queries];
    Map<String, List<Double>> phases = new LinkedHashMap<>();
    for (int i = 0; i < seeds.size(); i++) {
      RecommendRequest req = RecommendRequest.similar(seeds.get(i).id(), limit);
      long t = System.nanoTime();
      var answer = engine.recommend(s, g, req, false);
      if (i >= warmup) {
        sim[i - warmup] = (System.nanoTime() - t) / 1e6;
        // a retrieval counts only for the queries that ran it (a seed without styles has no
        // scene pool): zeros for the others would pull its median down
        var ms = answer.stats().ms();
        ms.phases().forEach((k, v) -> phases.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        ms.retrievals()
            .forEach((k, v) -> phases.computeIfAbsent(k.code(), x -> new ArrayList<>()).add(v));
      }
    }
    Map<String, Double> medians = new LinkedHashMap<>();
    phases.forEach(
        (k, v) ->
            medians.put(k, Stats.of(v.stream().mapToDouble(Double::doubleValue).toArray()).p50()));
    TrackLookup lookup = new TrackLookup();
    double[] look = new double[queries];
    List<String> samples = new ArrayList<>();
    for (int i = 0; i < seeds.size(); i++) {
      String q = typed(seeds.get(i), random);
      if (samples.size() < 5) {
        samples.add(q);
      }
      long t = System.nanoTime();
      lookup.search(s, q, limit);
      if (i >= warmup) {
        look[i - warmup] = (System.nanoTime() - t) / 1e6;
      }
    }
    return new Result(Stats.of(sim), Stats.of(look), samples, medians);
  }

  /** A title as typed: one letter of a long word swapped, the artist's first word half typed. */
  static String typed(Track t, SplittableRandom random) {
    String title = t.title().replaceAll("\\s*[(\\[].*$", "");
    String[] all = title.split("\\s+");
    String[] words = Arrays.copyOf(all, Math.min(all.length, 6)); // people type a few words
    StringBuilder sb = new StringBuilder();
    for (String w : words) {
      if (w.length() >= 5 && random.nextInt(3) == 0) {
        int p = 1 + random.nextInt(w.length() - 2);
        char[] c = w.toCharArray();
        char x = c[p];
        c[p] = c[p + 1];
        c[p + 1] = x;
        w = new String(c);
      }
      sb.append(w).append(' ');
    }
    if (!t.artists().isEmpty()) {
      String a = t.artists().getFirst().split("\\s+")[0];
      sb.append(a, 0, Math.max(1, Math.min(a.length(), 2 + a.length() / 2)));
    }
    String q = sb.toString().strip();
    return q.length() > 200 ? q.substring(0, 200) : q;
  }

  /**
   * Similar-track queries per second with {@code threads} callers at once, in process: the engine's
   * capacity without HTTP, for telling the server's cost from the engine's.
   */
  public static double concurrent(
      IndexSearcher s, Generation g, Recommender engine, int threads, int perThread, long seed)
      throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    int maxDoc = s.getIndexReader().maxDoc();
    var stored = s.storedFields();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < threads * perThread; i++) {
      ids.add(
          TrackDocuments.fromSource(
                  stored.document(random.nextInt(maxDoc)).getBinaryValue(Schema.SOURCE))
              .id());
    }
    List<Thread> running = new ArrayList<>();
    java.util.concurrent.atomic.AtomicReference<Exception> failed =
        new java.util.concurrent.atomic.AtomicReference<>();
    long t = System.nanoTime();
    for (int c = 0; c < threads; c++) {
      int from = c * perThread;
      running.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      for (int i = from; i < from + perThread; i++) {
                        engine.recommend(s, g, RecommendRequest.similar(ids.get(i), 10), false);
                      }
                    } catch (Exception e) {
                      failed.compareAndSet(null, e);
                    }
                  }));
    }
    try {
      for (Thread r : running) {
        r.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted");
    }
    if (failed.get() != null) {
      throw failed.get() instanceof IOException io ? io : new IOException(failed.get());
    }
    return ids.size() / ((System.nanoTime() - t) / 1e9);
  }
}
