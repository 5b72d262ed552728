package io.cratedigger.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.cratedigger.Fixtures;
import io.cratedigger.track.Track;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * One hand-written fixture per export format (src/test/resources/formats, described row by row in
 * EXPECTED.md there): the detected format, the counts, the exact reasons, and the exact values of
 * the awkward cells.
 */
class FormatFixturesTest {
  private static final Importer IMPORTER = new Importer(FormatRegistry.bundled());

  /** What reading a fixture gave: its report and its distinct tracks by id. */
  record Read(ImportReport report, Map<String, Track> tracks) {
    Track track(String id) {
      assertThat(tracks).containsKey(id);
      return tracks.get(id);
    }
  }

  static Read read(String name) throws Exception {
    CatalogReader reader = new CatalogReader(IMPORTER);
    var scan = reader.scan(List.of(Fixtures.format(name)), "auto", p -> Function.identity());
    Map<String, Track> tracks = new LinkedHashMap<>();
    reader.read(scan, p -> Function.identity(), t -> tracks.put(t.id(), t));
    ImportReport report = scan.reports().getFirst();
    assertThat(tracks).hasSize((int) report.tracksKept());
    return new Read(report, tracks);
  }

  @Test
  void exportify() throws Exception {
    Read r = read("exportify.csv");
    ImportReport rep = r.report();
    assertThat(rep.format()).isEqualTo("exportify");
    assertThat(rep.rowsRead()).isEqualTo(12);
    assertThat(rep.tracksKept()).isEqualTo(10);
    assertThat(rep.skipped()).containsOnly(entry("missing id", 1L), entry("missing title", 1L));
    assertThat(rep.dropped()).containsOnly(entry("danceability is outside 0..1", 1L));
    assertThat(rep.samples())
        .containsExactly(
            "line 10: danceability \"1.7\" is outside 0..1",
            "line 12: no id (Track URI is blank)",
            "line 13: no title for id \"spotify:track:wYDFHL3tVTNYTHPzpppp6u\"");
    assertThat(rep.columns())
        .containsEntry("id", "Track URI")
        .containsEntry("label", "Record Label");
    assertThat(rep.ignoredColumns()).containsExactly("Explicit", "Added By", "Added At");
    assertThat(rep.withAudioFeatures()).isEqualTo(9);
    assertThat(rep.withBpm()).isEqualTo(8);
    assertThat(rep.withKey()).isEqualTo(9);

    Track showMe = r.track("spotify:track:kY9pF34Qy6nB3Wwd25rq4f");
    assertThat(showMe.album()).isEqualTo("2000");
    assertThat(showMe.year()).isEqualTo(2022);
    assertThat(showMe.key().name()).isEqualTo("F# major");
    assertThat(showMe.instrumentalness()).isEqualTo(0.00000436);
    assertThat(r.track("spotify:track:5zr3QA7YeEEBY3ABp3e2zS").artists())
        .containsExactly("Tyler, The Creator", "Kali Uchis");
    Track windowlicker = r.track("spotify:track:8iq9y7AjzQHb6BAEcn6zJ4");
    assertThat(windowlicker.genres()).containsExactly("idm", "electronica", "braindance");
    assertThat(windowlicker.releaseDate()).isEqualTo("1999");
    assertThat(windowlicker.key().camelot()).isEqualTo("8A");
    assertThat(r.track("spotify:track:A3DdvHyrNktBXtnjfObINf").tempo()).isNull();
    Track cafe = r.track("spotify:track:5AjxvUlKsiC47wqaMl9Xvq");
    assertThat(cafe.title()).isEqualTo("Café del Mar");
    assertThat(cafe.genres()).isEmpty();
    assertThat(cafe.year()).isNull();
    assertThat(cafe.releaseDate()).isNull();
    assertThat(r.track("spotify:track:2ZG4MzAOUQklImCvBPt4R5").title())
        .isEqualTo("Harder, Better, Faster, Stronger (The Neptunes \"Strong\" Remix)");
    Track marea = r.track("spotify:track:YhuIG43KIjFAHQsiJoUGm1");
    assertThat(marea.releaseDate()).isEqualTo("2021-07-02");
    assertThat(marea.artists()).containsExactly("Fred again..", "The Blessed Madonna");
    Track noFeatures = r.track("spotify:track:YtmaD7v3dNi8LfppWTv5as");
    assertThat(noFeatures.hasAudioFeatures()).isFalse();
    assertThat(noFeatures.key()).isNull();
    assertThat(noFeatures.durationMs()).isEqualTo(1213573);
    Track glue = r.track("spotify:track:pzhU8QrTzhJqmHUoZe95b9");
    assertThat(glue.danceability()).isNull();
    assertThat(glue.energy()).isEqualTo(0.583);
    assertThat(glue.key().camelot()).isEqualTo("1A");
  }

  @Test
  void exportifyOld() throws Exception {
    Read r = read("exportify-old.csv");
    assertThat(r.report().format()).isEqualTo("exportify-old");
    assertThat(r.report().rowsRead()).isEqualTo(7);
    assertThat(r.report().tracksKept()).isEqualTo(7);
    assertThat(r.report().samples()).containsExactly("line 6: durationMs \"abc\" is not a number");
    assertThat(r.report().withAudioFeatures()).isZero();
    assertThat(r.track("spotify:track:eDPOMScPfQpLPecxvmK11O").artists())
        .containsExactly("Daft Punk", "Pharrell Williams", "Nile Rodgers");
    assertThat(r.track("spotify:track:hugcICZmsPXKmZn5e6eucl").artists())
        .containsExactly("Tyler, The Creator", "Frank Ocean");
    Track oneMoreTime = r.track("spotify:track:MxjFT5ISgxnWamNeyyNwlE");
    assertThat(oneMoreTime.isrc()).isEqualTo("GBDUW0000053");
    assertThat(oneMoreTime.previewUrl()).startsWith("https://p.scdn.co/mp3-preview/");
    assertThat(oneMoreTime.durationMs()).isEqualTo(320357);
    assertThat(r.track("spotify:track:duDVDR0uWFmPF5RG7WoOJM").previewUrl()).isNull();
    assertThat(r.track("spotify:track:cuUbrOEl5PYKptpLY5Kaa8").durationMs()).isNull();
  }

  @Test
  void discogsCollection() throws Exception {
    Read r = read("discogs-collection.csv");
    assertThat(r.report().format()).isEqualTo("discogs-collection");
    assertThat(r.report().rowsRead()).isEqualTo(9);
    assertThat(r.report().tracksKept()).isEqualTo(9);
    assertThat(r.report().skipped()).isEmpty();
    assertThat(r.report().dropped()).isEmpty();
    Track orca = r.track("2469079_A1");
    assertThat(orca.styles()).containsExactly("Breakbeat", "Techno", "Ambient");
    assertThat(orca.durationMs()).isEqualTo(341_000);
    assertThat(orca.key().name()).isEqualTo("D minor");
    assertThat(r.track("2469079_B1").key().camelot()).isEqualTo("1A");
    assertThat(r.track("2469079_C1").key().camelot()).isEqualTo("7B"); // from Spotify_key/mode
    assertThat(r.track("1154832_B2").key().camelot()).isEqualTo("3B");
    assertThat(r.track("1154832_B2").timeSignature()).isEqualTo(3);
    assertThat(r.track("7062543_A2").genres())
        .containsExactly("Electronic", "Folk, World, & Country");
    assertThat(r.track("7062543_A2").key().camelot()).isEqualTo("11A");
    assertThat(r.track("5879402_A").durationMs()).isEqualTo(1_213_000);
    assertThat(r.track("5879402_A").key().camelot()).isEqualTo("6B");
    Track tezeta = r.track("1948532_A1");
    assertThat(tezeta.genres()).containsExactly("Jazz", "Folk, World, & Country");
    assertThat(tezeta.title()).isEqualTo("Yègellé Tezeta");
    assertThat(tezeta.hasAudioFeatures()).isFalse();
    assertThat(tezeta.key()).isNull();
  }

  @Test
  void beatportChartsMergeTheSameTrackAcrossCharts() throws Exception {
    Read r = read("beatport-charts.csv");
    assertThat(r.report().format()).isEqualTo("beatport-charts");
    assertThat(r.report().rowsRead()).isEqualTo(11);
    assertThat(r.report().merged()).isEqualTo(3);
    assertThat(r.report().tracksKept()).isEqualTo(8);
    assertThat(r.report().samples()).containsExactly("line 12: tempo \"n/a\" is not a number");
    Map<String, Track> byTitleLabel = new LinkedHashMap<>();
    r.tracks().values().forEach(t -> byTitleLabel.put(t.title() + " / " + t.label(), t));
    assertThat(r.tracks().keySet()).allMatch(id -> id.matches("beatport:[0-9a-f]{16}"));
    Track atlas = byTitleLabel.get("Atlas / Ninja Tune");
    assertThat(atlas.styles()).containsExactly("Electronica");
    assertThat(atlas.genres()).isEmpty();
    assertThat(atlas.tempo()).isEqualTo(128.0);
    assertThat(atlas.key().camelot()).isEqualTo("9A");
    Track innerbloom = byTitleLabel.get("Innerbloom (What So Not Remix) / Sweat It Out");
    Track strobe = byTitleLabel.get("Strobe (Michael Cassette Remix) / mau5trap");
    assertThat(innerbloom.key()).isEqualTo(strobe.key()); // A# Minor = Bb Minor = 3A
    assertThat(strobe.remixers()).containsExactly("Michael Cassette");
    assertThat(byTitleLabel.get("Kerala (Dixon & Âme Remix) / Ninja Tune").remixers())
        .containsExactly("Dixon", "Âme");
    assertThat(byTitleLabel)
        .containsKeys("Café del Mar / Eye Q Records", "Café del Mar / Hooj Choons");
    assertThat(byTitleLabel.get("Archangel / Hyperdub").tempo()).isNull();
  }

  @Test
  void kaggle12m() throws Exception {
    Read r = read("kaggle-1.2m.csv");
    assertThat(r.report().format()).isEqualTo("kaggle-spotify-1.2m");
    assertThat(r.report().tracksKept()).isEqualTo(9);
    assertThat(r.report().dropped()).isEmpty();
    assertThat(r.report().withKey()).isEqualTo(8);
    assertThat(r.track("8lZzKRrfaYG5lzIy7fUzZu").artists())
        .containsExactly("Rage Against The Machine");
    assertThat(r.track("8lZzKRrfaYG5lzIy7fUzZu").instrumentalness()).isEqualTo(0.0000261);
    assertThat(r.track("8lZzKRrfaYG5lzIy7fUzZu").timeSignature()).isEqualTo(4);
    assertThat(r.track("o2qUQGuMzUgyhI5odVgS9w").artists()).containsExactly("Method Man", "Redman");
    assertThat(r.track("AON3Q2CMB6k18m5aSddZrk").artists()).containsExactly("Guns N' Roses");
    assertThat(r.track("32kLruQaBXqnfZk2GisQbp").key()).isNull();
    assertThat(r.track("32kLruQaBXqnfZk2GisQbp").tempo()).isEqualTo(166.217);
    assertThat(r.track("C4MBPwtyM7X4ruH9FPj7D1").releaseDate()).isEqualTo("1999");
    assertThat(r.track("rZ5qIhuCIyKzbxyjgV5eU3").releaseDate()).isEqualTo("1999-10-01");
    assertThat(r.track("jg7ZQB5R5ZO2KuZXE2wghy").artists())
        .containsExactly("Tyler, The Creator", "Frank Ocean");
  }

  @Test
  void kaggle114kMergesGenresOfRepeatedIds() throws Exception {
    Read r = read("kaggle-114k.csv");
    assertThat(r.report().format()).isEqualTo("kaggle-spotify-114k");
    assertThat(r.report().rowsRead()).isEqualTo(10);
    assertThat(r.report().tracksKept()).isEqualTo(6);
    assertThat(r.report().merged()).isEqualTo(3);
    assertThat(r.report().skipped()).containsOnly(entry("wrong number of cells", 1L));
    assertThat(r.report().samples()).containsExactly("line 3: 16 cells, the header has 21");
    assertThat(r.track("XNlI96SKGNFESZlYpEYXI9").genres())
        .containsExactly("breakbeat", "electronic", "idm");
    assertThat(r.track("qj8xhxyYCEPDADEYwpHLbC").genres()).containsExactly("electro", "house");
    assertThat(r.track("yeBrSL3LoVkBOL74387b7T").artists())
        .containsExactly("Kendrick Lamar", "SZA");
    assertThat(r.track("ExIggYXcdHby9vKkLNKqln").key().camelot()).isEqualTo("12A");
    assertThat(r.tracks()).doesNotContainKey("hpKlK9Q0VlOjz5UvumJX3N");
  }

  @Test
  void diggerz() throws Exception {
    Read r = read("diggerz.csv");
    assertThat(r.report().format()).isEqualTo("diggerz");
    assertThat(r.report().tracksKept()).isEqualTo(8);
    assertThat(r.report().dropped()).isEmpty();
    Track apricots = r.track("13783041");
    assertThat(apricots.label()).isEqualTo("Ninja Tune");
    assertThat(apricots.key().camelot()).isEqualTo("6A");
    assertThat(apricots.previewUrl()).startsWith("https://");
    assertThat(r.track("17254283").tempo()).isNull();
    assertThat(r.track("2066841").key().name()).isEqualTo("Eb minor");
  }

  @Test
  void ownCsv() throws Exception {
    Read r = read("cratedigger.csv");
    assertThat(r.report().format()).isEqualTo("cratedigger");
    assertThat(r.report().tracksKept()).isEqualTo(9);
    assertThat(r.report().skipped()).isEmpty();
    assertThat(r.report().dropped()).isEmpty();
    assertThat(r.track("spotify:track:7Nd4fUDIuUvsXFhGbq24u9").remixers())
        .containsExactly("The Neptunes");
    assertThat(r.track("spotify:track:jPuR00hohMijUWfBjpVNef").remixers())
        .containsExactly("Dixon", "Âme");
    assertThat(r.track("spotify:track:jPuR00hohMijUWfBjpVNef").key().camelot()).isEqualTo("5A");
    Track gantz = r.track("spotify:track:t38TBjTJTc8FotehllZWqN");
    assertThat(gantz.key()).isNull();
    assertThat(gantz.year()).isEqualTo(2002);
    assertThat(gantz.releaseDate()).isNull();
    assertThat(r.track("spotify:track:kRhCsQGql4bFeVgQVZa7MS").hasAudioFeatures()).isFalse();
  }

  @Test
  void ownJsonLines() throws Exception {
    Read r = read("cratedigger.jsonl");
    assertThat(r.report().format()).isEqualTo("cratedigger-jsonl");
    assertThat(r.report().rowsRead()).isEqualTo(10);
    assertThat(r.report().tracksKept()).isEqualTo(8);
    assertThat(r.report().skipped())
        .containsOnly(entry("malformed JSON", 1L), entry("missing title", 1L));
    assertThat(r.report().samples()).hasSize(2);
    assertThat(r.report().samples().get(0)).startsWith("line 4: malformed JSON (");
    assertThat(r.report().samples().get(1))
        .isEqualTo("line 7: no title for id \"spotify:track:OWJgwSFUgy3hhe4CbdmOAv\"");
    assertThat(r.track("spotify:track:7v8LNcHmRBPcJWl1QUgGhp").key().camelot()).isEqualTo("8A");
    assertThat(r.track("spotify:track:LiF1FErFSNasBKazTSwzZH").key().name()).isEqualTo("B major");
    assertThat(r.track("spotify:track:ZCict4tQ2ItwlWjbRKgwq6").key().camelot()).isEqualTo("1A");
    assertThat(r.track("spotify:track:n6eYGf1ouRXMMfFhRJYlho").key().camelot()).isEqualTo("9A");
    assertThat(r.track("spotify:track:PZ3sL37TJd0mXrTW3GoUWo").artists())
        .containsExactly("Tyler, The Creator", "Kali Uchis");
    assertThat(r.track("spotify:track:butDgNiBvm8N9RIMiCX88H").key().camelot()).isEqualTo("8A");
    assertThat(r.track("spotify:track:DfDt0oZzoThyEAW5mJwV3v").key()).isNull();
    assertThat(r.track("spotify:track:Y9Vjvk8myOvScfmJiMRCAi").year()).isEqualTo(1993);
  }
}
