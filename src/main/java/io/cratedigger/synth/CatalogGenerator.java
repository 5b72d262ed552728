package io.cratedigger.synth;

import io.cratedigger.synth.StyleProfile.Scene;
import io.cratedigger.track.Track;
import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An endless, deterministic stream of synthetic tracks that look like a real catalog to a DJ:
 * releases (singles, EPs, albums, remix packages, reissues) by artists with home styles and
 * favourite labels, style-typical BPM, keys and audio features, and the same title coming back as
 * "(Original Mix)", remixes, edits, live takes and remasters.
 *
 * <p>The same seed gives the same tracks. Memory is constant: the artist and label pools are fixed
 * at construction, a release is at most 14 tracks, and the titles later versions refer to are kept
 * in a ring of 512 entries. Not thread-safe.
 *
 * <pre>{@code
 * CatalogGenerator gen = new CatalogGenerator(42);
 * for (int i = 0; i < n; i++) {
 *   writer.write(gen.next());
 * }
 * }</pre>
 */
public final class CatalogGenerator {

  /** The most tracks one release holds (a long album). */
  static final int MAX_RELEASE_TRACKS = 14;

  /** How many earlier originals remix packages and reissues can pick from. */
  static final int MEMORY = 512;

  private enum Kind {
    SINGLE,
    EP,
    ALBUM,
    REMIXES,
    REISSUE
  }

  // Release kinds per scene, in Kind order. Club music lives on singles and EPs with remixes;
  // bands release albums and get reissued.
  private static final Weighted[] KIND_MIX = {
    Weighted.of(.50, .35, .08, .07, 0), // CLUB
    Weighted.of(.20, .35, .40, .03, .02), // LISTENING
    Weighted.of(.45, .15, .37, .03, 0), // HIP_HOP
    Weighted.of(.30, .10, .48, .02, .10) // BAND
  };

  // Versions per scene, in Version order: ORIGINAL (never), REMIX, EXTENDED, RADIO_EDIT, DUB,
  // INSTRUMENTAL, LIVE, REMASTER (only on reissues).
  private static final Weighted[] VERSION_MIX = {
    Weighted.of(0, .60, .10, .12, .18, 0, 0, 0), // CLUB
    Weighted.of(0, .70, .05, .15, .10, 0, 0, 0), // LISTENING
    Weighted.of(0, .35, 0, .25, 0, .40, 0, 0), // HIP_HOP
    Weighted.of(0, .25, .15, .30, 0, 0, .30, 0) // BAND
  };
  private static final Weighted REGGAE_VERSIONS = Weighted.of(0, .15, .05, .20, .45, 0, .15, 0);

  private static final Kind[] KINDS = Kind.values();
  private static final Version[] VERSIONS = Version.values();

  private static final String[] REISSUE_SUFFIXES = {
    " (Remastered)", " (Deluxe Edition)", " (Expanded Edition)"
  };

  private final SplittableRandom rng;
  private final NameGenerator names = new NameGenerator();
  private final Roster roster;
  private final SoundSampler sound = new SoundSampler();
  private final TrackMaker maker;
  private final Weighted styleDraw;
  private final List<StyleProfile> styles = Styles.all();
  private final StyleTags tags = new StyleTags();
  private final ArrayDeque<Track> pending = new ArrayDeque<>(MAX_RELEASE_TRACKS);
  private final Origin[] memory = new Origin[MEMORY];
  private final EnumSet<Version> usedVersions = EnumSet.noneOf(Version.class);
  private final Roster.Artist[] usedRemixers = new Roster.Artist[MAX_RELEASE_TRACKS];
  private int remixerCount;
  private int remembered;
  private int memoryCursor;

  /** A generator whose whole output is determined by {@code seed}. */
  public CatalogGenerator(long seed) {
    SplittableRandom root = new SplittableRandom(seed);
    // Separate streams, so changing how pools are built does not shift every track after.
    roster = new Roster(root.split(), names);
    rng = root.split();
    maker = new TrackMaker(roster, sound, rng);
    double[] weights = new double[styles.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = styles.get(i).weight();
    }
    styleDraw = Weighted.of(weights);
  }

  /** The next track; ids run {@code syn1}, {@code syn2}, ... */
  public Track next() {
    while (pending.isEmpty()) {
      planRelease();
    }
    return pending.removeFirst();
  }

  private void planRelease() {
    int style = styleDraw.sample(rng);
    usedVersions.clear();
    remixerCount = 0;
    Kind kind = KINDS[KIND_MIX[styles.get(style).scene().ordinal()].sample(rng)];
    switch (kind) {
      case SINGLE -> single(style);
      case EP -> ep(style);
      case ALBUM -> album(style);
      case REMIXES -> remixes(style);
      case REISSUE -> reissue(style);
    }
  }

  /** A lead title with B-sides or versions of it: 1–4 tracks, the album named after the lead. */
  private void single(int style) {
    Scene scene = styles.get(style).scene();
    Roster.Artist a = roster.artist(style, rng);
    String base = names.title(scene, rng);
    boolean clubNaming = scene == Scene.CLUB && rng.nextDouble() < 0.8;
    Release r = release(a, roster.labelFor(a, rng), artistYear(a), base);
    double u = rng.nextDouble();
    int tracks = u < 0.25 ? 1 : u < 0.6 ? 2 : u < 0.87 ? 3 : 4;
    Origin[] made = new Origin[tracks];
    made[0] = original(r, style, base, clubNaming);
    int originals = 1;
    double versionShare = scene == Scene.CLUB ? 0.75 : 0.5;
    for (int i = 1; i < tracks; i++) {
      if (rng.nextDouble() < versionShare) {
        pending.add(versionOf(made[0], r));
      } else {
        made[originals] = original(r, style, freshTitle(scene, made, originals), clubNaming);
        originals++;
      }
    }
  }

  /** Two to four originals, then up to two versions of them; 2–5 tracks. */
  private void ep(int style) {
    Scene scene = styles.get(style).scene();
    Roster.Artist a = roster.artist(style, rng);
    String lead = names.title(scene, rng);
    String album = (rng.nextBoolean() ? lead : names.albumTitle(scene, rng)) + " EP";
    boolean clubNaming = scene == Scene.CLUB && rng.nextDouble() < 0.6;
    Release r = release(a, roster.labelFor(a, rng), artistYear(a), album);
    int originals = 2 + rng.nextInt(3);
    int versions = Math.min(5 - originals, rng.nextInt(3));
    Origin[] made = new Origin[originals];
    for (int i = 0; i < originals; i++) {
      made[i] = original(r, style, i == 0 ? lead : freshTitle(scene, made, i), clubNaming);
    }
    for (int i = 0; i < versions; i++) {
      pending.add(versionOf(made[rng.nextInt(originals)], r));
    }
  }

  /** 8–14 tracks, mostly originals; some tracks lean to one of the album's other styles. */
  private void album(int style) {
    Scene scene = styles.get(style).scene();
    Roster.Artist a = roster.artist(style, rng);
    Release r = release(a, roster.labelFor(a, rng), artistYear(a), names.albumTitle(scene, rng));
    int tracks = 8 + rng.nextInt(MAX_RELEASE_TRACKS - 7);
    int bonus = rng.nextDouble() < 0.15 ? 1 + rng.nextInt(2) : 0;
    int[] set = r.styles();
    Origin[] made = new Origin[tracks - bonus];
    for (int i = 0; i < made.length; i++) {
      int main =
          set.length > 1 && rng.nextDouble() < 0.15 ? set[1 + rng.nextInt(set.length - 1)] : set[0];
      made[i] = original(r, main, freshTitle(scene, made, i), false);
    }
    for (int i = 0; i < bonus; i++) {
      pending.add(versionOf(made[rng.nextInt(made.length)], r));
    }
  }

  /** A remix package of an earlier title: "Title (Remixes)", 2–5 remixes, same artist. */
  private void remixes(int style) {
    if (remembered == 0) {
      single(style);
      return;
    }
    Origin o = memory[rng.nextInt(remembered)];
    int year = Math.min(StyleProfile.LAST_YEAR, o.track().year() + rng.nextInt(3));
    Roster.Label label = rng.nextDouble() < 0.8 ? o.label() : roster.labelFor(o.artist(), rng);
    Release r = release(o.artist(), label, year, o.base() + " (Remixes)");
    int tracks = 2 + rng.nextInt(4);
    for (int i = 0; i < tracks; i++) {
      pending.add(maker.version(o, r, Version.REMIX, remixer(o)));
    }
  }

  /** A remaster of an older band or listening record, sometimes with a live take. */
  private void reissue(int style) {
    Origin o = null;
    for (int tries = 0; tries < 12 && remembered > 0 && o == null; tries++) {
      Origin c = memory[rng.nextInt(remembered)];
      boolean band = styles.get(c.style()).scene() != Scene.CLUB;
      if (band && c.track().year() <= StyleProfile.LAST_YEAR - 10) {
        o = c;
      }
    }
    if (o == null) {
      album(style);
      return;
    }
    int from = o.track().year() + 10;
    int year = from + rng.nextInt(StyleProfile.LAST_YEAR - from + 1);
    Roster.Label label = rng.nextDouble() < 0.6 ? o.label() : roster.label(o.style(), rng);
    String album = o.track().album() + REISSUE_SUFFIXES[rng.nextInt(REISSUE_SUFFIXES.length)];
    Release r = release(o.artist(), label, year, album);
    pending.add(maker.version(o, r, Version.REMASTER, null));
    if (rng.nextDouble() < 0.4) {
      pending.add(maker.version(o, r, Version.LIVE, null));
    }
  }

  /** A title not yet used by the first {@code count} originals of the release. */
  private String freshTitle(Scene scene, Origin[] made, int count) {
    String title = names.title(scene, rng);
    for (int tries = 0; tries < 8 && used(title, made, count); tries++) {
      title = names.title(scene, rng);
    }
    return title;
  }

  private static boolean used(String title, Origin[] made, int count) {
    for (int i = 0; i < count; i++) {
      if (made[i].base().equals(title)) {
        return true;
      }
    }
    return false;
  }

  private Origin original(Release r, int style, String base, boolean clubNaming) {
    Origin o = maker.original(r, style, base, clubNaming);
    pending.add(o.track());
    memory[memoryCursor] = o;
    memoryCursor = (memoryCursor + 1) % MEMORY;
    remembered = Math.min(MEMORY, remembered + 1);
    return o;
  }

  /** A version of {@code o} fitting its scene, not repeating a non-remix version in a release. */
  private Track versionOf(Origin o, Release r) {
    StyleProfile p = styles.get(o.style());
    Weighted mix = p.genre().equals("Reggae") ? REGGAE_VERSIONS : VERSION_MIX[p.scene().ordinal()];
    Version v = VERSIONS[mix.sample(rng)];
    for (int tries = 0; tries < 4 && v != Version.REMIX && usedVersions.contains(v); tries++) {
      v = VERSIONS[mix.sample(rng)];
    }
    if (usedVersions.contains(v) && v != Version.REMIX) {
      v = Version.REMIX;
    }
    usedVersions.add(v);
    return maker.version(o, r, v, v == Version.REMIX ? remixer(o) : null);
  }

  /**
   * A remixer from the original's style or, 30 % of the time, a neighbouring one; not the original
   * artist, and not twice on one release when another can be found.
   */
  private Roster.Artist remixer(Origin o) {
    Roster.Artist pick = null;
    for (int tries = 0; tries < 4 && (pick == null || remixedHere(pick)); tries++) {
      int style = o.style();
      int[] near = tags.neighbours(style);
      if (near.length > 0 && rng.nextDouble() < 0.3) {
        style = near[rng.nextInt(near.length)];
      }
      pick = roster.otherArtist(style, o.artist(), rng);
    }
    if (remixerCount < usedRemixers.length) {
      usedRemixers[remixerCount++] = pick;
    }
    return pick;
  }

  private boolean remixedHere(Roster.Artist a) {
    for (int i = 0; i < remixerCount; i++) {
      if (usedRemixers[i] == a) {
        return true;
      }
    }
    return false;
  }

  private Release release(Roster.Artist a, Roster.Label label, int year, String album) {
    int[] set = tags.pick(a.style(), year, rng);
    return new Release(a, label, year, sound.releaseDate(year, rng), album, set, tags.genres(set));
  }

  /** A release year in the artist's career: mostly the first few years after the debut. */
  private int artistYear(Roster.Artist a) {
    int year = a.firstYear() + (int) (rng.nextExponential() * 5);
    if (year > StyleProfile.LAST_YEAR) {
      year = a.firstYear() + rng.nextInt(StyleProfile.LAST_YEAR - a.firstYear() + 1);
    }
    return year;
  }
}
