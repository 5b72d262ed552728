package io.cratedigger.discogs;

import java.util.List;

/**
 * A Discogs release with what recommendations and the catalog join need.
 *
 * @param id the release id
 * @param title the release title
 * @param artists the release's artists, cleaned of {@code " (2)"} and {@code "*"}
 * @param labels label names, cleaned and without repeats
 * @param genres Discogs genres, e.g. {@code Electronic}
 * @param styles Discogs styles, e.g. {@code Dub Techno}
 * @param year the release year, or {@code null} when Discogs has none
 * @param tracks the playable tracks, headings left out
 * @param uri the release's page on discogs.com, or empty when unknown
 */
public record DiscogsRelease(
    long id,
    String title,
    List<String> artists,
    List<String> labels,
    List<String> genres,
    List<String> styles,
    Integer year,
    List<DiscogsTrack> tracks,
    String uri) {
  public DiscogsRelease {
    if (id <= 0) {
      throw new IllegalArgumentException("a release id is positive, got " + id);
    }
    title = title == null ? "" : title;
    artists = List.copyOf(artists);
    labels = List.copyOf(labels);
    genres = List.copyOf(genres);
    styles = List.copyOf(styles);
    tracks = List.copyOf(tracks);
    uri = uri == null ? "" : uri;
  }

  /** The same release with another tracklist (the collection joins basic info with tracks). */
  DiscogsRelease withTracks(List<DiscogsTrack> newTracks) {
    return new DiscogsRelease(id, title, artists, labels, genres, styles, year, newTracks, uri);
  }
}
