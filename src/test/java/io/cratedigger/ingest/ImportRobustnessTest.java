package io.cratedigger.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.cratedigger.track.Track;
import io.cratedigger.track.TrackMerge;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Imports keep every good row: stray quotes, foreign encodings, huge lines and cells, repeats. */
class ImportRobustnessTest {
  @TempDir Path tmp;

  private static final Importer IMPORTER = new Importer(FormatRegistry.bundled());

  private static Path fixture(String name) {
    return Path.of("src/test/resources/import", name);
  }

  private static List<MappedRow> rows(Importer importer, Path file) throws Exception {
    List<MappedRow> out = new ArrayList<>();
    try (TrackSource s = importer.open(file, "auto", in -> in)) {
      MappedRow r;
      while ((r = s.next()) != null) {
        out.add(r);
      }
    }
    return out;
  }

  private static List<Track> kept(List<MappedRow> rows) {
    return rows.stream()
        .filter(MappedRow.Kept.class::isInstance)
        .map(r -> ((MappedRow.Kept) r).track())
        .toList();
  }

  @Test
  void strayQuotesCostAtMostTheirLine() throws Exception {
    ImportReport r = IMPORTER.inspect(fixture("exportify-quotes.csv"), "auto", in -> in);

    assertThat(r.rowsRead()).isEqualTo(8);
    assertThat(r.tracksKept()).isEqualTo(7);
    assertThat(r.skipped()).containsExactly(entry("malformed CSV", 1L));
    assertThat(r.samples())
        .containsExactly(
            "line 9: malformed CSV: a quote opens a cell that never closes; the line was skipped,"
                + " reading went on at the next one");
    List<Track> tracks = kept(rows(IMPORTER, fixture("exportify-quotes.csv")));
    assertThat(tracks)
        .extracting(Track::title)
        .containsExactly(
            "Moscow Nights",
            "Krasnaya Zvezda",
            "Quoted \"Properly\"",
            "\"Never closed", // its own line, the unclosed quote kept as text
            "After The Break",
            "Two\nLines",
            "Last One");
    // Exportify's inner quotes not doubled: the label as its owner wrote it
    assertThat(tracks.get(1).label()).isEqualTo("ООО \"Музыкальная компания МА-ЯК\"");
    assertThat(tracks.get(2).album()).isEqualTo("Album, With Comma");
    assertThat(tracks.get(2).label()).isEqualTo("Label \"Q\"");
  }

  @Test
  void wellFormedQuotingReadsAsTheStandardSays() throws Exception {
    CsvRecords r =
        new CsvRecords(
            new StringReader("a,b,c\n\"x\"\"\",\"y,\"\"z\"\"\",\"\"\n\"\"\"q\",\"1\n2\",\n"),
            ',',
            100,
            0);
    assertThat(((CsvRecords.Record) r.next()).cells()).containsExactly("a", "b", "c");
    r.width(3);
    assertThat(((CsvRecords.Record) r.next()).cells()).containsExactly("x\"", "y,\"z\"", "");
    CsvRecords.Record multi = (CsvRecords.Record) r.next();
    assertThat(multi.cells()).containsExactly("\"q", "1\n2", "");
    assertThat(multi.line()).isEqualTo(3);
    assertThat(multi.lines()).isEqualTo(2);
    assertThat(r.next()).isNull();
  }

  @Test
  void windows1252IsDetectedAndReported() throws Exception {
    ImportReport r = IMPORTER.inspect(fixture("windows-1252.csv"), "auto", in -> in);
    assertThat(r.encoding()).isEqualTo("windows-1252 (not valid UTF-8 at byte 77)");
    assertThat(kept(rows(IMPORTER, fixture("windows-1252.csv"))))
        .extracting(Track::title)
        .containsExactly("Café Déjà Vu", "Tragédie", "Señor “Smart” Quotes – €5");
    // forced: read as asked, even when wrong
    Importer utf8 = IMPORTER.withEncoding("utf-8");
    assertThat(utf8.inspect(fixture("windows-1252.csv"), "auto", in -> in).encoding())
        .isEqualTo("utf-8 (as asked)");
    assertThat(kept(rows(utf8, fixture("windows-1252.csv"))).getFirst().title())
        .isEqualTo("Caf\uFFFD D\uFFFDj\uFFFD Vu");
  }

  @Test
  void utf16WithAndWithoutByteOrderMark() throws Exception {
    assertThat(IMPORTER.inspect(fixture("utf-16le.csv"), "auto", in -> in).encoding())
        .isEqualTo("utf-16le (byte-order mark)");
    assertThat(kept(rows(IMPORTER, fixture("utf-16le.csv"))))
        .extracting(Track::title, t -> t.artists().getFirst())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Solaris", "Ølaf Ås"),
            org.assertj.core.groups.Tuple.tuple("Über Alles", "Jürgen"));
    // the same text without its mark, big-endian: found by its zero bytes
    byte[] le = Files.readAllBytes(fixture("utf-16le.csv"));
    String text = new String(le, 2, le.length - 2, StandardCharsets.UTF_16LE);
    Path be = tmp.resolve("be.csv");
    Files.write(be, text.getBytes(StandardCharsets.UTF_16BE));
    assertThat(TextEncoding.of(be, "auto").how()).isEqualTo("utf-16be (every other byte is zero)");
    assertThat(kept(rows(IMPORTER, be))).extracting(Track::title).contains("Über Alles");
  }

  @Test
  void anUnknownEncodingIsRefusedByName() {
    assertThatThrownBy(() -> IMPORTER.withEncoding("klingon-8"))
        .isInstanceOf(ImportException.class)
        .hasMessage(
            "unknown encoding \"klingon-8\"; for example auto, utf-8, windows-1252, iso-8859-1,"
                + " utf-16");
  }

  @Test
  void hugeLinesAndCellsAreSkippedWithTheirSize() throws Exception {
    String header = "id,title,artists,album,label,genres,styles,remixers,releasedate,tempo\n";
    StringBuilder csv = new StringBuilder(header);
    for (int i = 1; i <= 20; i++) {
      csv.append("t")
          .append(i)
          .append(",Good ")
          .append(i)
          .append(",A,B,L,House,,,2020-01-01,124\n");
    }
    csv.append("big,").append("x".repeat(1_100_000)).append(",A,B,L,House,,,2020-01-01,124\n");
    csv.append("wide,").append("y".repeat(20_000)).append(",A,B,L,House,,,2020-01-01,124\n");
    csv.append("t21,Good 21,A,B,L,House,,,2020-01-01,124\n");
    Path file = tmp.resolve("huge.csv");
    Files.writeString(file, csv);

    ImportReport r = IMPORTER.inspect(file, "auto", in -> in);

    assertThat(r.rowsRead()).isEqualTo(23);
    assertThat(r.tracksKept()).isEqualTo(21);
    assertThat(r.skipped()).containsOnly(entry("line too long", 1L), entry("cell too long", 1L));
    assertThat(r.samples())
        .containsExactly(
            "line 22: line too long: 1,100,033 characters, at most 1,048,576 are read",
            "line 23: title is 20,000 characters long, at most 8,192 are read");
  }

  @Test
  void aHugeJsonLineIsSkippedAndTheOthersKept() throws Exception {
    String good = "{\"id\":\"j%d\",\"title\":\"Json %d\",\"artists\":[\"A\"]}\n";
    String jsonl =
        good.formatted(1, 1)
            + "{\"id\":\"big\",\"title\":\""
            + "z".repeat(1_200_000)
            + "\"}\n"
            + good.formatted(2, 2);
    Path file = tmp.resolve("huge.jsonl");
    Files.writeString(file, jsonl);
    ImportReport r = IMPORTER.inspect(file, "auto", in -> in);
    assertThat(r.rowsRead()).isEqualTo(3);
    assertThat(r.tracksKept()).isEqualTo(2);
    assertThat(r.samples())
        .containsExactly("line 2: line too long: 1,200,023 characters, at most 1,048,576 are read");
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS) // a guard against the old quadratic merge only
  void oneIdOnAHundredThousandRowsMergesInLinearTime() throws Exception {
    StringBuilder csv =
        new StringBuilder(
            "id,title,artists,album,label,genres,styles,remixers,releasedate,tempo\n");
    for (int i = 0; i < 100_000; i++) {
      csv.append("same,Title,Artist ").append(i).append(",B,L,House,,,2020-01-01,124\n");
    }
    Path file = tmp.resolve("same-id.csv");
    Files.writeString(file, csv);
    CatalogReader reader = new CatalogReader(IMPORTER);
    CatalogReader.Scan scan = reader.scan(List.of(file), "auto", f -> in -> in);
    List<Track> out = new ArrayList<>();
    reader.read(scan, f -> in -> in, out::add);

    assertThat(scan.reports().getFirst().merged()).isEqualTo(99_999);
    assertThat(out).hasSize(1);
    assertThat(out.getFirst().artists())
        .hasSize(TrackMerge.MAX_VALUES)
        .startsWith("Artist 0", "Artist 1")
        .endsWith("Artist 63");
  }
}
