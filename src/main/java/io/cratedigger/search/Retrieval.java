package io.cratedigger.search;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The engine's candidate pools, each one search: their names in an answer's timings and their
 * meaning in words for the command line's statistics.
 */
public enum Retrieval {
  /** The tracks that share the seeds' scene, by BM25 over styles, genres, label and artists. */
  LEXICAL("lexical", "scene"),
  /** The nearest in sound (the HNSW graph). */
  KNN("knn", "sound"),
  /** The nearest in sound among the tracks that share the scene and mix, compared exactly. */
  SCENE_MIX_KNN("sceneMixKnn", "scene and mix"),
  /** Without a sound vector: the tracks that share the scene and mix, most popular first. */
  SCENE_MIXABLE("sceneMixable", "scene and mix by popularity"),
  /** The scene-sharing tracks that also mix, when the exact scene-and-mix pool does not run. */
  MIXABLE_LEXICAL("mixableLexical", "scene, mixing only"),
  /** The nearest in sound among the mixable tracks, asked only when too few sound-alikes mix. */
  MIXABLE_KNN("mixableKnn", "sound, mixing only");

  private final String code;
  private final String words;

  Retrieval(String code, String words) {
    this.code = code;
    this.words = words;
  }

  /** The name in the answer's timings, e.g. {@code sceneMixKnn}. */
  @JsonValue
  public String code() {
    return code;
  }

  /** What it finds, in words, e.g. {@code scene and mix}. */
  public String words() {
    return words;
  }
}
