package io.cratedigger.search;

import io.cratedigger.track.Track;

/**
 * One result of a track lookup: the track and its lookup score (higher is better; only the order
 * means something, the scale depends on the query).
 */
public record LookupHit(Track track, float score) {
  public LookupHit {
    if (track == null) {
      throw new IllegalArgumentException("track must not be null");
    }
  }
}
