package io.cratedigger.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cratedigger.track.Track;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated exports (stray quotes, delimiters, line breaks, NULs, byte-order marks, foreign bytes,
 * cut-off files), 1,500 of them from a fixed seed: the importer either refuses the file with a
 * one-line reason or accounts for every row, and never fails otherwise.
 */
class ImportFuzzTest {
  @TempDir Path tmp;

  private static final String[] NASTY = {
    "\"",
    "\"\"",
    ",",
    ";",
    "\t",
    "\n",
    "\r",
    "\r\n",
    "\0",
    "\uFEFF",
    "é",
    "\uD83C\uDFB5",
    "\\",
    "'",
    "<script>",
    "=cmd|' /C calc'!A0",
    "%s%n",
    "\u202E",
    "\uFFFD"
  };

  @Test
  void mutatedExportsAreReadOrRefusedNeverCrashed() throws Exception {
    Importer importer = new Importer(FormatRegistry.bundled());
    List<byte[]> seeds = new ArrayList<>();
    for (String f : List.of("exportify-quotes.csv", "windows-1252.csv", "utf-16le.csv")) {
      seeds.add(Files.readAllBytes(Path.of("src/test/resources/import", f)));
    }
    seeds.add(Files.readAllBytes(Path.of("src/test/resources/formats/cratedigger.jsonl")));
    Random random = new Random(20261203);
    int refused = 0;
    long rows = 0;
    for (int i = 0; i < 1_500; i++) {
      byte[] seed = seeds.get(random.nextInt(seeds.size()));
      byte[] mutated = mutate(seed, random);
      Path file = tmp.resolve("fuzz-" + i + (seed == seeds.getLast() ? ".jsonl" : ".csv"));
      Files.write(file, mutated);
      ImportReport r;
      try {
        r = importer.inspect(file, "auto", in -> in);
      } catch (ImportException e) {
        assertThat(e.getMessage()).as("case %d", i).isNotBlank().doesNotContain("\n");
        refused++;
        continue;
      }
      assertThat(r.rowsRead())
          .as("case %d: every row kept, skipped or merged", i)
          .isEqualTo(r.tracksKept() + r.skippedTotal() + r.merged());
      rows += r.rowsRead();
      try (TrackSource s = importer.open(file, "auto", in -> in)) {
        MappedRow row;
        while ((row = s.next()) != null) {
          if (row instanceof MappedRow.Kept k) {
            Track t = k.track();
            assertThat(t.title()).as("case %d", i).isNotBlank();
            assertThat(t.title().length()).isLessThanOrEqualTo(RowMapper.MAX_CELL);
          }
        }
      }
    }
    // the mutations leave most files readable: the test exercises rows, not only headers
    assertThat(refused).isLessThan(750);
    assertThat(rows).isGreaterThan(3_000);
  }

  private static byte[] mutate(byte[] seed, Random random) {
    String text = new String(seed, StandardCharsets.ISO_8859_1); // bytes as chars, one to one
    StringBuilder b = new StringBuilder(text);
    int n = 1 + random.nextInt(6);
    for (int m = 0; m < n && !b.isEmpty(); m++) {
      int at = random.nextInt(b.length());
      switch (random.nextInt(6)) {
        case 0 -> { // a nasty string, as UTF-8 bytes
          String nasty = NASTY[random.nextInt(NASTY.length)];
          b.insert(
              at, new String(nasty.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        }
        case 1 -> b.deleteCharAt(at);
        case 2 -> { // a stretch repeated
          int end = Math.min(b.length(), at + 1 + random.nextInt(200));
          b.insert(at, b.substring(at, end));
        }
        case 3 -> b.setLength(Math.max(1, at)); // cut off
        case 4 -> b.setCharAt(at, (char) random.nextInt(256)); // any byte
        default -> { // a long cell
          b.insert(at, "x".repeat(random.nextInt(20_000)));
        }
      }
    }
    return b.toString().getBytes(StandardCharsets.ISO_8859_1);
  }
}
