package io.cratedigger.discogs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Reads the Discogs API's JSON shapes into our records. */
final class DiscogsJson {
  /** Discogs tells same-named artists apart with {@code " (2)"}, {@code " (14)"}. */
  private static final Pattern DISAMBIGUATION = Pattern.compile("\\s*\\(\\d+\\)$");

  private DiscogsJson() {}

  /**
   * A release from {@code GET /releases/{id}}, or from a collection item's {@code
   * basic_information} (which has no tracklist).
   *
   * @throws DiscogsException 502 when the JSON has no release id
   */
  static DiscogsRelease release(JsonNode node) throws DiscogsException {
    long id = id(node.path("id"));
    if (id <= 0) {
      throw new DiscogsException(502, "Discogs answered something that is not a release");
    }
    List<String> artists = artists(node.path("artists"));
    Set<String> labels = new LinkedHashSet<>();
    for (JsonNode label : node.path("labels")) {
      String name = cleanName(text(label.path("name")));
      if (!name.isEmpty()) {
        labels.add(name);
      }
    }
    int year = (int) id(node.path("year"));
    return new DiscogsRelease(
        id,
        text(node.path("title")),
        artists,
        List.copyOf(labels),
        strings(node.path("genres")),
        strings(node.path("styles")),
        year > 0 ? year : null,
        tracks(node.path("tracklist"), artists),
        text(node.path("uri")));
  }

  /** A master's main release id, from {@code GET /masters/{id}}. */
  static OptionalLong mainRelease(JsonNode node) {
    long id = id(node.path("main_release"));
    return id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
  }

  /**
   * The playable tracks. Headings ("Side A") are left out; an index track (a medley or suite)
   * stands for its sub-tracks, which are the playable ones.
   */
  private static List<DiscogsTrack> tracks(JsonNode tracklist, List<String> releaseArtists) {
    List<DiscogsTrack> tracks = new ArrayList<>();
    collect(tracklist, releaseArtists, tracks);
    return tracks;
  }

  /**
   * Tracks read from a release at most: a box set has a few hundred; a release claiming 200,000
   * would otherwise cost 200,000 catalog lookups in one request.
   */
  static final int MAX_TRACKS = 1_000;

  private static void collect(
      JsonNode tracklist, List<String> releaseArtists, List<DiscogsTrack> tracks) {
    for (JsonNode entry : tracklist) {
      if (tracks.size() >= MAX_TRACKS) {
        return;
      }
      String type = text(entry.path("type_"));
      if (type.equals("index")) {
        collect(entry.path("sub_tracks"), releaseArtists, tracks);
      } else if (type.isEmpty() || type.equals("track")) {
        String title = text(entry.path("title"));
        if (title.isEmpty()) {
          continue;
        }
        List<String> artists = artists(entry.path("artists"));
        tracks.add(
            new DiscogsTrack(
                text(entry.path("position")),
                title,
                artists.isEmpty() ? releaseArtists : artists,
                text(entry.path("duration"))));
      }
    }
  }

  private static List<String> artists(JsonNode array) {
    Set<String> names = new LinkedHashSet<>();
    for (JsonNode artist : array) {
      String name = cleanName(text(artist.path("name")));
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    return List.copyOf(names);
  }

  /**
   * Drops Discogs' disambiguation number ({@code "Aphex Twin (2)"}) and the {@code "*"} that marks
   * a name variation, so names match the catalog's.
   */
  static String cleanName(String name) {
    String s = name.strip();
    String previous;
    do {
      previous = s;
      s = DISAMBIGUATION.matcher(s).replaceFirst("");
      if (s.endsWith("*")) {
        s = s.substring(0, s.length() - 1).strip();
      }
    } while (!s.equals(previous));
    return s;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    for (JsonNode value : array) {
      String s = text(value).strip();
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  /** The text of a string or number node, empty for anything else (missing, null, objects). */
  static String text(JsonNode node) {
    return node.isString() || node.isNumber() ? node.asString() : "";
  }

  /** A whole number node's value, 0 for anything else. */
  static long id(JsonNode node) {
    return node.isNumber() && node.canConvertToLong() ? node.asLong() : 0;
  }
}
