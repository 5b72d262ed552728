package io.cratedigger.bench;

import io.cratedigger.rank.TempoReranker;
import io.cratedigger.search.Recommendations;
import io.cratedigger.track.SceneTags;
import io.cratedigger.track.Track;
import io.cratedigger.track.Versions;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranking quality of a list of answers, averaged over seeds: what a DJ checks first in a list of
 * suggestions. Each metric is a share in 0..1 except {@code distinctArtists}, a mean count.
 */
public final class Quality {
  private Quality() {}

  /** Tempo tolerance the BPM metric uses (the default pitch range). */
  public static final double BPM_TOLERANCE = 0.06;

  /**
   * The metrics over {@code answers} (one per seed; answers with no result are skipped).
   *
   * <ul>
   *   <li>{@code styleAgreement}: results sharing a style with the seed (a genre when the seed has
   *       no style), compared in the vocabulary of {@link SceneTags}
   *   <li>{@code harmonicCompatibility}: results in a compatible key as released (both keys known)
   *   <li>{@code bpmCompatibility}: results within ±6 %, half and double time counted (both known)
   *   <li>{@code distinctArtists}: distinct primary artists per list
   *   <li>{@code sameRelease}: results from the seed's own release
   *   <li>{@code mixAt10}: per seed that has a scene, a key and a tempo, the share of the top 10
   *       that {@linkplain #qualifies qualify} (a list shorter than 10 loses the missing places)
   * </ul>
   */
  public static Map<String, Double> of(List<Recommendations> answers) {
    double style = 0;
    double styleN = 0;
    double key = 0;
    double keyN = 0;
    double bpm = 0;
    double bpmN = 0;
    double artists = 0;
    double same = 0;
    double sameN = 0;
    int lists = 0;
    double mix = 0;
    int mixSeeds = 0;
    for (Recommendations a : answers) {
      Track seed = a.seed();
      if (seed != null && countsForMix(seed)) {
        mixSeeds++;
        Set<String> tags = Set.copyOf(SceneTags.defining(seed));
        int n = 0;
        for (var r : a.results().subList(0, Math.min(MIX_AT, a.results().size()))) {
          n += qualifies(seed, tags, r.track()) ? 1 : 0;
        }
        mix += (double) n / MIX_AT;
      }
      if (seed == null || a.results().isEmpty()) {
        continue;
      }
      lists++;
      Set<String> distinct = new HashSet<>();
      List<String> seedTags = SceneTags.defining(seed);
      for (var r : a.results()) {
        Track t = r.track();
        if (!seedTags.isEmpty()) {
          styleN++;
          style += sharesScene(seedTags, t) ? 1 : 0;
        }
        if (seed.key() != null && t.key() != null) {
          keyN++;
          key += seed.key().moveTo(t.key()).compatible() ? 1 : 0;
        }
        if (seed.tempo() != null && t.tempo() != null) {
          bpmN++;
          bpm += TempoReranker.gap(seed.tempo(), t.tempo(), true).abs() <= BPM_TOLERANCE ? 1 : 0;
        }
        distinct.add(t.artists().isEmpty() ? "" : t.artists().getFirst());
        sameN++;
        String rel = Versions.releaseKey(seed);
        same += !rel.isEmpty() && rel.equals(Versions.releaseKey(t)) ? 1 : 0;
      }
      artists += distinct.size();
    }
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("styleAgreement", ratio(style, styleN));
    m.put("harmonicCompatibility", ratio(key, keyN));
    m.put("bpmCompatibility", ratio(bpm, bpmN));
    m.put("distinctArtists", ratio(artists, lists));
    m.put("sameRelease", ratio(same, sameN));
    m.put("mixAt10", ratio(mix, mixSeeds));
    return m;
  }

  /** The length of the list {@code mixAt10} judges. */
  public static final int MIX_AT = 10;

  /** Whether a seed is judged by {@code mixAt10}: it has a scene, a key and a tempo. */
  public static boolean countsForMix(Track seed) {
    return seed.key() != null && seed.tempo() != null && !SceneTags.defining(seed).isEmpty();
  }

  /**
   * Whether a result shares the scene and mixes with the seed: one of the seed's defining tags (its
   * styles', or its genres' when it has no style; in the vocabulary of {@link SceneTags}, so
   * sources meet) among the result's styles and genres, a compatible key as released, and a tempo
   * within ±6 % (half and double time count). Unknown key or tempo does not qualify.
   */
  public static boolean qualifies(Track seed, Set<String> seedTags, Track t) {
    return qualifiesInKeyAndTempo(seed, t)
        && SceneTags.all(t).stream().anyMatch(seedTags::contains);
  }

  /** The key and tempo half of {@link #qualifies}. */
  static boolean qualifiesInKeyAndTempo(Track seed, Track t) {
    return t.key() != null
        && t.tempo() != null
        && seed.key().moveTo(t.key()).compatible()
        && TempoReranker.gap(seed.tempo(), t.tempo(), true).abs() <= BPM_TOLERANCE;
  }

  private static boolean sharesScene(List<String> seedTags, Track t) {
    return SceneTags.all(t).stream().anyMatch(seedTags::contains);
  }

  private static double ratio(double a, double b) {
    return b == 0 ? 0 : Math.round(a / b * 10_000) / 10_000.0;
  }
}
