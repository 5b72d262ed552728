package io.cratedigger.search;

import io.cratedigger.InvalidRequestException;
import io.cratedigger.discogs.DiscogsRelease;
import io.cratedigger.discogs.DiscogsTrack;
import io.cratedigger.index.Schema;
import io.cratedigger.rank.MixOptions;
import io.cratedigger.track.Track;
import io.cratedigger.track.Versions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recommendations for a Discogs release (the Diggerz seed's flow): the release's tracks are matched
 * to the catalog with the lookup's normalisation (folded artist + title without version notes, then
 * the fuzzy lookup); the matched tracks are the seeds of one multi-seed request, and each gets its
 * own similar list. With no track in the catalog, the release's styles and artists are the seeds.
 * Tracks of the release itself never appear in the answers.
 */
public final class ReleaseRecommender {
  private final Recommender engine;

  public ReleaseRecommender(Recommender engine) {
    this.engine = engine;
  }

  /** A release track and the catalog track it matched (null: none), and how. */
  public record Match(DiscogsTrack track, Track matched, String how) {}

  /** The answer for a release. */
  public record Answer(
      DiscogsRelease release,
      List<Match> matches,
      String basis,
      Recommendations forRelease,
      Map<String, Recommendations> perTrack) {}

  public Answer recommend(TrackIndex ix, DiscogsRelease release, int limit) throws IOException {
    List<Match> matches = new ArrayList<>();
    Set<String> releaseIds = new LinkedHashSet<>();
    Set<String> releaseSongs = new LinkedHashSet<>();
    for (DiscogsTrack t : release.tracks()) {
      List<String> artists = t.artists().isEmpty() ? release.artists() : t.artists();
      Match m = match(ix, t, artists);
      matches.add(m);
      String artist = artists.isEmpty() ? "" : artists.getFirst();
      releaseSongs.add(Versions.fold(artist) + "|" + Versions.fold(Versions.baseTitle(t.title())));
      if (m.matched() != null) {
        releaseIds.add(m.matched().id());
        releaseSongs.add(Versions.songKey(m.matched()));
      }
    }
    List<String> seeds =
        matches.stream()
            .filter(m -> m.matched() != null)
            .map(m -> m.matched().id())
            .distinct()
            .limit(RecommendRequest.MAX_SEEDS)
            .toList();
    RecommendRequest req;
    String basis;
    if (!seeds.isEmpty()) {
      req =
          new RecommendRequest(
              seeds,
              List.of(),
              List.of(),
              Math.min(RecommendRequest.MAX_LIMIT, limit + releaseIds.size()),
              Filters.none(),
              Map.of(),
              MixOptions.defaults(),
              null);
      basis =
          seeds.size()
              + " of the release's "
              + release.tracks().size()
              + " tracks are in the catalog: recommended from them";
    } else {
      List<String> genres = new ArrayList<>();
      for (String style : release.styles()) {
        if (genres.size() < 3 && !ix.spell(Schema.STYLE_EXACT, style).isEmpty()) {
          genres.add(style);
        }
      }
      List<String> artists = new ArrayList<>();
      for (String a : release.artists()) {
        if (genres.size() + artists.size() < RecommendRequest.MAX_SEEDS
            && !ix.spell(Schema.ARTIST_EXACT, a).isEmpty()) {
          artists.add(a);
        }
      }
      if (genres.isEmpty() && artists.isEmpty()) {
        for (String genre : release.genres()) {
          if (genres.size() < 3 && !ix.spell(Schema.GENRE_EXACT, genre).isEmpty()) {
            genres.add(genre);
          }
        }
      }
      if (genres.isEmpty() && artists.isEmpty()) {
        throw new InvalidRequestException(
            "no track, artist, style or genre of \"" + release.title() + "\" is in the catalog");
      }
      Filters years =
          release.year() == null
              ? Filters.none()
              : new Filters(
                  release.year() - 5,
                  release.year() + 5,
                  List.of(),
                  List.of(),
                  List.of(),
                  List.of(),
                  List.of(),
                  List.of(),
                  Map.of());
      req =
          new RecommendRequest(
              List.of(), artists, genres, limit, years, Map.of(), MixOptions.defaults(), null);
      basis =
          "no track of the release is in the catalog: recommended from its "
              + (genres.isEmpty() ? "" : "styles " + String.join(", ", genres))
              + (genres.isEmpty() || artists.isEmpty() ? "" : " and ")
              + (artists.isEmpty() ? "" : "artists " + String.join(", ", artists))
              + (release.year() == null
                  ? ""
                  : ", " + (release.year() - 5) + "–" + (release.year() + 5));
    }
    Recommendations whole =
        without(engine.recommend(ix, req, true), releaseIds, releaseSongs, limit);
    Map<String, Recommendations> perTrack = new LinkedHashMap<>();
    for (String id : seeds) {
      RecommendRequest one =
          RecommendRequest.similar(id, Math.min(RecommendRequest.MAX_LIMIT, 5 + releaseIds.size()));
      perTrack.put(id, without(engine.recommend(ix, one, false), releaseIds, releaseSongs, 5));
    }
    return new Answer(release, matches, basis, whole, perTrack);
  }

  private Match match(TrackIndex ix, DiscogsTrack t, List<String> artists) throws IOException {
    String artist = artists.isEmpty() ? "" : artists.getFirst();
    String song = Versions.fold(artist) + "|" + Versions.fold(Versions.baseTitle(t.title()));
    List<Track> exact = ix.sample(Schema.SONG, song, 1);
    if (!exact.isEmpty()) {
      return new Match(t, exact.getFirst(), "exact");
    }
    String q = (Versions.baseTitle(t.title()) + " " + artist).strip();
    if (q.length() > 200 || q.isBlank()) {
      return new Match(t, null, "none");
    }
    try {
      for (LookupHit h : ix.lookup(q, 3)) {
        Track c = h.track();
        boolean sameArtist =
            c.artists().stream().anyMatch(a -> Versions.fold(a).equals(Versions.fold(artist)));
        if (sameArtist
            && Versions.fold(Versions.baseTitle(c.title()))
                .equals(Versions.fold(Versions.baseTitle(t.title())))) {
          return new Match(t, c, "fuzzy");
        }
      }
    } catch (BadQueryException e) {
      // a title that is not a query (e.g. all punctuation): no match
    }
    return new Match(t, null, "none");
  }

  /** The answer without the release's own tracks, cut to {@code limit}. */
  private static Recommendations without(
      Recommendations r, Set<String> ids, Set<String> songs, int limit) {
    List<Recommendations.Recommendation> kept = new ArrayList<>();
    for (var x : r.results()) {
      if (!ids.contains(x.track().id())
          && !songs.contains(Versions.songKey(x.track()))
          && kept.size() < limit) {
        kept.add(x);
      }
    }
    return new Recommendations(r.seeds(), r.seed(), kept, r.stats());
  }
}
