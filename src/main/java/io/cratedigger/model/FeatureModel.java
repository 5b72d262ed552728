package io.cratedigger.model;

import io.cratedigger.track.AudioFeature;
import io.cratedigger.track.Track;
import io.cratedigger.view.Json;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;

/**
 * The sound model of a catalog: turns a track's audio features into a short vector in which
 * Euclidean distance means "sounds alike", and sorts tracks into named sound clusters.
 *
 * <p><b>Features.</b> The eight descriptors of {@link AudioFeature} (danceability, energy, valence,
 * acousticness, instrumentalness, liveness, speechiness, loudness) all describe what a track sounds
 * like, so all go in, except any that fewer than {@value #MIN_TRACKS} tracks of the sample have.
 * Tempo and key stay out on purpose: they are mixing rules, not sound. A 174 BPM drum &amp; bass
 * track and its 87 BPM half-time twin sound alike but are far apart as numbers; keys sit on a
 * circle (11 is next to 0) and their compatibility is the Camelot table, not a distance. The
 * ranking applies both as explicit rules with their own tolerances (±6 % BPM, half and double time,
 * harmonic moves), which a vector distance would blur. Year, duration and popularity are not sound.
 *
 * <p><b>Transform.</b> Each feature is standardised with the sample's mean and sd (clipped to
 * ±{@value #CLIP_Z}; see {@link Scaler}); a missing feature is imputed with the mean (z = 0) and
 * {@link #imputed} says so. The standardised values are rotated onto their principal axes and the
 * fewest axes keeping at least {@value #MIN_VARIANCE} of the variance are kept, without whitening,
 * so distances in the vector are distances in standardised feature space with only the noise-level
 * axes dropped (see {@link Pca}). The vector feeds Lucene KNN with Euclidean similarity.
 *
 * <p><b>Clusters.</b> KMeans in vector space, k chosen by silhouette (see {@link ClusterFit}), each
 * named from its centroid (see {@link ClusterNamer}).
 *
 * <p>Every number of the transform is stored in {@value #FILE_NAME} next to the index, and the
 * transform is this class's own arithmetic in double precision (smile only fits), so the server and
 * later imports map any track exactly as the index build did. Immutable and thread-safe.
 */
public final class FeatureModel {

  /** The model's file name, in the index directory. */
  public static final String FILE_NAME = "model.json";

  /** The fewest tracks with audio features a fit accepts; also a feature's minimum support. */
  public static final int MIN_TRACKS = 50;

  /** The share of the standardised variance the kept PCA components must reach. */
  public static final double MIN_VARIANCE = 0.90;

  /** z-scores are clipped to ±this, so one extreme track can't stretch the space. */
  public static final double CLIP_Z = 5;

  static final int FORMAT = 1;

  private final Scaler scaler;
  private final Pca pca;
  private final double[][] centroids;
  private final List<Cluster> clusters;
  private final FitReport report;

  private FeatureModel(
      Scaler scaler, Pca pca, double[][] centroids, List<Cluster> clusters, FitReport report) {
    this.scaler = scaler;
    this.pca = pca;
    this.centroids = new double[centroids.length][];
    for (int c = 0; c < centroids.length; c++) {
      if (centroids[c].length != pca.dimensions()) {
        throw new IllegalArgumentException(
            "centroid "
                + c
                + " has "
                + centroids[c].length
                + " values, expected "
                + pca.dimensions());
      }
      this.centroids[c] = centroids[c].clone();
    }
    this.clusters = List.copyOf(clusters);
    for (int c = 0; c < this.clusters.size(); c++) {
      if (this.clusters.get(c).id() != c) {
        throw new IllegalArgumentException("cluster " + c + " has id " + clusters.get(c).id());
      }
    }
    if (this.clusters.size() != centroids.length || report.k() != centroids.length) {
      throw new IllegalArgumentException(
          centroids.length + " centroids but " + clusters.size() + " clusters, k " + report.k());
    }
    if (report.components() != pca.dimensions()
        || !report
            .features()
            .equals(scaler.features().stream().map(AudioFeature::field).toList())) {
      throw new IllegalArgumentException("the report does not describe this model");
    }
    this.report = report;
  }

  /**
   * Fits the model on {@code sample}; tracks without audio features are ignored. The same sample
   * and seed give the same model.
   *
   * @throws IllegalArgumentException when fewer than {@value #MIN_TRACKS} tracks have features
   */
  public static FeatureModel fit(List<Track> sample, long seed) {
    return ModelFitter.fit(sample, seed);
  }

  static FeatureModel of(
      Scaler scaler, Pca pca, double[][] centroids, List<Cluster> clusters, FitReport report) {
    return new FeatureModel(scaler, pca, centroids, clusters, report);
  }

  /** The vector length: the PCA components kept. */
  public int dimensions() {
    return pca.dimensions();
  }

  /** The cumulative share of the standardised variance the vector keeps, e.g. 0.93. */
  public double varianceKept() {
    return report.varianceKept();
  }

  /**
   * The track's sound vector, or {@code null} when it has none of the model's features. Missing
   * features are imputed with the sample mean.
   */
  public float[] vector(Track t) {
    return vector(f -> f.of(t));
  }

  /**
   * The sound vector of a track given by its feature values (null where missing), as {@link
   * #vector(Track)}: for a backend that stores the values rather than the track.
   */
  public float[] vector(
      java.util.function.Function<io.cratedigger.track.AudioFeature, Double> values) {
    double[] z = new double[scaler.size()];
    if (scaler.read(values, z) == 0) {
      return null;
    }
    scaler.standardise(z);
    double[] v = new double[pca.dimensions()];
    pca.project(z, v);
    float[] out = new float[v.length];
    for (int c = 0; c < v.length; c++) {
      out[c] = (float) v[c];
    }
    return out;
  }

  /** Whether {@code t} has some but not all of the model's features, so its vector is imputed. */
  public boolean imputed(Track t) {
    int present = scaler.read(t, new double[scaler.size()]);
    return present > 0 && present < scaler.size();
  }

  /** The id of the nearest cluster centre, lowest id on a tie; -1 for {@code null}. */
  public int cluster(float[] vector) {
    if (vector == null) {
      return -1;
    }
    if (vector.length != pca.dimensions()) {
      throw new IllegalArgumentException(
          "vector must have " + pca.dimensions() + " values, got " + vector.length);
    }
    int best = -1;
    double nearest = Double.POSITIVE_INFINITY;
    for (int c = 0; c < centroids.length; c++) {
      double d = 0;
      for (int i = 0; i < vector.length; i++) {
        double x = vector[i] - centroids[c][i];
        d += x * x;
      }
      if (d < nearest) {
        nearest = d;
        best = c;
      }
    }
    return best;
  }

  /** The clusters, in id order. */
  public List<Cluster> clusters() {
    return clusters;
  }

  public FitReport report() {
    return report;
  }

  /** Writes the model as indented JSON, replacing {@code file} atomically where possible. */
  public void save(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      Files.writeString(tmp, Json.PRETTY.writeValueAsString(modelFile()) + "\n");
      try {
        // A reader (the server reloading) sees the old model or the new one, never half a file.
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * The model as compact JSON: what {@link #save} writes, without the indentation. For stores other
   * than a file (a search cluster keeps it with the generation); {@link #fromJson} reads it.
   */
  public String toJson() {
    return Json.MAPPER.writeValueAsString(modelFile());
  }

  private ModelFile modelFile() {
    List<String> names = scaler.features().stream().map(AudioFeature::field).toList();
    return new ModelFile(
        FORMAT,
        ModelFile.TRANSFORM,
        names,
        scaler.clip(),
        scaler.means(),
        scaler.sds(),
        pca.center(),
        pca.components(),
        pca.eigenvalues(),
        centroids.clone(),
        clusters,
        report);
  }

  /** Reads a model written by {@link #save}. */
  public static FeatureModel load(Path file) throws IOException {
    return parse(Files.readString(file), file.toString());
  }

  /**
   * Reads a model from the JSON of {@link #toJson} (or of a {@link #save}d file).
   *
   * @param json the model's JSON
   * @param where where it came from, for the error message (e.g. a generation's name)
   * @throws IOException when it is not a model this version reads
   */
  public static FeatureModel fromJson(String json, String where) throws IOException {
    return parse(json, where);
  }

  private static FeatureModel parse(String json, String where) throws IOException {
    ModelFile m;
    try {
      m = Json.MAPPER.readValue(json, ModelFile.class);
    } catch (JacksonException e) {
      throw new IOException(where + " is not a feature model: " + e.getOriginalMessage(), e);
    }
    if (m.format() != FORMAT) {
      throw new IOException(
          where
              + " has model format "
              + m.format()
              + ", this version reads "
              + FORMAT
              + ": rebuild the index");
    }
    try {
      List<AudioFeature> features = new ArrayList<>();
      for (String name : m.features()) {
        features.add(feature(name));
      }
      Scaler scaler = new Scaler(features, m.means(), m.sds(), m.clipZ());
      Pca pca = new Pca(m.pcaCenter(), m.components(), m.eigenvalues());
      return new FeatureModel(scaler, pca, m.centroids(), m.clusters(), m.report());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IOException(where + " is not a valid feature model: " + e.getMessage(), e);
    }
  }

  private static AudioFeature feature(String name) {
    for (AudioFeature f : AudioFeature.values()) {
      if (f.field().equals(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown feature \""
            + name
            + "\", expected one of "
            + Arrays.stream(AudioFeature.values()).map(AudioFeature::field).toList());
  }

  @Override
  public String toString() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("features", report.featuresUsed());
    s.put("dimensions", dimensions());
    s.put("varianceKept", varianceKept());
    s.put("clusters", clusters.stream().map(Cluster::name).toList());
    return "FeatureModel" + s;
  }
}
