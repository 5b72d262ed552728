package io.cratedigger.bench;

import io.cratedigger.model.FeatureModel;
import io.cratedigger.search.Recommendations;
import io.cratedigger.track.Track;
import io.cratedigger.track.Versions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The seeds' methods, re-implemented on the same catalog so their quality and cost can be set
 * beside ours: (a) Music Adviser — the catalog in 2-D PCA, KMeans with k = 7, the Euclidean nearest
 * inside the seed's cluster; (b) Diggerz — a brute-force weighted score, 45 % style TF-IDF cosine,
 * 20 % audio cosine, 15 % same cluster, 10 % BPM, 10 % key, scores under 0.4 and versions of the
 * seed dropped; (c) random tracks.
 */
final class Baselines {
  private final List<Track> tracks;
  private final float[][] vectors; // the model's standardised PCA vectors (null: no features)
  private final int[] cluster2d;
  private final int[] cluster;
  private final List<Map<String, Double>> tfidf = new ArrayList<>();
  private final double[] tfidfNorm;

  Baselines(List<Track> tracks, FeatureModel model, long seed) {
    this.tracks = tracks;
    int n = tracks.size();
    vectors = new float[n][];
    cluster = new int[n];
    List<double[]> points = new ArrayList<>();
    List<Integer> owners = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      vectors[i] = model == null ? null : model.vector(tracks.get(i));
      cluster[i] = vectors[i] == null ? -1 : model.cluster(vectors[i]);
      if (vectors[i] != null) {
        points.add(new double[] {vectors[i][0], vectors[i].length > 1 ? vectors[i][1] : 0});
        owners.add(i);
      }
    }
    cluster2d = new int[n];
    java.util.Arrays.fill(cluster2d, -1);
    if (points.size() >= 7) {
      smile.math.MathEx.setSeed(seed);
      var km = smile.clustering.KMeans.fit(points.toArray(double[][]::new), 7, 100);
      for (int i = 0; i < owners.size(); i++) {
        cluster2d[owners.get(i)] = km.group(i);
      }
    }
    Map<String, Integer> df = new HashMap<>();
    for (Track t : tracks) {
      new HashSet<>(terms(t)).forEach(term -> df.merge(term, 1, Integer::sum));
    }
    tfidfNorm = new double[n];
    for (int i = 0; i < n; i++) {
      Map<String, Double> v = new HashMap<>();
      for (String term : terms(tracks.get(i))) {
        v.merge(term, Math.log((double) n / df.get(term)), Double::sum);
      }
      tfidf.add(v);
      tfidfNorm[i] = Math.sqrt(v.values().stream().mapToDouble(x -> x * x).sum());
    }
  }

  private static List<String> terms(Track t) {
    List<String> out = new ArrayList<>();
    t.styles().forEach(s -> out.add("s:" + Versions.fold(s)));
    t.genres().forEach(g -> out.add("g:" + Versions.fold(g)));
    return out;
  }

  Recommendations musicAdviser(int seed, int limit) {
    if (vectors[seed] == null) {
      return answer(seed, List.of());
    }
    List<Integer> same = new ArrayList<>();
    for (int i = 0; i < tracks.size(); i++) {
      if (i != seed && cluster2d[i] == cluster2d[seed]) {
        same.add(i);
      }
    }
    same.sort(Comparator.comparingDouble(i -> dist2(vectors[i], vectors[seed], 2)));
    return answer(seed, same.subList(0, Math.min(limit, same.size())));
  }

  Recommendations diggerz(int seed, int limit) {
    Track s = tracks.get(seed);
    String song = Versions.songKey(s);
    List<double[]> scored = new ArrayList<>();
    for (int i = 0; i < tracks.size(); i++) {
      Track t = tracks.get(i);
      if (i == seed || Versions.songKey(t).equals(song)) {
        continue;
      }
      double style = cosine(seed, i);
      double audio =
          vectors[seed] == null || vectors[i] == null
              ? 0
              : Math.max(0, cos(vectors[seed], vectors[i]));
      double sameCluster = cluster[seed] >= 0 && cluster[seed] == cluster[i] ? 1 : 0;
      double bpm =
          s.tempo() == null || t.tempo() == null
              ? 0
              : Math.max(0, 1 - Math.abs(s.tempo() - t.tempo()) / s.tempo());
      double key =
          s.key() == null || t.key() == null
              ? 0
              : s.key().equals(t.key()) ? 1 : s.key().moveTo(t.key()).compatible() ? 0.5 : 0;
      double score = 0.45 * style + 0.20 * audio + 0.15 * sameCluster + 0.10 * bpm + 0.10 * key;
      if (score >= 0.4) {
        scored.add(new double[] {score, i});
      }
    }
    scored.sort((a, b) -> Double.compare(b[0], a[0]));
    List<Integer> out = new ArrayList<>();
    Set<String> songs = new HashSet<>();
    for (double[] x : scored) {
      int i = (int) x[1];
      if (songs.add(Versions.songKey(tracks.get(i)))) {
        out.add(i);
      }
      if (out.size() == limit) {
        break;
      }
    }
    return answer(seed, out);
  }

  Recommendations random(int seed, int limit, SplittableRandom random) {
    List<Integer> out = new ArrayList<>();
    while (out.size() < Math.min(limit, tracks.size() - 1)) {
      int i = random.nextInt(tracks.size());
      if (i != seed && !out.contains(i)) {
        out.add(i);
      }
    }
    return answer(seed, out);
  }

  private double cosine(int a, int b) {
    if (tfidfNorm[a] == 0 || tfidfNorm[b] == 0) {
      return 0;
    }
    double dot = 0;
    for (var e : tfidf.get(a).entrySet()) {
      Double w = tfidf.get(b).get(e.getKey());
      if (w != null) {
        dot += e.getValue() * w;
      }
    }
    return dot / (tfidfNorm[a] * tfidfNorm[b]);
  }

  private static double cos(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }

  private static double dist2(float[] a, float[] b, int dims) {
    double d = 0;
    for (int i = 0; i < Math.min(dims, a.length); i++) {
      d += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return d;
  }

  private Recommendations answer(int seed, List<Integer> results) {
    List<Recommendations.Recommendation> out = new ArrayList<>();
    for (int i : results) {
      out.add(
          new Recommendations.Recommendation(
              tracks.get(i), 0, Map.of(), List.of(), true, null, null));
    }
    return new Recommendations(List.of(), tracks.get(seed), out, null); // no engine, no stats
  }

  /** The mean distance in standardised feature space between each seed and its results. */
  double featureDistance(List<Recommendations> answers, Map<String, Integer> index) {
    double sum = 0;
    int n = 0;
    for (Recommendations a : answers) {
      Integer s = a.seed() == null ? null : index.get(a.seed().id());
      if (s == null || vectors[s] == null) {
        continue;
      }
      for (var r : a.results()) {
        Integer i = index.get(r.track().id());
        if (i != null && vectors[i] != null) {
          sum += Math.sqrt(dist2(vectors[s], vectors[i], vectors[s].length));
          n++;
        }
      }
    }
    return n == 0 ? Double.NaN : Math.round(sum / n * 1000) / 1000.0;
  }
}
