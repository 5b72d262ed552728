package io.cratedigger.track;

import java.util.ArrayList;
import java.util.List;

/**
 * The one rule for rows that share an id (the same track in several charts, under several genres,
 * or in two input files): the first row's values win, list fields are united in order of first
 * appearance, and values the first row lacks are taken from the later one.
 */
public final class TrackMerge {
  private TrackMerge() {}

  /** {@code first} completed by {@code later}; both must have the same id. */
  public static Track merge(Track first, Track later) {
    if (!first.id().equals(later.id())) {
      throw new IllegalArgumentException(
          "cannot merge tracks with different ids: " + first.id() + ", " + later.id());
    }
    Track.Builder b = first.toBuilder();
    b.artists(union(first.artists(), later.artists()));
    b.genres(union(first.genres(), later.genres()));
    b.styles(union(first.styles(), later.styles()));
    b.remixers(union(first.remixers(), later.remixers()));
    b.album(or(first.album(), later.album()));
    b.label(or(first.label(), later.label()));
    b.year(or(first.year(), later.year()));
    b.releaseDate(or(first.releaseDate(), later.releaseDate()));
    b.durationMs(or(first.durationMs(), later.durationMs()));
    b.popularity(or(first.popularity(), later.popularity()));
    b.isrc(or(first.isrc(), later.isrc()));
    b.previewUrl(or(first.previewUrl(), later.previewUrl()));
    for (AudioFeature f : AudioFeature.values()) {
      b.feature(f, or(f.of(first), f.of(later)));
    }
    b.tempo(or(first.tempo(), later.tempo()));
    b.key(or(first.key(), later.key()));
    b.timeSignature(or(first.timeSignature(), later.timeSignature()));
    return b.build();
  }

  private static <T> T or(T a, T b) {
    return a != null ? a : b;
  }

  private static List<String> union(List<String> a, List<String> b) {
    if (b.isEmpty() || a.containsAll(b)) {
      return a;
    }
    List<String> out = new ArrayList<>(a);
    for (String s : b) {
      if (!out.contains(s)) {
        out.add(s);
      }
    }
    return out;
  }
}
