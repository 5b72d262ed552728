package io.cratedigger.synth;

import static org.assertj.core.api.Assertions.assertThat;

import io.cratedigger.track.Track;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CatalogGeneratorTest {

  private static final int N = 20_000;
  private static List<Track> sample;

  @BeforeAll
  static void generate() {
    // Every next() runs Track's validating constructor, so reaching N proves all builds passed.
    CatalogGenerator gen = new CatalogGenerator(2024);
    sample = new ArrayList<>(N);
    for (int i = 0; i < N; i++) {
      sample.add(gen.next());
    }
  }

  @Test
  void sameSeedGivesIdenticalTracks() {
    CatalogGenerator a = new CatalogGenerator(7);
    CatalogGenerator b = new CatalogGenerator(7);
    for (int i = 0; i < 1_000; i++) {
      assertThat(b.next()).isEqualTo(a.next());
    }
  }

  @Test
  void differentSeedsGiveDifferentTracks() {
    CatalogGenerator a = new CatalogGenerator(1);
    CatalogGenerator b = new CatalogGenerator(2);
    int sameTitle = 0;
    for (int i = 0; i < 200; i++) {
      Track x = a.next();
      Track y = b.next();
      assertThat(y.id()).isEqualTo(x.id());
      sameTitle += x.title().equals(y.title()) ? 1 : 0;
    }
    assertThat(sameTitle).isLessThan(20);
  }

  @Test
  void idsCountUpFromOne() {
    for (int i = 0; i < N; i++) {
      assertThat(sample.get(i).id()).isEqualTo("syn" + (i + 1));
    }
  }

  @Test
  void everyTempoFitsItsMainStyle() {
    int checked = 0;
    for (Track t : sample) {
      if (t.tempo() != null) {
        StyleProfile main = Styles.byName(t.styles().getFirst());
        assertThat(main.bpm().accepts(t.tempo()))
            .as("%s %s at %s BPM", t.id(), main.name(), t.tempo())
            .isTrue();
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(N * 95 / 100);
  }

  @Test
  void houseAndDrumAndBassStayInTheirDeclaredRanges() {
    StyleProfile house = Styles.byName("House");
    StyleProfile dnb = Styles.byName("Drum n Bass");
    assertThat(house.bpm()).isEqualTo(new StyleProfile.Bpm(118, 128, 124, 0));
    assertThat(dnb.bpm()).isEqualTo(new StyleProfile.Bpm(165, 178, 174, 0));
    int houses = 0;
    int dnbs = 0;
    for (Track t : sample) {
      String main = t.styles().getFirst();
      if (t.tempo() == null) {
        continue;
      }
      if (main.equals("House")) {
        assertThat(t.tempo()).isBetween(118.0, 128.0);
        houses++;
      } else if (main.equals("Drum n Bass")) {
        assertThat(t.tempo()).isBetween(165.0, 178.0);
        dnbs++;
      }
    }
    assertThat(houses).isGreaterThan(500);
    assertThat(dnbs).isGreaterThan(300);
  }

  @Test
  void mostElectronicTempiAreWholeNumbersAndBandTempiAreNot() {
    int clubWhole = 0;
    int club = 0;
    int bandWhole = 0;
    int band = 0;
    for (Track t : sample) {
      if (t.tempo() == null) {
        continue;
      }
      StyleProfile.Scene scene = Styles.byName(t.styles().getFirst()).scene();
      boolean whole = t.tempo() == Math.rint(t.tempo());
      if (scene == StyleProfile.Scene.CLUB) {
        club++;
        clubWhole += whole ? 1 : 0;
      } else if (scene == StyleProfile.Scene.BAND) {
        band++;
        bandWhole += whole ? 1 : 0;
      }
    }
    assertThat((double) clubWhole / club).isGreaterThan(0.75);
    assertThat((double) bandWhole / band).isLessThan(0.1);
  }

  @Test
  void electronicKeysAreMostlyMinorAndSomeTracksHaveNone() {
    int electronic = 0;
    int minor = 0;
    int noKey = 0;
    int[] pitch = new int[12];
    for (Track t : sample) {
      if (t.key() == null) {
        noKey++;
        continue;
      }
      pitch[t.key().pitchClass()]++;
      if (t.genres().getFirst().equals("Electronic")) {
        electronic++;
        minor += t.key().major() ? 0 : 1;
      }
    }
    assertThat((double) minor / electronic).isBetween(0.53, 0.66);
    assertThat((double) noKey / N).isBetween(0.01, 0.035);
    // Not uniform: the most common pitch class is well ahead of the least common.
    int max = 0;
    int min = Integer.MAX_VALUE;
    for (int c : pitch) {
      max = Math.max(max, c);
      min = Math.min(min, c);
    }
    assertThat((double) max / min).isGreaterThan(1.4);
  }

  @Test
  void aFewTracksHaveNoFeaturesOrNoTempo() {
    long noFeatures = sample.stream().filter(t -> !t.hasAudioFeatures()).count();
    long noTempo = sample.stream().filter(t -> t.tempo() == null).count();
    assertThat((double) noFeatures / N).isBetween(0.015, 0.05);
    assertThat((double) noTempo / N).isBetween(0.003, 0.02);
  }

  @Test
  void energyGoesWithLoudnessAndAgainstAcousticness() {
    List<Track> withFeatures = sample.stream().filter(Track::hasAudioFeatures).toList();
    assertThat(pearson(withFeatures, Track::energy, Track::loudness)).isGreaterThan(0.5);
    assertThat(pearson(withFeatures, Track::energy, Track::acousticness)).isLessThan(-0.3);
  }

  @Test
  void featuresAreRoundedAndHipHopTalksMoreThanTechno() {
    double hipHopSpeech = 0;
    int hipHop = 0;
    double technoSpeech = 0;
    int techno = 0;
    for (Track t : sample) {
      if (!t.hasAudioFeatures()) {
        continue;
      }
      assertThat(t.energy() * 1000).isCloseTo(Math.rint(t.energy() * 1000), within());
      assertThat(t.loudness() * 100).isCloseTo(Math.rint(t.loudness() * 100), within());
      String main = t.styles().getFirst();
      if (main.equals("Boom Bap") || main.equals("Trap")) {
        hipHopSpeech += t.speechiness();
        hipHop++;
      } else if (main.equals("Techno")) {
        technoSpeech += t.speechiness();
        techno++;
      }
    }
    assertThat(hipHopSpeech / hipHop).isGreaterThan(2 * technoSpeech / techno);
  }

  @Test
  void manyArtistsAndLabelsWithALongTail() {
    Map<String, Integer> byArtist = new HashMap<>();
    Set<String> labels = new HashSet<>();
    for (Track t : sample) {
      byArtist.merge(t.artists().getFirst(), 1, Integer::sum);
      labels.add(t.label());
    }
    assertThat(byArtist).hasSizeGreaterThan(2_000);
    assertThat(labels).hasSizeGreaterThan(500);
    int top = byArtist.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
    long once = byArtist.values().stream().filter(c -> c <= 2).count();
    assertThat(top).isBetween(40, N / 20);
    assertThat(once).isGreaterThan(byArtist.size() / 5);
  }

  @Test
  void remixesCreditTheirRemixerAndKeepTheOriginalArtist() {
    Map<String, List<String>> artistsByBase = new HashMap<>();
    for (Track t : sample) {
      if (t.remixers().isEmpty()) {
        artistsByBase.putIfAbsent(base(t.title()) + "|" + t.artists(), t.artists());
      }
    }
    int remixes = 0;
    for (Track t : sample) {
      if (t.title().endsWith(" Remix)")) {
        remixes++;
        assertThat(t.remixers()).hasSize(1);
        assertThat(t.title()).endsWith("(" + t.remixers().getFirst() + " Remix)");
        assertThat(artistsByBase).containsKey(base(t.title()) + "|" + t.artists());
      } else {
        assertThat(t.remixers()).isEmpty();
      }
    }
    assertThat(remixes).isGreaterThan(N / 30);
  }

  @Test
  void editsAndDubsKeepTheRecordingsKeyAndTempo() {
    Map<String, Track> originals = new HashMap<>();
    for (Track t : sample) {
      if (t.title().equals(base(t.title())) || t.title().endsWith(" (Original Mix)")) {
        originals.put(base(t.title()) + "|" + t.artists() + "|" + release(t), t);
      }
    }
    int checked = 0;
    for (Track t : sample) {
      String title = t.title();
      if (title.endsWith(" (Radio Edit)")
          || title.endsWith(" (Extended Mix)")
          || title.endsWith(" (Dub)")) {
        Track o = originals.get(base(title) + "|" + t.artists() + "|" + release(t));
        if (o != null) {
          assertThat(t.key()).isEqualTo(o.key());
          assertThat(t.tempo()).isEqualTo(o.tempo());
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(100);
  }

  @Test
  void releasesGroupSeveralTracksThatShareArtistAndYear() {
    Map<String, List<Track>> releases = new HashMap<>();
    for (Track t : sample) {
      releases.computeIfAbsent(release(t), k -> new ArrayList<>()).add(t);
    }
    int albums = 0;
    int eps = 0;
    for (List<Track> r : releases.values()) {
      if (r.size() >= 8) {
        albums++;
      } else if (r.size() >= 2) {
        eps++;
      }
      // Track titles (with their version suffix, so also remixers) do not repeat on a release.
      assertThat(r.stream().map(Track::title).distinct().count()).isEqualTo(r.size());
      Track first = r.getFirst();
      for (Track t : r) {
        assertThat(t.artists().getFirst()).isEqualTo(first.artists().getFirst());
        assertThat(t.year()).isEqualTo(first.year());
      }
    }
    assertThat(albums).isGreaterThan(100);
    assertThat(eps).isGreaterThan(500);
  }

  @Test
  void versionTitlesTakeTheUsualForms() {
    Set<String> forms = new HashSet<>();
    Pattern remaster = Pattern.compile(".+ \\(Remastered (19|20)\\d\\d\\)");
    for (Track t : sample) {
      String title = t.title();
      for (String f :
          List.of(" (Original Mix)", " (Radio Edit)", " (Extended Mix)", " (Dub)", " - Live")) {
        if (title.endsWith(f)) {
          forms.add(f);
        }
      }
      if (remaster.matcher(title).matches()) {
        forms.add("remaster");
        String year = title.substring(title.length() - 5, title.length() - 1);
        assertThat(Integer.parseInt(year)).isEqualTo(t.year());
      }
    }
    assertThat(forms)
        .contains(
            " (Original Mix)", " (Radio Edit)", " (Extended Mix)", " (Dub)", " - Live", "remaster");
  }

  @Test
  void datesYearsDurationsAndIsrcsArePlausible() {
    Pattern isrc = Pattern.compile("[A-Z]{2}[A-Z0-9]{3}\\d{7}");
    int withIsrc = 0;
    for (Track t : sample) {
      assertThat(t.year()).isBetween(1975, StyleProfile.LAST_YEAR);
      assertThat(LocalDate.parse(t.releaseDate()).getYear()).isEqualTo(t.year());
      assertThat(t.durationMs()).isBetween(60_000, 30 * 60_000);
      assertThat(t.popularity()).isBetween(0, 100);
      assertThat(t.previewUrl()).isNull();
      assertThat(t.genres()).hasSizeBetween(1, 2);
      assertThat(t.styles()).hasSizeBetween(1, 3);
      assertThat(t.timeSignature()).isIn(3, 4, 5);
      if (t.styles().getFirst().equals("Dubstep")) {
        assertThat(t.year()).isGreaterThanOrEqualTo(2006);
      }
      if (t.title().endsWith(" (Radio Edit)")) {
        assertThat(t.durationMs()).isLessThanOrEqualTo(252_000);
      }
      if (t.isrc() != null) {
        withIsrc++;
        assertThat(t.isrc()).matches(isrc);
      }
    }
    assertThat((double) withIsrc / N).isBetween(0.5, 0.95);
  }

  @Test
  void someTitlesCarryDiacritics() {
    long accented = sample.stream().filter(t -> !t.title().chars().allMatch(c -> c < 128)).count();
    assertThat(accented).isGreaterThan(N / 100);
  }

  /**
   * What identifies a release in the CSV: album, label and date. An artist may put out two singles
   * of one title (a re-release), so the album alone is not enough.
   */
  private static String release(Track t) {
    return t.album() + "|" + t.label() + "|" + t.releaseDate();
  }

  /** The title without a version suffix. */
  private static String base(String title) {
    if (title.endsWith(" - Live")) {
      return title.substring(0, title.length() - " - Live".length());
    }
    int paren = title.lastIndexOf(" (");
    return paren > 0 && title.endsWith(")") ? title.substring(0, paren) : title;
  }

  private static double pearson(
      List<Track> tracks, ToDoubleFunction<Track> x, ToDoubleFunction<Track> y) {
    double mx = tracks.stream().mapToDouble(x).average().orElseThrow();
    double my = tracks.stream().mapToDouble(y).average().orElseThrow();
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (Track t : tracks) {
      double dx = x.applyAsDouble(t) - mx;
      double dy = y.applyAsDouble(t) - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-6);
  }
}
