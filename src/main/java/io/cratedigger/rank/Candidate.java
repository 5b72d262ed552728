package io.cratedigger.rank;

import io.cratedigger.track.Key;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A track under consideration, with what the rerankers read (from doc values, never the stored
 * source) and what they write: a score per component in 0..1 and reasons in plain words. Only the
 * rank package mutates it, inside one request; answers carry immutable copies.
 */
public final class Candidate {
  private final int doc;
  private final Supplier<String> idSource;
  private String id;
  private final Double bpm;
  private final Key key;
  private final Double energy;
  private final int cluster;
  private final long song;
  private final long release;
  private final long[] artists;
  private final float[] vector;
  private final double[] attributes;
  final Map<Component, Double> components = new EnumMap<>(Component.class);
  // Reasons are written for every candidate but read for the few returned: kept as suppliers so
  // the text (formatting numbers, joining names) is only built for those.
  final List<Supplier<String>> reasons = new ArrayList<>();
  private double score;
  private boolean mixable = true;
  private boolean inScene;
  private boolean soundUnknown;

  /** Rank in the lexical and in the vector pool, 1-based; 0 when not in that pool. */
  int lexicalRank;

  int knnRank;

  /**
   * @param id the track id, looked up when first asked for (the engine never needs most of them: a
   *     lookup decompresses a block of the id dictionary)
   * @param song, release, artists {@link io.cratedigger.track.Fingerprint}s of the song key, the
   *     release key (0 without one) and the artists
   * @param attributes values of {@code Attribute} in its order, NaN where unknown
   * @param cluster the sound cluster, -1 without features
   * @param vector the PCA vector, null without features
   */
  public Candidate(
      int doc,
      Supplier<String> id,
      Double bpm,
      Key key,
      Double energy,
      int cluster,
      long song,
      long release,
      long[] artists,
      float[] vector,
      double[] attributes) {
    this.doc = doc;
    this.idSource = id;
    this.bpm = bpm;
    this.key = key;
    this.energy = energy;
    this.cluster = cluster;
    this.song = song;
    this.release = release;
    this.artists = artists.clone();
    this.vector = vector;
    this.attributes = attributes;
  }

  public int doc() {
    return doc;
  }

  public String id() {
    if (id == null) {
      id = idSource.get();
    }
    return id;
  }

  public Double bpm() {
    return bpm;
  }

  public Key key() {
    return key;
  }

  public Double energy() {
    return energy;
  }

  public int cluster() {
    return cluster;
  }

  /** Fingerprint of the song: versions of one song share it. */
  public long song() {
    return song;
  }

  /** Fingerprint of the release, 0 when the track has none. */
  public long release() {
    return release;
  }

  /** Fingerprints of the artists (a copy). */
  public long[] artists() {
    return artists.clone();
  }

  int artistCount() {
    return artists.length;
  }

  long artist(int i) {
    return artists[i];
  }

  public float[] vector() {
    return vector;
  }

  /** The value of attribute number {@code i}, NaN when unknown. */
  public double attribute(int i) {
    return attributes[i];
  }

  /** Component scores so far, in the order they were set. */
  public Map<Component, Double> components() {
    return components;
  }

  /** The reasons in plain words, in the order the steps gave them. */
  public List<String> reasons() {
    List<String> out = new ArrayList<>(reasons.size());
    reasons.forEach(r -> out.add(r.get()));
    return out;
  }

  /** Sets {@code component} to {@code value} (clamped to 0..1). */
  public void component(Component component, double value) {
    components.put(component, Math.max(0, Math.min(1, value)));
  }

  public void reason(String text) {
    reasons.add(() -> text);
  }

  /** A reason whose text is built only if the candidate is returned. */
  public void reason(Supplier<String> text) {
    reasons.add(text);
  }

  public double score() {
    return score;
  }

  void score(double s) {
    score = s;
  }

  /** Whether the track can be mixed with the seed: tempo and key both fine (or unknown). */
  public boolean mixable() {
    return mixable;
  }

  /** Marks a rule broken: the candidate only fills the list when too few mixable ones exist. */
  public void breaks(String rule) {
    breaks(() -> rule);
  }

  /** As {@link #breaks(String)}, the text built only if the candidate is returned. */
  public void breaks(Supplier<String> rule) {
    mixable = false;
    reasons.add(rule);
  }

  /** Whether the track shares the seeds' scene (one of their defining style or genre tags). */
  public boolean inScene() {
    return inScene;
  }

  public void inScene(boolean v) {
    inScene = v;
  }

  /** Whether the seed has a sound to compare and this track has none (no audio features). */
  public boolean soundUnknown() {
    return soundUnknown;
  }

  public void soundUnknown(boolean v) {
    soundUnknown = v;
  }

  public void lexicalRank(int r) {
    lexicalRank = r;
  }

  public void knnRank(int r) {
    knnRank = r;
  }

  public int lexicalRank() {
    return lexicalRank;
  }

  public int knnRank() {
    return knnRank;
  }
}
