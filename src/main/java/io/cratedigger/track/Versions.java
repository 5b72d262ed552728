package io.cratedigger.track;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises versions of one song: "Strobe", "Strobe (Radio Edit)", "Strobe - Live", "Strobe
 * (Michael Cassette Remix)" and "Strobe [Remastered 2015]" by the same artist are one song, which a
 * DJ does not want recommended as "similar" to itself.
 */
public final class Versions {
  private Versions() {}

  // Bracketed parts are always version or feature notes; a " - " suffix only when it names one.
  private static final Pattern BRACKETS = Pattern.compile("\\s*[(\\[][^)\\]]*[)\\]]");
  private static final Pattern DASH_VERSION =
      Pattern.compile(
          "\\s+-\\s+.*\\b(mix|remix|edit|version|live|remaster(ed)?|dub|instrumental|"
              + "extended|acoustic|demo|mono|stereo|vip|rework|bootleg|radio|club|original)\\b.*$",
          Pattern.CASE_INSENSITIVE);

  /** The title without version notes: {@code Strobe (Radio Edit)} → {@code Strobe}. */
  public static String baseTitle(String title) {
    String t = DASH_VERSION.matcher(title).replaceAll("");
    t = BRACKETS.matcher(t).replaceAll("").strip();
    return t.isEmpty() ? title.strip() : t;
  }

  /** Folded primary artist and base title; equal for versions of one song. */
  public static String songKey(Track t) {
    String artist = t.artists().isEmpty() ? "" : t.artists().getFirst();
    return fold(artist) + "|" + fold(baseTitle(t.title()));
  }

  /** Folded primary artist and album; equal for tracks of one release ("" without album). */
  public static String releaseKey(Track t) {
    if (t.album() == null) {
      return "";
    }
    String artist = t.artists().isEmpty() ? "" : t.artists().getFirst();
    return fold(artist) + "|" + fold(t.album());
  }

  /** Lower case, accents removed, runs of anything but letters and digits as one space. */
  public static String fold(String s) {
    String d = Normalizer.normalize(s, Normalizer.Form.NFKD);
    StringBuilder out = new StringBuilder(d.length());
    boolean space = false;
    for (int i = 0; i < d.length(); i++) {
      char c = d.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue;
      }
      if (Character.isLetterOrDigit(c)) {
        if (space && !out.isEmpty()) {
          out.append(' ');
        }
        out.append(c);
        space = false;
      } else {
        space = true;
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }
}
