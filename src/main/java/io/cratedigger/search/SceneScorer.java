package io.cratedigger.search;

import io.cratedigger.index.Schema;
import io.cratedigger.model.SceneModel;
import io.cratedigger.rank.Candidate;
import io.cratedigger.rank.Component;
import io.cratedigger.rank.Weights;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scene a candidate shares with the seeds: the IDF-weighted share of the seeds' style and genre
 * tags, label and artists that it has, {@code Σ_shared w·idf / Σ_seed w·idf}, in 0..1. A shared
 * rare style ("Dub Techno", in 0.1 % of tracks) counts far more than a shared "Electronic". IDF as
 * in BM25: {@code ln(1 + (N − df + 0.5) / (df + 0.5))}.
 *
 * <p>A seed tag the candidate lacks still earns part of its weight when the candidate has a tag the
 * catalog puts near it ({@link SceneModel}): {@code near × similarity}, the best such tag counting.
 * "Deep House" for a "House" seed is not the same scene, but is not "Swing" either.
 *
 * <p>A candidate with one of the seeds' defining tags ({@link SeedProfile#sceneTags()}) shares the
 * scene: with {@code sceneFirst}, those come first among the tracks that mix.
 */
final class SceneScorer {
  /** Near tags named in one reason at most. */
  private static final int MAX_NEAR_NAMED = 2;

  private final Map<String, Map<String, Double>> weights = new HashMap<>();
  private final Map<String, List<SceneModel.Near>> near = new HashMap<>();
  private final Set<String> sceneTags;
  private final SceneModel model;
  private final double nearWeight;
  private final double sharedPart;
  private final double total;

  /**
   * @param n tracks in the catalog
   * @param dfs field → value → document frequency of the seeds' facet values
   */
  SceneScorer(
      int n,
      Map<String, Map<String, Integer>> dfs,
      SeedProfile seed,
      SceneModel model,
      Weights.Facets facetWeights) {
    this.model = model;
    this.nearWeight = facetWeights.near();
    this.sharedPart = seed.sceneTags().isEmpty() ? 0 : facetWeights.shared();
    this.sceneTags = seed.sceneTags();
    double sum = 0;
    for (var field : seed.facets().entrySet()) {
      Map<String, Double> m = new HashMap<>();
      for (var v : field.getValue().entrySet()) {
        int df = dfs.getOrDefault(field.getKey(), Map.of()).getOrDefault(v.getKey(), 0);
        double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        double w = v.getValue() * idf;
        m.put(v.getKey(), w);
        sum += w;
      }
      weights.put(field.getKey(), m);
    }
    Map<String, Double> tags = weights.getOrDefault(Schema.SCENE, Map.of());
    if (nearWeight > 0) {
      for (String tag : tags.keySet()) {
        List<SceneModel.Near> l = new ArrayList<>();
        for (SceneModel.Near x : model.nearTo(tag)) {
          if (!tags.containsKey(x.tag())) {
            l.add(x);
          }
        }
        if (!l.isEmpty()) {
          near.put(tag, l);
        }
      }
    }
    total = sum;
  }

  /** Field → the values a candidate is read for: the seeds' own and the tags near theirs. */
  Map<String, Set<String>> wanted() {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    weights.forEach((f, m) -> out.put(f, new LinkedHashSet<>(m.keySet())));
    near.values()
        .forEach(
            l ->
                l.forEach(
                    x ->
                        out.computeIfAbsent(Schema.SCENE, f -> new LinkedHashSet<>())
                            .add(x.tag())));
    return out;
  }

  /**
   * Scores {@code c} from the wanted values it has ({@code facets}, field → values) and marks
   * whether it shares the scene.
   */
  void score(Candidate c, Map<String, List<String>> facets) {
    List<String> has = facets.getOrDefault(Schema.SCENE, List.of());
    for (String t : has) {
      if (sceneTags.contains(t)) {
        c.inScene(true);
        break;
      }
    }
    if (total <= 0) {
      return;
    }
    double shared = 0;
    List<String> tags = new ArrayList<>();
    Map<String, String> nearBy = new LinkedHashMap<>(); // candidate's tag → the seed tag it is near
    for (var e : weights.getOrDefault(Schema.SCENE, Map.of()).entrySet()) {
      if (has.contains(e.getKey())) {
        shared += e.getValue();
        tags.add(e.getKey());
        continue;
      }
      double best = 0;
      String bestTag = null;
      for (SceneModel.Near x : near.getOrDefault(e.getKey(), List.of())) {
        if (x.similarity() > best && has.contains(x.tag())) {
          best = x.similarity();
          bestTag = x.tag();
        }
      }
      if (bestTag != null) {
        shared += nearWeight * best * e.getValue();
        nearBy.putIfAbsent(bestTag, e.getKey());
      }
    }
    String label = null;
    for (String v : facets.getOrDefault(Schema.LABEL_EXACT, List.of())) {
      Double w = weights.getOrDefault(Schema.LABEL_EXACT, Map.of()).get(v);
      if (w != null) {
        shared += w;
        label = v;
      }
    }
    List<String> artists = new ArrayList<>();
    for (String v : facets.getOrDefault(Schema.ARTIST_EXACT, List.of())) {
      Double w = weights.getOrDefault(Schema.ARTIST_EXACT, Map.of()).get(v);
      if (w != null) {
        shared += w;
        artists.add(v);
      }
    }
    c.component(
        Component.SCENE, sharedPart * (c.inScene() ? 1 : 0) + (1 - sharedPart) * (shared / total));
    // the scene in words: the defining styles shared (a shared broad genre goes without saying
    // then), else what is shared
    List<String> defining = tags.stream().filter(sceneTags::contains).toList();
    if (!defining.isEmpty()) {
      c.reason(() -> "shares " + String.join(", ", names(mostSpecific(defining))));
    } else if (!tags.isEmpty()) {
      c.reason(() -> "shares the genre " + String.join(", ", names(mostSpecific(tags))));
    }
    if (!nearBy.isEmpty()) {
      c.reason(
          () -> {
            List<String> parts = new ArrayList<>();
            nearBy.entrySet().stream()
                .limit(MAX_NEAR_NAMED)
                .forEach(
                    e -> parts.add(model.name(e.getKey()) + ", near " + model.name(e.getValue())));
            return String.join("; ", parts);
          });
    }
    String lab = label;
    if (lab != null) {
      c.reason(() -> "same label (" + lab + ")");
    }
    if (!artists.isEmpty()) {
      c.reason(() -> "also by " + String.join(", ", artists.stream().sorted().toList()));
    }
  }

  private List<String> names(List<String> tags) {
    return tags.stream().map(model::name).sorted().toList();
  }

  /**
   * The shared tags without the ones another shared tag spells out: with "techno peak time driving"
   * shared, its parent "techno" goes without saying.
   */
  static List<String> mostSpecific(List<String> tags) {
    List<String> out = new ArrayList<>();
    for (String t : tags) {
      boolean inOther = false;
      for (String u : tags) {
        if (!u.equals(t) && (" " + u + " ").contains(" " + t + " ")) {
          inOther = true;
          break;
        }
      }
      if (!inOther) {
        out.add(t);
      }
    }
    return out;
  }
}
