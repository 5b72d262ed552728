package io.cratedigger.bench;

import io.cratedigger.index.Generation;
import io.cratedigger.index.Schema;
import io.cratedigger.index.TrackDocuments;
import io.cratedigger.search.RecommendRequest;
import io.cratedigger.search.Recommendations;
import io.cratedigger.search.Recommender;
import io.cratedigger.track.Track;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.apache.lucene.search.IndexSearcher;

/**
 * Ranking quality of the engine beside the seeds' methods on one catalog: the {@link Quality}
 * metrics of the top 10 for a seeded sample of seed tracks, the mean feature distance to the
 * results (and between random pairs, for scale), each method's time per query, and the {@link
 * MixOracle}: the best mix@10 any ranking could reach.
 */
public final class QualityBench {
  /** Most tracks the baselines hold in memory (they scan them all for every query). */
  public static final int MAX_TRACKS = 200_000;

  private QualityBench() {}

  /** Method → metrics (with {@code featureDistance} and {@code msPerQuery}). */
  public static Map<String, Map<String, Double>> run(
      IndexSearcher s, Generation g, Recommender engine, int seeds, long seed) throws IOException {
    int maxDoc = s.getIndexReader().maxDoc();
    List<Track> tracks = new ArrayList<>();
    var stored = s.storedFields();
    int step = Math.max(1, maxDoc / MAX_TRACKS);
    for (int d = 0; d < maxDoc && tracks.size() < MAX_TRACKS; d += step) {
      tracks.add(TrackDocuments.fromSource(stored.document(d).getBinaryValue(Schema.SOURCE)));
    }
    // seeds drawn from the tracks in id order: the same seeds whatever the index's document order
    // (which depends on the indexing threads), so two indexes of one catalog compare
    tracks.sort(java.util.Comparator.comparing(Track::id));
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < tracks.size(); i++) {
      index.put(tracks.get(i).id(), i);
    }
    Baselines base = new Baselines(tracks, g.model(), seed);
    SplittableRandom random = new SplittableRandom(seed);
    int[] picks = new int[Math.min(seeds, tracks.size())];
    for (int i = 0; i < picks.length; i++) {
      picks[i] = random.nextInt(tracks.size());
    }
    Map<String, IntFunction<Recommendations>> methods = new LinkedHashMap<>();
    methods.put(
        "cratedigger",
        i -> {
          try {
            return engine.recommend(s, g, RecommendRequest.similar(tracks.get(i).id(), 10), false);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
    methods.put("musicAdviser", i -> base.musicAdviser(i, 10));
    methods.put("diggerz", i -> base.diggerz(i, 10));
    SplittableRandom r2 = new SplittableRandom(seed + 1);
    methods.put("random", i -> base.random(i, 10, r2));
    Map<String, Map<String, Double>> out = new LinkedHashMap<>();
    for (var m : methods.entrySet()) {
      List<Recommendations> answers = new ArrayList<>();
      long t = System.nanoTime();
      for (int p : picks) {
        answers.add(m.getValue().apply(p));
      }
      double ms = (System.nanoTime() - t) / 1e6 / picks.length;
      Map<String, Double> q = new LinkedHashMap<>(Quality.of(answers));
      q.put("featureDistance", base.featureDistance(answers, index));
      q.put("msPerQuery", Math.round(ms * 100) / 100.0);
      out.put(m.getKey(), q);
    }
    Map<String, Double> oracle = new LinkedHashMap<>();
    oracle.put("mixAt10", new MixOracle(tracks).mixAt10(picks));
    out.put("oracle", oracle);
    return out;
  }
}
