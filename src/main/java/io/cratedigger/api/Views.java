package io.cratedigger.api;

import io.cratedigger.search.LookupHit;
import io.cratedigger.search.Recommendations;
import io.cratedigger.track.Track;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of product.md, shared by the command line and the HTTP API: a track carries its
 * fields flat, with the key as a name, a Camelot code and an Open Key code, and BPM under the name
 * DJs use; a result is a track plus its score, components and reasons.
 */
public final class Views {
  private Views() {}

  /** A track as answers show it (absent values are left out). */
  public static Map<String, Object> track(Track t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", t.id());
    m.put("title", t.title());
    m.put("artists", t.artists());
    put(m, "album", t.album());
    put(m, "label", t.label());
    m.put("genres", t.genres());
    m.put("styles", t.styles());
    if (!t.remixers().isEmpty()) {
      m.put("remixers", t.remixers());
    }
    put(m, "year", t.year());
    put(m, "releaseDate", t.releaseDate());
    put(m, "bpm", t.tempo());
    if (t.key() != null) {
      m.put("key", t.key().name());
      m.put("camelot", t.key().camelot());
      m.put("openKey", t.key().openKey());
    }
    put(m, "energy", t.energy());
    put(m, "danceability", t.danceability());
    put(m, "valence", t.valence());
    put(m, "acousticness", t.acousticness());
    put(m, "instrumentalness", t.instrumentalness());
    put(m, "liveness", t.liveness());
    put(m, "speechiness", t.speechiness());
    put(m, "loudness", t.loudness());
    put(m, "durationMs", t.durationMs());
    put(m, "popularity", t.popularity());
    put(m, "timeSignature", t.timeSignature());
    put(m, "isrc", t.isrc());
    put(m, "previewUrl", t.previewUrl());
    return m;
  }

  /** A recommendation: the track's fields, then score, mixable, components and reasons. */
  public static Map<String, Object> result(Recommendations.Recommendation r) {
    Map<String, Object> m = track(r.track());
    m.put("score", r.score());
    m.put("mixable", r.mixable());
    m.put("keyMove", r.keyMove() == null ? null : r.keyMove().code());
    m.put("bpmChangePct", r.bpmChangePct());
    m.put("components", r.components());
    m.put("reasons", r.reasons());
    return m;
  }

  /**
   * The Camelot wheel's rules as data, for the page: every key's code, name and the move from it to
   * every key ({@code moves["8A"]["9A"] = "adjacent"}), and which moves are compatible by default.
   */
  public static Map<String, Object> keys() {
    Map<String, Object> names = new LinkedHashMap<>();
    Map<String, Map<String, String>> moves = new LinkedHashMap<>();
    List<io.cratedigger.track.Key> all = new java.util.ArrayList<>();
    for (boolean major : new boolean[] {false, true}) {
      for (int n = 1; n <= 12; n++) {
        all.add(io.cratedigger.track.Key.fromCamelot(n, major));
      }
    }
    for (var from : all) {
      names.put(from.camelot(), from.name());
      Map<String, String> row = new LinkedHashMap<>();
      for (var to : all) {
        row.put(to.camelot(), from.moveTo(to).code());
      }
      moves.put(from.camelot(), row);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("names", names);
    m.put("moves", moves);
    m.put(
        "compatible",
        java.util.Arrays.stream(io.cratedigger.track.KeyMove.values())
            .filter(io.cratedigger.track.KeyMove::compatible)
            .map(io.cratedigger.track.KeyMove::code)
            .toList());
    return m;
  }

  /** The answer of {@code similar}: {@code {"seed":{..},"results":[..],"stats":{..}}}. */
  public static Map<String, Object> similar(Recommendations r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seed", r.seed() == null ? null : track(r.seed()));
    m.put("results", results(r));
    m.put("stats", r.stats());
    return m;
  }

  /** The Spotify-shaped answer: {@code {"seeds":[..],"tracks":[..],"stats":{..}}}. */
  public static Map<String, Object> recommendations(Recommendations r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seeds", r.seeds());
    m.put("tracks", results(r));
    m.put("stats", r.stats());
    return m;
  }

  /** The answer for a Discogs release: what matched, on what basis, and the recommendations. */
  public static Map<String, Object> release(io.cratedigger.search.ReleaseRecommender.Answer a) {
    Map<String, Object> m = new LinkedHashMap<>();
    var r = a.release();
    Map<String, Object> rel = new LinkedHashMap<>();
    rel.put("id", r.id());
    rel.put("title", r.title());
    rel.put("artists", r.artists());
    rel.put("labels", r.labels());
    rel.put("genres", r.genres());
    rel.put("styles", r.styles());
    rel.put("year", r.year());
    rel.put("uri", r.uri());
    m.put("release", rel);
    List<Map<String, Object>> matches = new ArrayList<>();
    for (var x : a.matches()) {
      Map<String, Object> mm = new LinkedHashMap<>();
      mm.put("position", x.track().position());
      mm.put("title", x.track().title());
      mm.put("match", x.how());
      mm.put("track", x.matched() == null ? null : track(x.matched()));
      matches.add(mm);
    }
    m.put("matches", matches);
    m.put("basis", a.basis());
    m.put("seeds", a.forRelease().seeds());
    m.put("results", results(a.forRelease()));
    Map<String, Object> per = new LinkedHashMap<>();
    a.perTrack().forEach((id, rec) -> per.put(id, results(rec)));
    m.put("perTrack", per);
    return m;
  }

  /** A lookup hit: the track's fields and its score. */
  public static Map<String, Object> hit(LookupHit h) {
    Map<String, Object> m = track(h.track());
    m.put("score", Math.round(h.score() * 1000) / 1000.0);
    return m;
  }

  private static List<Map<String, Object>> results(Recommendations r) {
    List<Map<String, Object>> out = new ArrayList<>(r.results().size());
    r.results().forEach(x -> out.add(result(x)));
    return out;
  }

  private static void put(Map<String, Object> m, String k, Object v) {
    if (v != null) {
      m.put(k, v);
    }
  }
}
