package io.cratedigger.index;

import io.cratedigger.model.FeatureModel;
import io.cratedigger.model.SceneModel;
import io.cratedigger.track.Track;
import java.io.IOException;
import java.util.List;

/**
 * Where a rebuild writes a new generation: the embedded index's folder ({@link LuceneTarget}) or a
 * search cluster. {@link IndexBuilder} reads the inputs, fits the models and calls these steps in
 * order; until {@link #publish} nothing a server reads has changed, and after any failure {@link
 * #abort} removes what was written, so the live generation stays.
 *
 * <p>{@link #add} is called by several workers at once; every other step by one thread.
 */
public interface BuildTarget extends AutoCloseable {
  /** The new generation's name, e.g. {@code gen-000007}. */
  String name();

  /** Where the generations live, for the report (a folder, a cluster's URL). */
  String location();

  /** Keeps the sound model with the generation, so every reader scores with the same PCA. */
  void saveModel(FeatureModel model) throws IOException;

  /**
   * Adds one track; {@code vector} is null for a track without audio features ({@code cluster} is
   * then -1). Safe to call from several threads.
   */
  void add(Track track, float[] vector, int cluster, boolean imputed) throws IOException;

  /** Every track is added: makes them durable and searchable; returns the segments (or shards). */
  int complete() throws IOException;

  /** Keeps the learnt scene model with the generation. */
  void saveScenes(SceneModel scenes) throws IOException;

  /**
   * Checks that the generation answers before it is published: it holds {@code indexed} tracks, an
   * id finds its track, and a vector query answers when there is a model.
   */
  void verify(long indexed, boolean vectors) throws IOException;

  /** Keeps the rebuild's report with the generation. */
  void saveReport(IndexReport report) throws IOException;

  /** Makes the generation the one servers read, atomically. */
  void publish() throws IOException;

  /** Deletes generations older than the previous one; returns their names. */
  List<String> cleanup() throws IOException;

  /** The rebuild failed before {@link #publish}: removes what it wrote. */
  void abort();

  /** Releases what the target holds (a lock, a connection); the generation stays. */
  @Override
  void close() throws IOException;
}
