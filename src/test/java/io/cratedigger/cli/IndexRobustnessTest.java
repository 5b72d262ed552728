package io.cratedigger.cli;

import static io.cratedigger.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.cratedigger.cli.CliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rebuild that loses too much is refused; an index of any catalog answers every command. */
class IndexRobustnessTest {
  @TempDir Path tmp;

  private static final String HEADER =
      "id,title,artists,album,label,genres,styles,remixers,releasedate,tempo\n";

  @Test
  void aRebuildThatWouldLoseTooManyRowsIsRefusedAndTheLiveIndexKept() throws Exception {
    Path index = tmp.resolve("index");
    Path good = tmp.resolve("good.csv");
    Files.writeString(good, HEADER + "g1,Keeper,Artist,Album,Label,House,,,2020-01-01,124\n");
    assertThat(run("index", "--input", good.toString(), "--index", index.toString()).code())
        .isZero();
    Path bad = tmp.resolve("bad.csv");
    Files.writeString(
        bad,
        HEADER
            + "b1,One,A,B,L,House,,,2020-01-01,124\n"
            + "b2,\"Two,A\n" // a stray quote: the line is lost
            + "b3,,A,B,L,House,,,2020-01-01,124\n" // no title
            + "b4,Four,A,B,L,House,,,2020-01-01,124\n");

    Run refused = run("index", "--input", bad.toString(), "--index", index.toString());

    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err().strip())
        .isEqualTo(
            "cratedigger: "
                + bad
                + ": 2 of 4 rows (50.0 %) could not be used, more than the 10 % allowed"
                + " (--max-skipped); the live index was kept. 1 malformed CSV, 1 missing title;"
                + " inspect "
                + bad
                + " lists them");
    Run search = run("search", "keeper", "--index", index.toString());
    assertThat(search.out()).contains("Keeper");

    Run allowed =
        run("index", "--input", bad.toString(), "--index", index.toString(), "--max-skipped", "50");
    assertThat(allowed.code()).isZero();
    assertThat(allowed.out())
        .contains(
            "rows read 4, tracks kept 2, skipped 2 (50.0 % of the rows lost; malformed CSV: 1,"
                + " missing title: 1), merged 0");
  }

  @Test
  void optionsOutOfRangeAreNamed() throws Exception {
    Path good = tmp.resolve("good.csv");
    Files.writeString(good, HEADER + "g1,Keeper,Artist,Album,Label,House,,,2020-01-01,124\n");
    Run r =
        run(
            "index",
            "--input",
            good.toString(),
            "--index",
            tmp.resolve("i").toString(),
            "--max-skipped",
            "150");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().strip()).isEqualTo("cratedigger: --max-skipped must be 0..100, got 150.0");
    Run enc =
        run(
            "index",
            "--input",
            good.toString(),
            "--index",
            tmp.resolve("i").toString(),
            "--encoding",
            "klingon-8");
    assertThat(enc.code()).isEqualTo(1);
    assertThat(enc.err().strip())
        .isEqualTo(
            "cratedigger: unknown encoding \"klingon-8\"; for example auto, utf-8, windows-1252,"
                + " iso-8859-1, utf-16");
  }

  @Test
  void aLatinOneExportIsFoundByItsAccentlessSpelling() throws Exception {
    Path index = tmp.resolve("index");
    Path latin = Path.of("src/test/resources/import/windows-1252.csv");
    Run r = run("index", "--input", latin.toString(), "--index", index.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains(latin + " read as windows-1252 (not valid UTF-8 at byte 77)");
    Run search = run("search", "tragedie", "--index", index.toString());
    assertThat(search.code()).isZero();
    assertThat(search.out()).contains("Tragédie").contains("Émilie Simon");
  }

  @Test
  void anIndexWithoutAlbumsAnswersLookupsAndSimilar() throws Exception {
    // a Beatport chart has no album column: the lookup once failed on the empty album field
    Path index = tmp.resolve("index");
    Path chart = Path.of("src/test/resources/scenes/beatport.csv");
    assertThat(run("index", "--input", chart.toString(), "--index", index.toString()).code())
        .isZero();

    Run search = run("search", "feel it", "--index", index.toString());
    assertThat(search.code()).isZero();
    assertThat(search.out()).contains("Feel It").contains("Amelie Lens");
    Run typo = run("search", "amelei lens", "--index", index.toString());
    assertThat(typo.code()).isZero();
    assertThat(typo.out()).contains("Feel It");
    Run similar = run("similar", "beatport:659145d3352208b6", "--index", index.toString());
    assertThat(similar.code()).isZero();
    assertThat(similar.out()).contains("Feel It").contains("shares Techno");
  }
}
