package io.cratedigger.model;

import io.cratedigger.track.AudioFeature;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names clusters in plain words from their centroids: each feature's centroid value is compared
 * with the whole sample as a z-score, and the features that stand out most become words, e.g.
 * {@code high energy, dark, instrumental}.
 *
 * <p>Two or three words, most distinctive first: the first two always, a third when it stands out
 * by at least {@value #THIRD_WORD_Z} sd. Of energy and loudness only the more distinctive speaks,
 * since the two move together ("high energy, loud" says one thing twice). Names that would repeat
 * get one more word each, and if that doesn't separate them, {@code (2)}, {@code (3)}, ...
 */
final class ClusterNamer {

  static final double THIRD_WORD_Z = 0.5;
  private static final int WORDS = 3;

  private ClusterNamer() {}

  /** The word for a feature standing out upwards, or {@code null} when there's none. */
  static String high(AudioFeature f) {
    return switch (f) {
      case DANCEABILITY -> "danceable";
      case ENERGY -> "high energy";
      case VALENCE -> "bright";
      case ACOUSTICNESS -> "acoustic";
      case INSTRUMENTALNESS -> "instrumental";
      case LIVENESS -> "live";
      case SPEECHINESS -> "spoken";
      case LOUDNESS -> "loud";
    };
  }

  /** The word for a feature standing out downwards, or {@code null} when there's none. */
  static String low(AudioFeature f) {
    return switch (f) {
      case DANCEABILITY -> "undanceable";
      case ENERGY -> "calm";
      case VALENCE -> "dark";
      case ACOUSTICNESS -> "electronic";
      case INSTRUMENTALNESS -> "vocal";
      // Low liveness is a studio recording and low speechiness no talking: the norm, not news.
      case LIVENESS, SPEECHINESS -> null;
      case LOUDNESS -> "quiet";
    };
  }

  /**
   * One unique name per centroid.
   *
   * @param features the features, in the order of each centroid's values
   * @param centroids each cluster's centroid as z-scores of the whole sample
   */
  static List<String> names(List<AudioFeature> features, List<double[]> centroids) {
    List<List<Word>> words = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (double[] z : centroids) {
      List<Word> w = words(features, z);
      words.add(w);
      int strong = (int) w.stream().filter(x -> x.strength() >= THIRD_WORD_Z).count();
      names.add(join(w, Math.min(WORDS, Math.max(2, strong))));
    }
    // Clashing names take one more word each, then a number.
    Map<String, Integer> counts = count(names);
    for (int i = 0; i < names.size(); i++) {
      if (counts.get(names.get(i)) > 1) {
        names.set(i, join(words.get(i), names.get(i).split(", ").length + 1));
      }
    }
    counts = count(names);
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      int nth = counts.get(name) > 1 ? seen.merge(name, 1, Integer::sum) : 1;
      if (nth > 1) {
        names.set(i, name + " (" + nth + ")");
      }
    }
    return names;
  }

  /** A word and how far (in sd) its feature stands out. */
  private record Word(String text, double strength) {}

  /** Every word a centroid could use, most distinctive first. */
  private static List<Word> words(List<AudioFeature> features, double[] z) {
    List<Integer> order = new ArrayList<>();
    for (int j = 0; j < features.size(); j++) {
      order.add(j);
    }
    order.sort(Comparator.comparingDouble((Integer j) -> -Math.abs(z[j])).thenComparing(j -> j));
    List<Word> out = new ArrayList<>();
    boolean intensitySaid = false;
    for (int j : order) {
      AudioFeature f = features.get(j);
      String word = z[j] >= 0 ? high(f) : low(f);
      boolean intensity = f == AudioFeature.ENERGY || f == AudioFeature.LOUDNESS;
      if (word != null && !(intensity && intensitySaid)) {
        intensitySaid |= intensity;
        out.add(new Word(word, Math.abs(z[j])));
      }
    }
    return out;
  }

  private static String join(List<Word> words, int n) {
    return String.join(
        ", ", words.subList(0, Math.min(n, words.size())).stream().map(Word::text).toList());
  }

  private static Map<String, Integer> count(List<String> names) {
    Map<String, Integer> counts = new HashMap<>();
    for (String n : names) {
      counts.merge(n, 1, Integer::sum);
    }
    return counts;
  }
}
