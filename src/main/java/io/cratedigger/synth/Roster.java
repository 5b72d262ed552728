package io.cratedigger.synth;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The fixed pools of artists and labels, built once from the seed. Each style owns a slice of each
 * pool, ordered by popularity rank and drawn with Zipf weights, so a few artists and labels carry
 * much of a style and thousands share the tail. Pool sizes do not depend on how many tracks are
 * generated, which keeps memory constant.
 */
final class Roster {

  /** Artists across all styles. */
  static final int ARTISTS = 30_000;

  /** Labels across all styles. */
  static final int LABELS = 3_000;

  // Below 1 the top of a pool stays large without one name swallowing a style.
  private static final double ARTIST_ZIPF = 0.8;
  private static final double LABEL_ZIPF = 0.9;

  // ISRC country codes by genre: where such records are typically registered.
  private static final String[] CLUB_COUNTRIES = {"GB", "DE", "NL", "US", "BE", "FR", "IT", "SE"};
  private static final String[] DEFAULT_COUNTRIES = {"US", "GB", "DE", "FR", "JP", "CA", "AU"};

  /**
   * One artist.
   *
   * @param popularity 0..90, from the artist's rank in its style
   * @param labels indices of one or two favourite labels
   * @param firstYear the year of the first release
   * @param energyBias shift of the artist's tracks' energy, in standard deviations
   * @param moodBias shift of valence
   * @param vocalBias shift toward vocals (negative instrumentalness)
   */
  record Artist(
      String name,
      int style,
      double popularity,
      int[] labels,
      int firstYear,
      double energyBias,
      double moodBias,
      double vocalBias) {}

  /**
   * One label; {@code index} is its place in the roster, {@code isrcPrefix} its country and
   * registrant code, e.g. {@code GBK7Q}.
   */
  record Label(int index, String name, int style, String isrcPrefix) {}

  private final Artist[] artists;
  private final Label[] labels;
  private final int[][] artistsByStyle;
  private final int[][] labelsByStyle;
  private final Weighted[] artistDraw;
  private final Weighted[] labelDraw;
  private final int[] isrcCounter;

  /** Builds the pools; all names are distinct within artists and within labels. */
  Roster(SplittableRandom rng, NameGenerator names) {
    List<StyleProfile> styles = Styles.all();
    int n = styles.size();
    int[] artistCounts = split(ARTISTS, styles);
    int[] labelCounts = split(LABELS, styles);
    artists = new Artist[sum(artistCounts)];
    labels = new Label[sum(labelCounts)];
    artistsByStyle = new int[n][];
    labelsByStyle = new int[n][];
    artistDraw = new Weighted[n];
    labelDraw = new Weighted[n];
    isrcCounter = new int[labels.length];

    Set<String> taken = new HashSet<>();
    int next = 0;
    for (int s = 0; s < n; s++) {
      StyleProfile style = styles.get(s);
      labelsByStyle[s] = new int[labelCounts[s]];
      String[] countries =
          style.scene() == StyleProfile.Scene.CLUB ? CLUB_COUNTRIES : DEFAULT_COUNTRIES;
      for (int r = 0; r < labelCounts[s]; r++) {
        String name = unique(taken, () -> names.label(style, rng));
        String prefix = countryFor(style, countries, rng) + registrant(rng);
        labels[next] = new Label(next, name, s, prefix);
        labelsByStyle[s][r] = next++;
      }
      labelDraw[s] = Weighted.zipf(labelCounts[s], LABEL_ZIPF);
    }

    taken.clear();
    next = 0;
    for (int s = 0; s < n; s++) {
      StyleProfile style = styles.get(s);
      artistsByStyle[s] = new int[artistCounts[s]];
      for (int r = 0; r < artistCounts[s]; r++) {
        String name = unique(taken, () -> names.artist(style, rng));
        // Popularity falls with rank like the draw weights, so frequent artists are popular.
        double popularity = 90 * style.scene().reach() * Math.pow(r + 1, -0.55);
        int[] favourite =
            rng.nextDouble() < 0.6
                ? new int[] {drawLabel(s, rng), drawLabel(s, rng)}
                : new int[] {drawLabel(s, rng)};
        int first =
            Math.max(
                style.era().from(), style.era().sample(rng) - (int) (rng.nextExponential() * 4));
        artists[next] =
            new Artist(
                name,
                s,
                popularity,
                favourite,
                first,
                0.5 * rng.nextGaussian(),
                0.5 * rng.nextGaussian(),
                0.7 * rng.nextGaussian());
        artistsByStyle[s][r] = next++;
      }
      artistDraw[s] = Weighted.zipf(artistCounts[s], ARTIST_ZIPF);
    }
  }

  /** An artist whose home style is {@code style}, drawn by popularity. */
  Artist artist(int style, RandomGenerator rng) {
    return artists[artistsByStyle[style][artistDraw[style].sample(rng)]];
  }

  /** An artist of {@code style} other than {@code not}; falls back to any when unlucky. */
  Artist otherArtist(int style, Artist not, RandomGenerator rng) {
    for (int tries = 0; tries < 4; tries++) {
      Artist a = artist(style, rng);
      if (a != not) {
        return a;
      }
    }
    int[] pool = artistsByStyle[style];
    return artists[pool[rng.nextInt(pool.length)]];
  }

  /** The label of a new release: mostly a favourite of the artist, else one of the style. */
  Label labelFor(Artist artist, RandomGenerator rng) {
    double u = rng.nextDouble();
    if (u < 0.55) {
      return labels[artist.labels()[0]];
    } else if (u < 0.75) {
      return labels[artist.labels()[artist.labels().length - 1]];
    }
    return labels[drawLabel(artist.style(), rng)];
  }

  /** Another label of the style, for reissues. */
  Label label(int style, RandomGenerator rng) {
    return labels[drawLabel(style, rng)];
  }

  /**
   * A new ISRC from the label's registrant: {@code CC XXX YY NNNNN} without separators. The
   * designation counts per label and wraps at 100,000, which real registrants avoid by using
   * several registrant codes; a rare repeat is harmless here.
   */
  String isrc(Label label, int year) {
    StringBuilder sb = new StringBuilder(12).append(label.isrcPrefix());
    int yy = year % 100;
    sb.append((char) ('0' + yy / 10)).append((char) ('0' + yy % 10));
    int n = isrcCounter[label.index()]++ % 100_000;
    for (int div = 10_000; div > 0; div /= 10) {
      sb.append((char) ('0' + (n / div) % 10));
    }
    return sb.toString();
  }

  int artistCount() {
    return artists.length;
  }

  int labelCount() {
    return labels.length;
  }

  private int drawLabel(int style, RandomGenerator rng) {
    return labelsByStyle[style][labelDraw[style].sample(rng)];
  }

  private static String countryFor(StyleProfile style, String[] countries, RandomGenerator rng) {
    // Reggae is registered in Jamaica and Latin music in Latin America more often than not.
    if (style.genre().equals("Reggae") && rng.nextDouble() < 0.6) {
      return "JM";
    }
    if (style.genre().equals("Latin") && rng.nextDouble() < 0.6) {
      String[] latin = {"BR", "CO", "MX", "AR"};
      return latin[rng.nextInt(latin.length)];
    }
    return countries[rng.nextInt(countries.length)];
  }

  private static String registrant(RandomGenerator rng) {
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
    char[] c = new char[3];
    for (int i = 0; i < 3; i++) {
      c[i] = alphabet.charAt(rng.nextInt(i == 0 ? 24 : alphabet.length()));
    }
    return new String(c);
  }

  private static String unique(Set<String> taken, Supplier<String> make) {
    String name = make.get();
    for (int tries = 0; !taken.add(name); tries++) {
      // After a few collisions, a second word makes room in a crowded pattern.
      name = tries < 20 ? make.get() : make.get() + " " + make.get();
    }
    return name;
  }

  /** Splits {@code total} over styles by weight, at least 20 each. */
  private static int[] split(int total, List<StyleProfile> styles) {
    double sum = 0;
    for (StyleProfile s : styles) {
      sum += s.weight();
    }
    int[] out = new int[styles.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.max(20, (int) Math.round(total * styles.get(i).weight() / sum));
    }
    return out;
  }

  private static int sum(int[] a) {
    int s = 0;
    for (int v : a) {
      s += v;
    }
    return s;
  }
}
