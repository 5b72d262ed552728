package io.cratedigger.api;

import io.cratedigger.InvalidRequestException;
import io.cratedigger.rank.MixOptions;
import io.cratedigger.rank.Weights;
import io.cratedigger.search.Attribute;
import io.cratedigger.search.Filters;
import io.cratedigger.search.RecommendRequest;
import io.cratedigger.track.Track;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns request parameters into a {@link RecommendRequest}: the same names for the {@code similar}
 * route and the Spotify-compatible route ({@code min_*}, {@code max_*}, {@code target_*} for every
 * attribute; {@code min_year}, {@code style}, {@code exclude_style}, ...; {@code bpm_tolerance},
 * {@code key_lock}, {@code energy}, ...).
 */
final class RequestParams {
  private RequestParams() {}

  static final int MAX_VALUES = 20;

  /** {@code min_*} and {@code max_*} of every attribute: attribute → {min, max}, NaN when open. */
  static Map<Attribute, double[]> ranges(Params p) {
    Map<Attribute, double[]> ranges = new EnumMap<>(Attribute.class);
    for (Attribute a : Attribute.values()) {
      Double lo = p.number("min_" + a.param(), a.min(), a.max());
      Double hi = p.number("max_" + a.param(), a.min(), a.max());
      if (lo != null || hi != null) {
        ranges.put(a, new double[] {lo == null ? Double.NaN : lo, hi == null ? Double.NaN : hi});
      }
    }
    return ranges;
  }

  static RecommendRequest read(
      Params p, List<String> tracks, List<String> artists, List<String> genres, int defaultLimit) {
    int limit = p.integer("limit", defaultLimit, 1, RecommendRequest.MAX_LIMIT);
    Map<Attribute, double[]> ranges = ranges(p);
    Map<Attribute, Double> targets = new EnumMap<>(Attribute.class);
    for (Attribute a : Attribute.values()) {
      Double target = p.number("target_" + a.param(), a.min(), a.max());
      if (target != null) {
        targets.put(a, target);
      }
    }
    Integer minYear = p.optionalInt("min_year", Track.MIN_YEAR, Track.MAX_YEAR);
    Integer maxYear = p.optionalInt("max_year", Track.MIN_YEAR, Track.MAX_YEAR);
    MixOptions d = MixOptions.defaults();
    Double tolerance = p.number("bpm_tolerance", 0.5, 50);
    String fusion = p.choice("fusion", null, "weighted", "rrf");
    try {
      Filters filters =
          new Filters(
              minYear,
              maxYear,
              p.list("label", MAX_VALUES),
              p.list("exclude_label", MAX_VALUES),
              p.list("style", MAX_VALUES),
              p.list("exclude_style", MAX_VALUES),
              p.list("genre", MAX_VALUES),
              p.list("exclude_genre", MAX_VALUES),
              ranges);
      MixOptions options =
          new MixOptions(
              tolerance == null ? d.bpmTolerance() : tolerance / 100,
              p.bool("half_double", d.halfDouble()),
              p.bool("key_lock", d.keyLock()),
              p.bool("diagonal", d.allowDiagonal()),
              p.bool("compatible_only", d.compatibleOnly()),
              MixOptions.Energy.valueOf(
                  p.choice("energy", "keep", "keep", "lift", "drop", "any")
                      .toUpperCase(Locale.ROOT)),
              p.integer("max_per_artist", d.maxPerArtist(), 1, 100),
              p.integer("max_per_release", d.maxPerRelease(), 1, 100),
              p.number("min_score", 0, 1) == null ? d.minScore() : p.number("min_score", 0, 1));
      return new RecommendRequest(
          tracks,
          artists,
          genres,
          limit,
          filters,
          targets,
          options,
          fusion == null ? null : Weights.Fusion.valueOf(fusion.toUpperCase(Locale.ROOT)));
    } catch (InvalidRequestException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }
}
