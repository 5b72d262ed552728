package io.cratedigger.search;

import io.cratedigger.index.Schema;
import io.cratedigger.rank.Candidate;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

/**
 * The scene a candidate shares with the seeds: the IDF-weighted share of the seeds' styles, genres,
 * label and artists that it has, {@code Σ_shared w·idf / Σ_seed w·idf}, in 0..1. A shared rare
 * style ("Dub Techno", in 0.1 % of tracks) counts far more than a shared "Electronic". IDF as in
 * BM25: {@code ln(1 + (N − df + 0.5) / (df + 0.5))}.
 */
final class SceneScorer {
  private final Map<String, Map<String, Double>> weights = new HashMap<>();
  private final double total;

  SceneScorer(IndexReader reader, Map<String, Map<String, Double>> seedFacets) throws IOException {
    int n = reader.maxDoc();
    double sum = 0;
    for (var field : seedFacets.entrySet()) {
      double fw = SeedProfile.FIELD_WEIGHTS.getOrDefault(field.getKey(), 0.5);
      Map<String, Double> m = new HashMap<>();
      for (var v : field.getValue().entrySet()) {
        int df = reader.docFreq(new Term(field.getKey(), v.getKey()));
        double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        double w = fw * Math.min(1, v.getValue()) * idf;
        m.put(v.getKey(), w);
        sum += w;
      }
      weights.put(field.getKey(), m);
    }
    total = sum;
  }

  void score(Candidate c, Map<String, List<String>> facets) {
    if (total <= 0) {
      return;
    }
    double shared = 0;
    List<String> styles = new ArrayList<>();
    List<String> genres = new ArrayList<>();
    String label = null;
    List<String> artists = new ArrayList<>();
    for (var field : weights.entrySet()) {
      for (String v : facets.getOrDefault(field.getKey(), List.of())) {
        Double w = field.getValue().get(v);
        if (w == null) {
          continue;
        }
        shared += w;
        switch (field.getKey()) {
          case Schema.STYLE_EXACT -> styles.add(v);
          case Schema.GENRE_EXACT -> genres.add(v);
          case Schema.LABEL_EXACT -> label = v;
          default -> artists.add(v);
        }
      }
    }
    c.component("scene", shared / total);
    String lab = label;
    if (!styles.isEmpty()) {
      c.reason(() -> "shares " + String.join(", ", styles.stream().sorted().toList()));
    } else if (!genres.isEmpty()) {
      c.reason(() -> "shares the genre " + String.join(", ", genres.stream().sorted().toList()));
    }
    if (lab != null) {
      c.reason(() -> "same label (" + lab + ")");
    }
    if (!artists.isEmpty()) {
      c.reason(() -> "also by " + String.join(", ", artists.stream().sorted().toList()));
    }
  }
}
