package io.cratedigger.synth;

import io.cratedigger.synth.StyleProfile.Bpm;
import io.cratedigger.synth.StyleProfile.Era;
import io.cratedigger.synth.StyleProfile.Scene;
import io.cratedigger.synth.StyleProfile.Sound;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The styles of the synthetic catalog, grouped under Discogs-like genres. The numbers are plausible
 * rather than measured: BPM ranges as DJs quote them, minor shares of 55–66 % for club styles and
 * less for pop, disco and rock, and sound profiles in the spirit of Spotify's audio features per
 * genre.
 */
public final class Styles {

  private static final String E = "Electronic";
  private static final String FS = "Funk / Soul";
  private static final String HH = "Hip Hop";
  private static final String R = "Rock";
  private static final String J = "Jazz";
  private static final String RG = "Reggae";
  private static final String P = "Pop";
  private static final String L = "Latin";

  private static final Scene CLUB = Scene.CLUB;
  private static final Scene LISTEN = Scene.LISTENING;
  private static final Scene HIPHOP = Scene.HIP_HOP;
  private static final Scene BAND = Scene.BAND;

  // Columns: name, genre, scene, weight, bpm(min, max, mode, half-time share), minor share,
  // era(from, peak, peak share), minutes, sound(danceability, energy, valence, acousticness,
  // instrumentalness, liveness, speechiness, loudness dB), neighbours.
  private static final List<StyleProfile> ALL =
      List.of(
          s(
              "House",
              E,
              CLUB,
              10,
              bpm(118, 128, 124, 0),
              .55,
              era(1985, 0, 0),
              6.3,
              snd(.78, .76, .55, .02, .65, .09, .06, -7.0),
              "Deep House",
              "Tech House",
              "Acid House",
              "Nu-Disco",
              "Disco",
              "UK Garage"),
          s(
              "Deep House",
              E,
              CLUB,
              7,
              bpm(118, 124, 122, 0),
              .62,
              era(1986, 0, 0),
              6.8,
              snd(.77, .60, .45, .06, .72, .09, .05, -8.8),
              "House",
              "Tech House",
              "Minimal",
              "Downtempo",
              "Nu-Disco"),
          s(
              "Tech House",
              E,
              CLUB,
              8,
              bpm(122, 128, 125, 0),
              .58,
              era(1995, 0, 0),
              6.5,
              snd(.83, .80, .45, .01, .80, .08, .07, -6.6),
              "House",
              "Techno",
              "Minimal",
              "Deep House"),
          s(
              "Techno",
              E,
              CLUB,
              9,
              bpm(125, 140, 132, 0),
              .66,
              era(1988, 0, 0),
              6.6,
              snd(.70, .86, .25, .01, .88, .10, .06, -6.8),
              "Minimal",
              "Tech House",
              "Acid House",
              "Electro",
              "IDM"),
          s(
              "Minimal",
              E,
              CLUB,
              3,
              bpm(122, 130, 126, 0),
              .62,
              era(1994, 2007, .35),
              7.2,
              snd(.82, .66, .35, .03, .88, .09, .07, -8.8),
              "Techno",
              "Tech House",
              "Deep House"),
          s(
              "Trance",
              E,
              CLUB,
              4,
              bpm(132, 140, 138, 0),
              .64,
              era(1991, 2001, .3),
              7.0,
              snd(.58, .87, .32, .01, .80, .14, .05, -5.8),
              "Progressive House",
              "Techno",
              "Breakbeat"),
          s(
              "Progressive House",
              E,
              CLUB,
              4,
              bpm(122, 130, 126, 0),
              .62,
              era(1992, 2003, .2),
              7.3,
              snd(.64, .79, .30, .02, .82, .11, .04, -7.2),
              "House",
              "Trance",
              "Deep House",
              "Techno"),
          s(
              "Drum n Bass",
              E,
              CLUB,
              6,
              bpm(165, 178, 174, 0),
              .64,
              era(1993, 0, 0),
              5.4,
              snd(.55, .91, .35, .01, .55, .18, .09, -4.5),
              "Breakbeat",
              "Dubstep",
              "UK Garage",
              "IDM"),
          s(
              "Dubstep",
              E,
              CLUB,
              3,
              bpm(138, 142, 140, .35),
              .66,
              era(2006, 2011, .3),
              4.8,
              snd(.57, .88, .30, .01, .55, .20, .10, -4.3),
              "UK Garage",
              "Drum n Bass",
              "Breakbeat",
              "Dub",
              "Trap"),
          s(
              "UK Garage",
              E,
              CLUB,
              2,
              bpm(128, 136, 132, 0),
              .55,
              era(1995, 2000, .4),
              5.5,
              snd(.78, .78, .58, .03, .40, .10, .08, -6.2),
              "House",
              "Dubstep",
              "Breakbeat",
              "Drum n Bass"),
          s(
              "Breakbeat",
              E,
              CLUB,
              2,
              bpm(125, 140, 130, 0),
              .58,
              era(1990, 1998, .2),
              5.8,
              snd(.67, .87, .45, .01, .75, .14, .08, -6.0),
              "Electro",
              "Drum n Bass",
              "UK Garage",
              "Techno",
              "Trance"),
          s(
              "Electro",
              E,
              CLUB,
              2,
              bpm(120, 135, 128, 0),
              .60,
              era(1982, 0, 0),
              5.6,
              snd(.74, .80, .45, .02, .78, .11, .07, -7.5),
              "Techno",
              "Breakbeat",
              "Synth-pop",
              "IDM"),
          s(
              "Acid House",
              E,
              CLUB,
              1.5,
              bpm(118, 128, 123, 0),
              .60,
              era(1986, 1988, .35),
              6.5,
              snd(.78, .80, .55, .01, .82, .10, .06, -8.0),
              "House",
              "Techno"),
          s(
              "Nu-Disco",
              E,
              CLUB,
              2.5,
              bpm(110, 124, 118, 0),
              .45,
              era(2004, 0, 0),
              6.0,
              snd(.80, .72, .72, .05, .45, .10, .05, -7.2),
              "Disco",
              "House",
              "Deep House",
              "Synth-pop"),
          s(
              "Ambient",
              E,
              LISTEN,
              3,
              bpm(60, 108, 85, 0),
              .50,
              era(1975, 0, 0),
              7.5,
              snd(.25, .18, .12, .75, .92, .11, .04, -19.0),
              "Downtempo",
              "IDM",
              "Dub"),
          s(
              "Downtempo",
              E,
              LISTEN,
              4,
              bpm(80, 108, 95, 0),
              .56,
              era(1990, 1998, .2),
              5.0,
              snd(.60, .42, .35, .35, .70, .11, .06, -11.0),
              "Ambient",
              "Deep House",
              "Instrumental Hip Hop",
              "Dub",
              "IDM"),
          s(
              "IDM",
              E,
              LISTEN,
              2,
              bpm(80, 160, 120, 0),
              .58,
              era(1991, 1996, .2),
              5.2,
              snd(.50, .55, .28, .20, .85, .11, .07, -11.5),
              "Ambient",
              "Techno",
              "Electro",
              "Downtempo"),
          s(
              "Disco",
              FS,
              BAND,
              3,
              bpm(110, 125, 118, 0),
              .35,
              era(1975, 1978, .45),
              5.6,
              snd(.74, .72, .80, .18, .10, .15, .05, -9.0),
              "Funk",
              "Soul",
              "Nu-Disco",
              "House"),
          s(
              "Funk",
              FS,
              BAND,
              2.5,
              bpm(90, 120, 105, 0),
              .45,
              era(1975, 1976, .3),
              4.8,
              snd(.72, .68, .80, .22, .15, .18, .07, -9.5),
              "Soul",
              "Disco",
              "Jazz-Funk"),
          s(
              "Soul",
              FS,
              BAND,
              2.5,
              bpm(70, 110, 90, 0),
              .35,
              era(1975, 1975, .3),
              3.8,
              snd(.58, .50, .62, .45, .04, .17, .05, -10.0),
              "Funk",
              "Disco",
              "Jazz-Funk"),
          s(
              "Boom Bap",
              HH,
              HIPHOP,
              3,
              bpm(80, 100, 90, 0),
              .58,
              era(1986, 1994, .35),
              3.6,
              snd(.74, .66, .55, .18, .02, .20, .28, -7.5),
              "Instrumental Hip Hop",
              "Trap",
              "Jazz-Funk",
              "Soul"),
          s(
              "Trap",
              HH,
              HIPHOP,
              3,
              bpm(130, 150, 140, .45),
              .60,
              era(2010, 0, 0),
              3.0,
              snd(.76, .66, .40, .10, .01, .17, .25, -6.0),
              "Boom Bap",
              "Dubstep",
              "Reggaeton"),
          s(
              "Instrumental Hip Hop",
              HH,
              HIPHOP,
              2,
              bpm(80, 100, 88, 0),
              .56,
              era(1995, 0, 0),
              2.8,
              snd(.72, .52, .45, .35, .82, .12, .10, -9.0),
              "Boom Bap",
              "Downtempo",
              "Jazz-Funk"),
          s(
              "Indie Rock",
              R,
              BAND,
              3,
              bpm(90, 160, 125, 0),
              .30,
              era(1985, 2006, .25),
              3.8,
              snd(.50, .72, .45, .15, .08, .16, .05, -6.8),
              "Post-Punk",
              "Shoegaze",
              "Indie Pop",
              "Psychedelic Rock"),
          s(
              "Post-Punk",
              R,
              BAND,
              1.5,
              bpm(110, 170, 140, 0),
              .50,
              era(1978, 1981, .35),
              4.0,
              snd(.52, .75, .42, .05, .20, .18, .05, -8.0),
              "Indie Rock",
              "Synth-pop",
              "Shoegaze"),
          s(
              "Shoegaze",
              R,
              BAND,
              1,
              bpm(80, 140, 115, 0),
              .40,
              era(1988, 1991, .3),
              4.8,
              snd(.35, .72, .25, .08, .45, .15, .04, -8.0),
              "Indie Rock",
              "Psychedelic Rock",
              "Ambient",
              "Post-Punk"),
          s(
              "Psychedelic Rock",
              R,
              BAND,
              1.5,
              bpm(80, 150, 115, 0),
              .40,
              era(1975, 1975, .2),
              5.5,
              snd(.42, .60, .45, .25, .25, .22, .05, -9.5),
              "Indie Rock",
              "Shoegaze",
              "Fusion"),
          s(
              "Jazz-Funk",
              J,
              BAND,
              1.5,
              bpm(90, 125, 108, 0),
              .48,
              era(1975, 1977, .4),
              5.8,
              snd(.66, .60, .68, .35, .60, .15, .05, -11.0),
              "Fusion",
              "Funk",
              "Soul"),
          s(
              "Fusion",
              J,
              BAND,
              1,
              bpm(80, 160, 120, 0),
              .50,
              era(1975, 1977, .35),
              6.5,
              snd(.52, .58, .52, .35, .75, .18, .05, -12.0),
              "Jazz-Funk",
              "Funk",
              "Psychedelic Rock"),
          s(
              "Dub",
              RG,
              BAND,
              1.5,
              bpm(65, 85, 75, 0),
              .45,
              era(1975, 1977, .3),
              4.8,
              snd(.76, .45, .62, .20, .65, .14, .10, -10.0),
              "Roots Reggae",
              "Dancehall",
              "Downtempo",
              "Dubstep"),
          s(
              "Dancehall",
              RG,
              BAND,
              1.5,
              bpm(88, 108, 98, 0),
              .45,
              era(1985, 1995, .2),
              3.4,
              snd(.82, .70, .70, .10, .02, .12, .18, -5.5),
              "Roots Reggae",
              "Reggaeton",
              "Dub"),
          s(
              "Roots Reggae",
              RG,
              BAND,
              1,
              bpm(65, 85, 76, 0),
              .35,
              era(1975, 1978, .4),
              4.2,
              snd(.78, .50, .75, .25, .05, .14, .09, -9.5),
              "Dub",
              "Dancehall"),
          s(
              "Synth-pop",
              P,
              BAND,
              2,
              bpm(100, 135, 120, 0),
              .40,
              era(1979, 1984, .4),
              4.2,
              snd(.66, .72, .60, .08, .10, .12, .04, -7.0),
              "Europop",
              "Indie Pop",
              "Post-Punk",
              "Electro",
              "Nu-Disco"),
          s(
              "Indie Pop",
              P,
              BAND,
              2,
              bpm(90, 140, 115, 0),
              .30,
              era(1985, 0, 0),
              3.6,
              snd(.60, .58, .55, .30, .06, .13, .04, -7.5),
              "Indie Rock",
              "Synth-pop"),
          s(
              "Europop",
              P,
              BAND,
              1,
              bpm(115, 140, 128, 0),
              .45,
              era(1985, 1998, .35),
              3.7,
              snd(.72, .82, .70, .05, .02, .15, .05, -5.0),
              "Synth-pop",
              "House",
              "Trance"),
          s(
              "Cumbia",
              L,
              BAND,
              1,
              bpm(85, 105, 95, 0),
              .35,
              era(1975, 0, 0),
              3.8,
              snd(.78, .70, .85, .35, .15, .20, .07, -7.5),
              "Reggaeton",
              "Bossa Nova",
              "Funk"),
          s(
              "Bossa Nova",
              L,
              BAND,
              1,
              bpm(120, 145, 134, 0),
              .40,
              era(1975, 1975, .2),
              3.4,
              snd(.60, .28, .55, .82, .25, .13, .05, -14.0),
              "Cumbia",
              "Soul",
              "Fusion"),
          s(
              "Reggaeton",
              L,
              HIPHOP,
              1.5,
              bpm(88, 100, 94, 0),
              .50,
              era(2000, 0, 0),
              3.5,
              snd(.80, .76, .66, .12, .01, .13, .12, -4.5),
              "Dancehall",
              "Trap",
              "Cumbia"));

  private static final Map<String, Integer> INDEX = new HashMap<>();

  static {
    for (int i = 0; i < ALL.size(); i++) {
      INDEX.put(ALL.get(i).name(), i);
    }
    for (StyleProfile p : ALL) {
      for (String n : p.neighbours()) {
        if (!INDEX.containsKey(n)) {
          throw new IllegalStateException(p.name() + " names unknown neighbour " + n);
        }
      }
    }
  }

  private Styles() {}

  /** Every style, in a fixed order that style indices refer to. */
  public static List<StyleProfile> all() {
    return ALL;
  }

  /** The style with this exact name. */
  public static StyleProfile byName(String name) {
    return ALL.get(indexOf(name));
  }

  /** The index of a style in {@link #all()}. */
  public static int indexOf(String name) {
    Integer i = INDEX.get(name);
    if (i == null) {
      throw new IllegalArgumentException("unknown style \"" + name + "\"");
    }
    return i;
  }

  private static StyleProfile s(
      String name,
      String genre,
      Scene scene,
      double weight,
      Bpm bpm,
      double minor,
      Era era,
      double minutes,
      Sound sound,
      String... neighbours) {
    return new StyleProfile(
        name, genre, scene, weight, bpm, minor, era, minutes, sound, List.of(neighbours));
  }

  private static Bpm bpm(int min, int max, int mode, double half) {
    return new Bpm(min, max, mode, half);
  }

  private static Era era(int from, int peak, double peakShare) {
    return new Era(from, peak, peakShare);
  }

  private static Sound snd(
      double d, double e, double v, double a, double i, double l, double s, double loud) {
    return new Sound(d, e, v, a, i, l, s, loud);
  }
}
