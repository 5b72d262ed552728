package io.cratedigger.api;

import static io.cratedigger.api.Route.Param.query;

import io.cratedigger.InvalidRequestException;
import io.cratedigger.rank.MixOptions;
import io.cratedigger.rank.Weights;
import io.cratedigger.search.Attribute;
import io.cratedigger.search.Filters;
import io.cratedigger.search.RecommendRequest;
import io.cratedigger.track.Track;
import java.util.ArrayList;
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

  /** The filters of both recommendations and browse: years, facets kept or left out, ranges. */
  static Filters filters(Params p, Map<Attribute, double[]> ranges) {
    return new Filters(
        p.optionalInt("min_year", Track.MIN_YEAR, Track.MAX_YEAR),
        p.optionalInt("max_year", Track.MIN_YEAR, Track.MAX_YEAR),
        p.list("label", MAX_VALUES),
        p.list("exclude_label", MAX_VALUES),
        p.list("style", MAX_VALUES),
        p.list("exclude_style", MAX_VALUES),
        p.list("genre", MAX_VALUES),
        p.list("exclude_genre", MAX_VALUES),
        ranges);
  }

  /** The parameters {@link #read} knows, for {@code /openapi.json}. */
  static List<Route.Param> documented() {
    List<Route.Param> p = new ArrayList<>();
    p.add(query("limit", "integer", "1..100"));
    for (Attribute a : Attribute.values()) {
      String range = Params.fmt(a.min()) + ".." + Params.fmt(a.max());
      p.add(query("min_" + a.param(), "number", "minimum " + a.param() + ", " + range));
      p.add(query("max_" + a.param(), "number", "maximum " + a.param() + ", " + range));
      p.add(query("target_" + a.param(), "number", "preferred " + a.param() + ", " + range));
    }
    p.addAll(documentedFilters());
    p.add(query("bpm_tolerance", "number", "pitch range in %, 0.5..50, default 6"));
    p.add(query("half_double", "boolean", "half and double time count, default true"));
    p.add(
        query(
            "key_lock",
            "boolean",
            "keys as released (true) or as heard once beat-matched (false)"));
    p.add(query("diagonal", "boolean", "the diagonal key move counts as compatible"));
    p.add(
        query(
            "compatible_only",
            "boolean",
            "only tracks within the BPM range and in a compatible key"));
    p.add(query("energy", "string", "keep, lift, drop or any"));
    p.add(query("max_per_artist", "integer", "1..100, default 2"));
    p.add(query("max_per_release", "integer", "1..100, default 1"));
    p.add(query("min_score", "number", "0..1"));
    p.add(query("fusion", "string", "weighted or rrf"));
    return p;
  }

  /** The parameters of {@link #filters} but the ranges, for {@code /openapi.json}. */
  static List<Route.Param> documentedFilters() {
    List<Route.Param> p = new ArrayList<>();
    p.add(query("min_year", "integer", "earliest year"));
    p.add(query("max_year", "integer", "latest year"));
    for (String f : List.of("label", "style", "genre")) {
      p.add(query(f, "string", "comma-separated " + f + "s to keep"));
      p.add(query("exclude_" + f, "string", "comma-separated " + f + "s to leave out"));
    }
    return p;
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
    MixOptions d = MixOptions.defaults();
    Double tolerance = p.number("bpm_tolerance", 0.5, 50);
    String fusion = p.choice("fusion", null, "weighted", "rrf");
    try {
      Filters filters = filters(p, ranges);
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
