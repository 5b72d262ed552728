package io.cratedigger.track;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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

  /**
   * At most this many values in a merged list (artists, genres, styles, remixers): rows that repeat
   * an id with ever new artists (100,000 of them in a hostile file) would otherwise make every
   * merge copy a longer list, quadratic in the rows; past the bound a merge costs nothing.
   */
  public static final int MAX_VALUES = 64;

  private static List<String> union(List<String> a, List<String> b) {
    if (b.isEmpty() || a.size() >= MAX_VALUES) {
      return a;
    }
    Set<String> out = null;
    for (String s : b) {
      if (out == null) {
        if (a.contains(s)) {
          continue; // short lists: no set until a value is new
        }
        out = new LinkedHashSet<>(a);
      }
      if (out.size() >= MAX_VALUES) {
        break;
      }
      out.add(s);
    }
    return out == null ? a : List.copyOf(out);
  }
}
