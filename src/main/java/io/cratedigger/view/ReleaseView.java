package io.cratedigger.view;

import io.cratedigger.discogs.DiscogsRelease;
import io.cratedigger.search.Recommendations;
import io.cratedigger.search.ReleaseRecommender;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer for a Discogs release: the release, how each of its tracks matched the catalog, the
 * basis of the recommendations, the recommendations for the whole release and per matched track.
 */
public record ReleaseView(
    Release release,
    List<Match> matches,
    String basis,
    List<Recommendations.SeedInfo> seeds,
    List<ResultView> results,
    Map<String, List<ResultView>> perTrack) {

  /** The release as Discogs describes it. */
  public record Release(
      long id,
      String title,
      List<String> artists,
      List<String> labels,
      List<String> genres,
      List<String> styles,
      Integer year,
      String uri) {
    static Release of(DiscogsRelease r) {
      return new Release(
          r.id(), r.title(), r.artists(), r.labels(), r.genres(), r.styles(), r.year(), r.uri());
    }
  }

  /**
   * One track of the release and the catalog's track it matched (null when none did).
   *
   * @param match how it matched (by ISRC, by artist and title, ...), or why not
   */
  public record Match(String position, String title, String match, TrackView track) {}

  public static ReleaseView of(ReleaseRecommender.Answer a) {
    List<Match> matches =
        a.matches().stream()
            .map(
                x ->
                    new Match(
                        x.track().position(),
                        x.track().title(),
                        x.how(),
                        x.matched() == null ? null : TrackView.of(x.matched())))
            .toList();
    Map<String, List<ResultView>> per = new LinkedHashMap<>();
    a.perTrack().forEach((id, rec) -> per.put(id, ResultView.of(rec)));
    return new ReleaseView(
        Release.of(a.release()),
        matches,
        a.basis(),
        a.forRelease().seeds(),
        ResultView.of(a.forRelease()),
        per);
  }
}
