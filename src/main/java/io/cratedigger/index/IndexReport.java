package io.cratedigger.index;

import io.cratedigger.ingest.ImportReport;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a rebuild did: the import counts of {@code inspect} summed over the inputs (and per file),
 * then the model, the index and the time per phase; {@code featureJoin} counts exact, fuzzy and
 * unmatched tracks when the inputs were joined with an audio-feature export. Its JSON form is
 * {@code index --json}.
 */
public record IndexReport(
    String generation,
    String indexDir,
    List<String> files,
    String format,
    long rowsRead,
    long tracksKept,
    Map<String, Long> skipped,
    Map<String, Long> dropped,
    long merged,
    long withAudioFeatures,
    long withBpm,
    long withKey,
    List<String> samples,
    long tracksIndexed,
    int pcaComponents,
    double pcaVarianceKept,
    String clusterCriterion,
    List<ClusterSize> clusters,
    Map<String, Integer> hnsw,
    int segments,
    Map<String, Double> seconds,
    double tracksPerSecond,
    List<String> deletedGenerations,
    Map<String, Long> featureJoin,
    List<ImportReport> inputs) {

  /** One cluster's name and how many indexed tracks it holds. */
  public record ClusterSize(int id, String name, long tracks) {}

  /** The same report with the generations the publish made obsolete and deleted. */
  public IndexReport withDeleted(List<String> deleted) {
    return new IndexReport(
        generation,
        indexDir,
        files,
        format,
        rowsRead,
        tracksKept,
        skipped,
        dropped,
        merged,
        withAudioFeatures,
        withBpm,
        withKey,
        samples,
        tracksIndexed,
        pcaComponents,
        pcaVarianceKept,
        clusterCriterion,
        clusters,
        hnsw,
        segments,
        seconds,
        tracksPerSecond,
        deleted,
        featureJoin,
        inputs);
  }

  public IndexReport {
    files = List.copyOf(files);
    skipped = Collections.unmodifiableMap(new TreeMap<>(skipped));
    dropped = Collections.unmodifiableMap(new TreeMap<>(dropped));
    samples = List.copyOf(samples);
    clusters = List.copyOf(clusters);
    hnsw = Collections.unmodifiableMap(new LinkedHashMap<>(hnsw));
    seconds = Collections.unmodifiableMap(new LinkedHashMap<>(seconds));
    deletedGenerations = List.copyOf(deletedGenerations);
    featureJoin = Collections.unmodifiableMap(new LinkedHashMap<>(featureJoin));
    inputs = List.copyOf(inputs);
  }
}
