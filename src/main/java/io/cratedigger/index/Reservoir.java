package io.cratedigger.index;

import io.cratedigger.track.Track;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A uniform sample of the tracks with audio features (Vitter's algorithm R), so the model is fitted
 * on a bounded, representative sample however large the catalog is.
 */
final class Reservoir implements Consumer<Track> {
  private final int capacity;
  private final SplittableRandom random;
  private final List<Track> sample;
  private long seen;

  Reservoir(int capacity, long seed) {
    this.capacity = capacity;
    this.random = new SplittableRandom(seed);
    this.sample = new ArrayList<>(Math.min(capacity, 1 << 16));
  }

  @Override
  public void accept(Track t) {
    if (!t.hasAudioFeatures()) {
      return;
    }
    seen++;
    if (sample.size() < capacity) {
      sample.add(t);
    } else {
      long j = random.nextLong(seen);
      if (j < capacity) {
        sample.set((int) j, t);
      }
    }
  }

  /** Tracks with features offered so far. */
  long seen() {
    return seen;
  }

  List<Track> sample() {
    return sample;
  }
}
