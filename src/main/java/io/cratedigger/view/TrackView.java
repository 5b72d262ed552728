package io.cratedigger.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cratedigger.track.Track;
import java.util.List;

/**
 * A track as answers show it (product.md): its fields flat, the key as a name, a Camelot code and
 * an Open Key code, the tempo under the name DJs use ({@code bpm}). Absent values are left out; the
 * lists are always there, empty when unknown.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrackView(
    String id,
    String title,
    List<String> artists,
    String album,
    String label,
    List<String> genres,
    List<String> styles,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> remixers,
    Integer year,
    String releaseDate,
    Double bpm,
    String key,
    String camelot,
    String openKey,
    Double energy,
    Double danceability,
    Double valence,
    Double acousticness,
    Double instrumentalness,
    Double liveness,
    Double speechiness,
    Double loudness,
    Integer durationMs,
    Integer popularity,
    Integer timeSignature,
    String isrc,
    String previewUrl) {

  public static TrackView of(Track t) {
    var k = t.key();
    return new TrackView(
        t.id(),
        t.title(),
        t.artists(),
        t.album(),
        t.label(),
        t.genres(),
        t.styles(),
        t.remixers(),
        t.year(),
        t.releaseDate(),
        t.tempo(),
        k == null ? null : k.name(),
        k == null ? null : k.camelot(),
        k == null ? null : k.openKey(),
        t.energy(),
        t.danceability(),
        t.valence(),
        t.acousticness(),
        t.instrumentalness(),
        t.liveness(),
        t.speechiness(),
        t.loudness(),
        t.durationMs(),
        t.popularity(),
        t.timeSignature(),
        t.isrc(),
        t.previewUrl());
  }

  public static List<TrackView> all(List<Track> tracks) {
    return tracks.stream().map(TrackView::of).toList();
  }
}
