package io.cratedigger.bench;

import io.cratedigger.rank.MixOptions;
import io.cratedigger.rank.MixPolicy;
import io.cratedigger.rank.MixPolicy.Deck;
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
   * The rules the metrics judge by, pinned rather than {@link MixOptions#defaults()} so that a
   * change of the engine's defaults does not move the yardstick: ±{@value #BPM_TOLERANCE} with half
   * and double time, keys as released (key lock on), the diagonal move not compatible, energy
   * ignored. The per-artist and per-release caps and the minimum score play no part here.
   */
  private static final MixPolicy RULES =
      MixPolicy.of(
          new MixOptions(BPM_TOLERANCE, true, true, false, false, MixOptions.Energy.ANY, 2, 1, 0));

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
          key += RULES.keyMixes(RULES.move(Deck.of(seed), Deck.of(t))) ? 1 : 0;
        }
        if (seed.tempo() != null && t.tempo() != null) {
          bpmN++;
          bpm += RULES.tempoMixes(RULES.tempo(seed.tempo(), t.tempo())) ? 1 : 0;
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
    // the seed's key and tempo are known (countsForMix) and the track's must be: nothing passes
    // for being unknown
    return t.key() != null && t.tempo() != null && RULES.between(Deck.of(seed), Deck.of(t)).mixes();
  }

  private static boolean sharesScene(List<String> seedTags, Track t) {
    return SceneTags.all(t).stream().anyMatch(seedTags::contains);
  }

  private static double ratio(double a, double b) {
    return b == 0 ? 0 : Math.round(a / b * 10_000) / 10_000.0;
  }
}
