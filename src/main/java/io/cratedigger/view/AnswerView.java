package io.cratedigger.view;

import io.cratedigger.search.Recommendations;
import java.util.List;

/** The two shapes of a recommendation answer in product.md. */
public final class AnswerView {
  private AnswerView() {}

  /** The answer of {@code similar}: {@code {"seed":{..},"results":[..],"stats":{..}}}. */
  public record Similar(TrackView seed, List<ResultView> results, Recommendations.Stats stats) {
    public static Similar of(Recommendations r) {
      return new Similar(
          r.seed() == null ? null : TrackView.of(r.seed()), ResultView.of(r), r.stats());
    }
  }

  /** The Spotify-shaped answer: {@code {"seeds":[..],"tracks":[..],"stats":{..}}}. */
  public record Spotify(
      List<Recommendations.SeedInfo> seeds, List<ResultView> tracks, Recommendations.Stats stats) {
    public static Spotify of(Recommendations r) {
      return new Spotify(r.seeds(), ResultView.of(r), r.stats());
    }
  }
}
