package io.cratedigger.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cratedigger.rank.Component;
import io.cratedigger.track.KeyMove;
import io.cratedigger.track.Track;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer: the seeds with their pool sizes, the first seed track, the results in order, and the
 * statistics of the run (pool sizes, candidates left after each ranking step; null for an answer
 * not made by the engine, such as a benchmark's baseline).
 */
public record Recommendations(
    List<SeedInfo> seeds, Track seed, List<Recommendation> results, Stats stats) {

  public Recommendations {
    seeds = List.copyOf(seeds);
    results = List.copyOf(results);
  }

  /**
   * What one answer took: the pools the retrievals filled, the candidates read from them, how many
   * each ranking step kept, what was returned, and where the time went.
   *
   * @param lexicalPool tracks found by the scene (BM25) retrieval
   * @param knnPool tracks found by the sound (vector) retrieval
   * @param mixablePool tracks found by the retrievals restricted to what mixes
   * @param candidates distinct tracks read and scored (the seeds and their versions left out)
   * @param afterRules ranking step (its tag) → candidates left after it, in the cascade's order
   * @param returned results in the answer
   * @param mixableReturned of those, the ones that pass the tempo and key rules
   * @param fallback why the popular mixable tracks were used instead (nothing to match on), or null
   * @param ms the timings
   */
  public record Stats(
      int lexicalPool,
      int knnPool,
      int mixablePool,
      int candidates,
      Map<String, Integer> afterRules,
      int returned,
      int mixableReturned,
      @JsonInclude(JsonInclude.Include.NON_NULL) String fallback,
      Timings ms) {
    public Stats {
      afterRules = Collections.unmodifiableMap(new LinkedHashMap<>(afterRules));
    }
  }

  /**
   * Where an answer's time went, in milliseconds: the three phases, and inside {@code retrieve}
   * each retrieval (they run side by side, so they add up to more than {@code retrieve}).
   */
  public record Timings(
      double retrieve, double score, double rank, Map<Retrieval, Double> retrievals) {
    public Timings {
      retrievals =
          Collections.unmodifiableMap(
              retrievals.isEmpty() ? new EnumMap<>(Retrieval.class) : new EnumMap<>(retrievals));
    }

    /** The phases by name ({@code retrieve}, {@code score}, {@code rank}), in that order. */
    public Map<String, Double> phases() {
      Map<String, Double> m = new LinkedHashMap<>();
      m.put("retrieve", retrieve);
      m.put("score", score);
      m.put("rank", rank);
      return m;
    }
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
   * @param keyMove the move from the seed's key to this track's as the key rule judged it: as heard
   *     once beat-matched when key lock is off (null when either key is unknown). The seed's key
   *     and tempo are the ones the ranking compares against: the seed track's, else the request's
   *     {@code target_key}/{@code target_tempo}
   * @param bpmChangePct the tempo change from the seed in %, at half or double time when that is
   *     closer and allowed (null when either tempo is unknown)
   */
  public record Recommendation(
      Track track,
      double score,
      Map<Component, Double> components,
      List<String> reasons,
      boolean mixable,
      KeyMove keyMove,
      Double bpmChangePct) {
    public Recommendation {
      components =
          Collections.unmodifiableMap(
              components.isEmpty() ? new EnumMap<>(Component.class) : new EnumMap<>(components));
      reasons = List.copyOf(reasons);
    }
  }
}
