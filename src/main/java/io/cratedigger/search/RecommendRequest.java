package io.cratedigger.search;

import io.cratedigger.InvalidRequestException;
import io.cratedigger.rank.MixOptions;
import io.cratedigger.rank.Weights;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A request for recommendations: up to five seeds in any mix (Spotify's semantics), filters,
 * targets and mixing options. {@code similar TRACK_ID} is the one-track-seed case.
 *
 * @param filters as the user typed them; styles, genres and labels are matched to the catalog's
 *     spellings when the request runs
 * @param targets Spotify's {@code target_*}: attribute → preferred value
 * @param fusion how to fuse the two retrievals; null for the configured default
 */
public record RecommendRequest(
    List<String> seedTracks,
    List<String> seedArtists,
    List<String> seedGenres,
    int limit,
    Filters filters,
    Map<Attribute, Double> targets,
    MixOptions options,
    Weights.Fusion fusion) {

  public static final int MAX_SEEDS = 5;
  public static final int MAX_LIMIT = 100;

  public RecommendRequest {
    seedTracks = List.copyOf(seedTracks);
    seedArtists = List.copyOf(seedArtists);
    seedGenres = List.copyOf(seedGenres);
    int seeds = seedTracks.size() + seedArtists.size() + seedGenres.size();
    if (seeds < 1 || seeds > MAX_SEEDS) {
      throw new InvalidRequestException(
          "give 1.."
              + MAX_SEEDS
              + " seeds in all (seed_tracks, seed_artists, seed_genres), got "
              + seeds);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidRequestException("limit must be 1.." + MAX_LIMIT + ", got " + limit);
    }
    filters = filters == null ? Filters.none() : filters;
    targets = targets.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(targets));
    for (var e : targets.entrySet()) {
      e.getKey().check("target_" + e.getKey().param(), e.getValue());
    }
    options = options == null ? MixOptions.defaults() : options;
  }

  /** Similar tracks for one seed track, with the default options. */
  public static RecommendRequest similar(String trackId, int limit) {
    return new RecommendRequest(
        List.of(trackId),
        List.of(),
        List.of(),
        limit,
        Filters.none(),
        Map.of(),
        MixOptions.defaults(),
        null);
  }
}
