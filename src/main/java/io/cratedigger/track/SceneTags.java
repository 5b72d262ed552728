package io.cratedigger.track;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One vocabulary for the styles and genres of every source, so that a Discogs style, a Beatport
 * genre and a Spotify genre that name the same scene meet: "Techno (Peak Time / Driving)"
 * (Beatport), "Techno" (Discogs) and "techno" (Spotify) all carry the tag {@code techno}. The
 * original names stay on the track for display; the tags are what the index matches on.
 *
 * <p>A name gives its folded form (lower case, accents removed, {@code &} as "and", punctuation as
 * spaces) and, where it combines several, their parts too:
 *
 * <ul>
 *   <li>Beatport's parenthesised sub-genre: {@code Techno (Peak Time / Driving)} → {@code techno
 *       peak time driving} and its parent {@code techno} (a shared sub-genre counts more, by its
 *       rarity, than the shared parent);
 *   <li>a slash between names: {@code Indie Dance / Nu Disco} → {@code indie dance nu disco},
 *       {@code indie dance}, {@code nu disco}; Discogs' {@code Funk / Soul} → {@code funk soul},
 *       {@code funk}, {@code soul};
 *   <li>common spellings of one name: {@code Drum & Bass}, {@code Drum 'n' Bass}, {@code DnB} →
 *       {@code drum and bass}; {@code Hip-Hop}, {@code hiphop} → {@code hip hop}; {@code R&B},
 *       {@code RnB} → {@code r and b}.
 * </ul>
 */
public final class SceneTags {
  private SceneTags() {}

  private static final Pattern PARENS = Pattern.compile("^(.*?)\\s*[(\\[]([^)\\]]*)[)\\]]\\s*$");

  /** Other spellings of one name, folded → the tag (both sides folded). */
  private static final Map<String, String> SPELLINGS =
      Map.ofEntries(
          Map.entry("dnb", "drum and bass"),
          Map.entry("d and b", "drum and bass"),
          Map.entry("d n b", "drum and bass"),
          Map.entry("drum n bass", "drum and bass"),
          Map.entry("drum bass", "drum and bass"),
          Map.entry("drumnbass", "drum and bass"),
          Map.entry("hiphop", "hip hop"),
          Map.entry("rnb", "r and b"),
          Map.entry("r n b", "r and b"),
          Map.entry("rhythm and blues", "rhythm and blues"),
          Map.entry("ukg", "uk garage"),
          Map.entry("uk garage bassline", "uk garage"),
          Map.entry("triphop", "trip hop"),
          Map.entry("nudisco", "nu disco"),
          Map.entry("electronic music", "electronic"),
          Map.entry("electronica downtempo", "electronica downtempo"),
          Map.entry("house music", "house"),
          Map.entry("techno music", "techno"));

  /**
   * The tags of one style or genre name, most specific first; empty for a blank name.
   *
   * @param name a style or genre as a source spells it
   */
  public static List<String> of(String name) {
    if (name == null) {
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    String whole = tag(name);
    if (whole.isEmpty()) {
      return List.of();
    }
    out.add(whole);
    String base = name.strip();
    Matcher m = PARENS.matcher(base);
    if (m.matches() && !m.group(1).isBlank()) {
      base = m.group(1);
      add(out, base);
    }
    if (base.contains("/")) {
      for (String part : base.split("/")) {
        add(out, part);
      }
    }
    return List.copyOf(out);
  }

  /** The tags of several names, in order, each once. */
  public static List<String> of(List<String> names) {
    Set<String> out = new LinkedHashSet<>();
    for (String n : names) {
      out.addAll(of(n));
    }
    return List.copyOf(out);
  }

  private static void add(Set<String> out, String part) {
    String t = tag(part);
    if (!t.isEmpty()) {
      out.add(t);
    }
  }

  /** The folded form of a whole name, with its usual other spellings mapped to one. */
  static String tag(String name) {
    String s = name.replace("&", " and ").replace("+", " and ");
    // Drum 'n' Bass, Rock'n'Roll, Drum n Bass
    s = s.replaceAll("(?i)['’]n['’]", " and ").replaceAll("(?i)(?<=\\s)n(?=\\s)", "and");
    String folded = Versions.fold(s);
    return SPELLINGS.getOrDefault(folded, folded);
  }

  /**
   * The tags a track's scene is defined by: its styles' when it has styles (a Discogs genre such as
   * "Electronic" is too broad to be a scene), its genres' otherwise (Spotify's genres are
   * scene-sized: "uk drill", "deep house").
   */
  public static List<String> defining(Track t) {
    return of(t.styles().isEmpty() ? t.genres() : t.styles());
  }

  /** Every tag of a track: its styles' and its genres'. */
  public static List<String> all(Track t) {
    List<String> names = new ArrayList<>(t.styles().size() + t.genres().size());
    names.addAll(t.styles());
    names.addAll(t.genres());
    return of(names);
  }
}
