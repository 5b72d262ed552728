package io.cratedigger.view;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.cratedigger.rank.Component;
import io.cratedigger.search.Recommendations;
import java.util.List;
import java.util.Map;

/**
 * A recommendation as answers show it: the track's fields, then its score, whether it mixes, the
 * key move and tempo change from the seed (null when either side is unknown), the score's
 * components and the reasons in words.
 *
 * @param keyMove the move's code ({@code adjacent}, {@code relative}...; see {@code /api/keys})
 */
public record ResultView(
    @JsonUnwrapped TrackView track,
    double score,
    boolean mixable,
    String keyMove,
    Double bpmChangePct,
    Map<Component, Double> components,
    List<String> reasons) {

  public static ResultView of(Recommendations.Recommendation r) {
    return new ResultView(
        TrackView.of(r.track()),
        r.score(),
        r.mixable(),
        r.keyMove() == null ? null : r.keyMove().code(),
        r.bpmChangePct(),
        r.components(),
        r.reasons());
  }

  /** The results of an answer, in order. */
  public static List<ResultView> of(Recommendations r) {
    return r.results().stream().map(ResultView::of).toList();
  }
}
