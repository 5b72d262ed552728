package io.cratedigger.search;

import io.cratedigger.track.KeyMove;
import io.cratedigger.track.Track;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer: the seeds with their pool sizes, the first seed track, the results in order, and the
 * statistics of the run (pool sizes, candidates left after each ranking step).
 */
public record Recommendations(
    List<SeedInfo> seeds, Track seed, List<Recommendation> results, Map<String, Object> stats) {

  public Recommendations {
    seeds = List.copyOf(seeds);
    results = List.copyOf(results);
    stats = Collections.unmodifiableMap(new LinkedHashMap<>(stats));
  }

  /**
   * One seed as Spotify describes it.
   *
   * @param type {@code track}, {@code artist} or {@code genre}
   * @param initialPoolSize tracks in the catalog matching the seed
   * @param afterFilteringSize of those, the ones that pass the filters
   */
  public record SeedInfo(String id, String type, long initialPoolSize, long afterFilteringSize) {}

  /**
   * One result.
   *
   * @param score 0..1
   * @param components each component's score in 0..1 (sound, scene, tempo, key, ...)
   * @param reasons plain words, e.g. {@code 8A → 9A, adjacent key}
   * @param mixable false when the track breaks the tempo or key rule and only fills the list
   * @param keyMove the move from the seed's key to this track's (null when either is unknown)
   * @param bpmChangePct the tempo change from the seed in %, at half or double time when that is
   *     closer and allowed (null when either tempo is unknown)
   */
  public record Recommendation(
      Track track,
      double score,
      Map<String, Double> components,
      List<String> reasons,
      boolean mixable,
      KeyMove keyMove,
      Double bpmChangePct) {
    public Recommendation {
      components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
      reasons = List.copyOf(reasons);
    }
  }
}
