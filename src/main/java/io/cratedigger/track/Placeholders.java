package io.cratedigger.track;

import java.util.Set;

/**
 * Names that stand for "no particular artist" or "no label": "Various Artists" on a compilation,
 * Discogs' "Unknown Artist" and "Not On Label". They are kept on the track (a user searches for
 * them) but are not a scene: two compilations share no artist, and two self-released records share
 * no label. So they never make an "also by" or "same label" reason, a shared-artist score, a
 * diversity cap or the top of the artist list.
 */
public final class Placeholders {
  private Placeholders() {}

  /** Folded names (see {@link Versions#fold}). */
  private static final Set<String> ARTISTS =
      Set.of(
          "various",
          "various artists",
          "various artist",
          "va",
          "v a",
          "unknown",
          "unknown artist",
          "unknown artists",
          "anonymous",
          "no artist",
          "artist unknown",
          "n a",
          "none",
          "traditional");

  private static final Set<String> LABELS =
      Set.of(
          "not on label",
          "no label",
          "none",
          "unknown",
          "unknown label",
          "self released",
          "independent",
          "n a");

  /** Whether {@code name} is a placeholder artist ("Various Artists", "Unknown Artist", ...). */
  public static boolean artist(String name) {
    return name != null && ARTISTS.contains(Versions.fold(name));
  }

  /**
   * Whether {@code name} is a placeholder label ("Not On Label", also Discogs' "Not On Label (Aphex
   * Twin Self-released)").
   */
  public static boolean label(String name) {
    if (name == null) {
      return false;
    }
    String f = Versions.fold(name);
    return LABELS.contains(f) || f.startsWith("not on label ");
  }
}
