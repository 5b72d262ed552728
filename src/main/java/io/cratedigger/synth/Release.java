package io.cratedigger.synth;

import java.util.Arrays;
import java.util.List;

/**
 * What the tracks of one release share: artist, label, year and date, album title, and the styles
 * it is tagged with (main style first).
 *
 * @param styles indices into {@link Styles#all()}, main style first, no repeats
 * @param genres the genres of those styles, main genre first, at most two
 */
record Release(
    Roster.Artist artist,
    Roster.Label label,
    int year,
    String date,
    String album,
    int[] styles,
    List<String> genres) {

  /** The main style. */
  int mainStyle() {
    return styles[0];
  }

  /** The style names with {@code main} first, for a track whose main style is {@code main}. */
  List<String> styleNames(int main) {
    List<StyleProfile> all = Styles.all();
    String[] names = new String[styles.length];
    names[0] = all.get(main).name();
    int n = 1;
    for (int s : styles) {
      if (s != main && n < names.length) {
        names[n++] = all.get(s).name();
      }
    }
    return Arrays.asList(Arrays.copyOf(names, n));
  }
}
