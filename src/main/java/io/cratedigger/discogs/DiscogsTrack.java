package io.cratedigger.discogs;

import java.util.List;

/**
 * One track of a release's tracklist.
 *
 * @param position as printed on the sleeve, e.g. {@code A1}, {@code 2}, or empty when Discogs has
 *     none
 * @param title the track title
 * @param artists the track's artists, cleaned of Discogs' disambiguation; the release's artists
 *     when the tracklist names none
 * @param duration as Discogs gives it, e.g. {@code 7:12}, or empty when unknown
 */
public record DiscogsTrack(String position, String title, List<String> artists, String duration) {
  public DiscogsTrack {
    position = position == null ? "" : position;
    if (title == null) {
      throw new IllegalArgumentException("a track needs a title, got null");
    }
    artists = List.copyOf(artists);
    duration = duration == null ? "" : duration;
  }
}
