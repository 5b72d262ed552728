package io.cratedigger.rank;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The parts of a result's score, each 0..1, weighted by {@link Weights}: how close the sound is,
 * how much of the scene it shares, how well tempo, key and energy move from the seed, the sound
 * cluster, the closeness to asked-for targets, and (with reciprocal rank fusion) the retrieval
 * ranks standing in for sound and scene.
 */
public enum Component {
  SOUND,
  SCENE,
  TEMPO,
  KEY,
  ENERGY,
  CLUSTER,
  TARGET,
  RETRIEVAL;

  /** The name in the configuration and the API's {@code components}, e.g. {@code tempo}. */
  @JsonValue
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
