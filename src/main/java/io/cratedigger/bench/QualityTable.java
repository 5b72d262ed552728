package io.cratedigger.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The quality metrics of {@link QualityBench} as a table, one row per method. */
final class QualityTable {
  private QualityTable() {}

  static final String LEGEND =
      """
      Top 10 per seed track. Mix@10: the share of the top 10 that share the seed's scene (a style, \
      or a genre where the seed has no style, in one vocabulary across sources) AND are in a \
      compatible key AND within ±6 % BPM (half and double time count), over the seeds that have a \
      scene, a key and a tempo; the oracle row is the best any ranking could reach: per seed, \
      min(10, tracks of other releases that qualify) / 10. Style agreement: results sharing a style with the seed (a genre when \
      the catalog has no styles). Harmonic and BPM: results in a compatible key, within ±6 % \
      (half and double time count), where both are known. Feature distance: mean distance to the \
      seed in standardised audio-feature space (random pairs give the scale). Distinct artists \
      among the 10; same release: share of results from the seed's own release. The baselines are \
      the seeds' methods run by brute force on the same catalog (a sample of at most 200,000 \
      tracks): Music Adviser (KMeans on 2-D PCA, Euclidean inside the seed's cluster), Diggerz \
      (45 % style TF-IDF cosine, 20 % audio cosine, 15 % same cluster, 10 % BPM, 10 % key), random.\
      """;

  private static final List<String> METRICS =
      List.of(
          "mixAt10",
          "styleAgreement",
          "harmonicCompatibility",
          "bpmCompatibility",
          "featureDistance",
          "distinctArtists",
          "sameRelease",
          "msPerQuery");

  static void add(Report report, Map<String, Map<String, Double>> byMethod) {
    List<List<Object>> rows = new ArrayList<>();
    byMethod.forEach(
        (method, m) -> {
          List<Object> row = new ArrayList<>(List.of(method));
          METRICS.forEach(k -> row.add(m.getOrDefault(k, Double.NaN)));
          rows.add(row);
        });
    report.table(
        List.of(
            "method",
            "mix@10",
            "style agreement",
            "harmonic",
            "BPM",
            "feature distance",
            "distinct artists",
            "same release",
            "ms/query"),
        rows);
  }
}
