package io.cratedigger.search;

import java.util.List;

/**
 * One retrieval of the engine, as a backend runs it: it answers a ranked list of track references
 * (see {@link TrackIndex#retrieve}). The engine builds several per request and fuses their lists
 * ({@link Pool}).
 */
public sealed interface Retriever {
  /** Which retrieval of the engine this is, for timings, statistics and fusion; null elsewhere. */
  Retrieval kind();

  /** The most tracks to return. */
  int size();

  /** Tracks that pass {@link #filter} (non-scoring) and have one of the terms. */
  Match filter();

  /** One weighted term of a lexical retrieval, on a keyword field. */
  record Term(String field, String value, float boost) {}

  /**
   * BM25 over weighted keyword terms: a track with any term matches, ranked by the sum of its
   * terms' {@code boost · idf} (keyword fields keep no lengths, so no length normalisation).
   */
  record Lexical(Retrieval kind, List<Term> terms, Match filter, int size) implements Retriever {
    public Lexical {
      terms = List.copyOf(terms);
    }
  }

  /**
   * The nearest sound vectors by Euclidean distance among the tracks passing the filter. {@code
   * exactUpTo}: compare exactly when at most this many tracks pass (0: the backend's vector search
   * always).
   */
  record Nearest(Retrieval kind, float[] vector, Match filter, int size, int exactUpTo)
      implements Retriever {}

  /** The tracks passing the filter, most popular first (unknown popularity last). */
  record Popular(Retrieval kind, Match filter, int size) implements Retriever {}
}
