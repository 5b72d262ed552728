package io.cratedigger.search;

import java.io.IOException;

/**
 * Where a server reads its catalog: the live generation of the embedded index ({@link
 * LuceneSource}) or the generation behind a cluster's alias. Each piece of work sees one generation
 * from start to end, even when a rebuild swaps it meanwhile.
 */
public interface TrackSource {
  /** Work on one generation. */
  interface Work<T> {
    T apply(TrackIndex tracks) throws IOException;
  }

  /**
   * Runs {@code work} on the generation served now.
   *
   * @throws io.cratedigger.index.NotReadyException while there is none yet
   * @throws io.cratedigger.UnavailableException when the backend does not answer
   */
  <T> T read(Work<T> work) throws IOException;

  /** What is served: never throws; a backend that is down says so in {@link Served#cluster}. */
  Served served();

  /**
   * @param backend {@code lucene} or {@code opensearch}
   * @param generation the generation served, null while there is none
   * @param tracks its tracks, 0 while there is none
   * @param cluster the cluster's health ({@code green}, {@code yellow}, {@code red}, or {@code
   *     unreachable}); null for the embedded index
   */
  record Served(String backend, String generation, int tracks, String cluster) {}
}
