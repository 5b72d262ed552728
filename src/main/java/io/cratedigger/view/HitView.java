package io.cratedigger.view;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.cratedigger.search.LookupHit;
import java.util.List;

/** A lookup hit: the track's fields and its score, rounded to three places. */
public record HitView(@JsonUnwrapped TrackView track, double score) {
  public static HitView of(LookupHit h) {
    return new HitView(TrackView.of(h.track()), Math.round(h.score() * 1000) / 1000.0);
  }

  /** The answer of a lookup: {@code {"query":..,"hits":[..]}}. */
  public record Search(String query, List<HitView> hits) {
    public static Search of(String query, List<LookupHit> hits) {
      return new Search(query, hits.stream().map(HitView::of).toList());
    }
  }
}
