package io.cratedigger.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The arithmetic of the harness, with the expected numbers worked out by hand. */
class BenchUnitsTest {
  /**
   * Nearest rank over 1..100 ms: p50 is the 50th value, p90 the 90th, p99 the 99th; the mean of
   * 1..100 is 50.5.
   */
  @Test
  void percentilesAreNearestRank() {
    double[] ms = new double[100];
    for (int i = 0; i < ms.length; i++) {
      ms[ms.length - 1 - i] = i + 1; // given in reverse order: Stats sorts a copy
    }
    Stats s = Stats.of(ms);
    assertThat(s).isEqualTo(new Stats(100, 50, 90, 99, 50.5, 100));
    assertThat(ms[0]).isEqualTo(100); // not sorted in place
    assertThat(Stats.of(new double[] {7})).isEqualTo(new Stats(1, 7, 7, 7, 7, 7));
    assertThat(Stats.of(new double[0])).isEqualTo(new Stats(0, 0, 0, 0, 0, 0));
    // three values: the median is the second, p99 the third
    assertThat(Stats.median(new double[] {3, 1, 2})).isEqualTo(2);
  }

  /**
   * 100 k → 10 M tracks is two tenfolds: a cost going 1 → 100 grows 10× per tenfold (linear), 2 → 2
   * stays flat (1×), 4 → 1 shrinks 0.5× per tenfold.
   */
  @Test
  void growthPerTenfoldCatalog() {
    assertThat(SuiteReport.growthPerTenfold(1, 100, 100_000, 10_000_000))
        .isCloseTo(10, offset(1e-9));
    assertThat(SuiteReport.growthPerTenfold(2, 2, 100_000, 10_000_000)).isCloseTo(1, offset(1e-9));
    assertThat(SuiteReport.growthPerTenfold(4, 1, 100_000, 10_000_000))
        .isCloseTo(0.5, offset(1e-9));
    assertThat(SuiteReport.growthPerTenfold(0, 1, 100_000, 1_000_000)).isNaN();
    assertThat(SuiteReport.growthPerTenfold(1, 1, 1_000_000, 1_000_000)).isNaN();
  }

  @Test
  void cellsAreWrittenForPeople() {
    assertThat(Report.cell(1_234_567L)).isEqualTo("1,234,567");
    assertThat(Report.cell(10_750.4)).isEqualTo("10,750");
    assertThat(Report.cell(29.04)).isEqualTo("29.0");
    assertThat(Report.cell(4.214)).isEqualTo("4.21");
    assertThat(Report.cell(0.8543)).isEqualTo("0.854");
    assertThat(Report.cell(Double.NaN)).isEqualTo("—");
    assertThat(Report.cell(null)).isEqualTo("—");
    assertThat(Report.cell("a | b")).isEqualTo("a \\| b"); // a pipe would split the cell
  }

  @Test
  void reportHasMachineCommandAndTables() {
    Machine m =
        new Machine("2026-12-02T10:00:00Z", "Test CPU", 2, 24_000, "Linux", "Java 25", 1024, 600);
    Report r =
        new Report("Title", "tools/cratedigger bench x", m)
            .section("Part", "Text.")
            .table(List.of("a", "b"), List.of(List.of("x", 1.5)))
            .data("figure", 42);
    assertThat(r.markdown())
        .isEqualTo(
            """
            # Title

            Machine: Test CPU, 2 cores, 24,000 MB memory, Linux, Java 25, calibration SHA-256 600 MB/s on one core. Date: 2026-12-02T10:00:00Z.

            Command: `tools/cratedigger bench x`

            ## Part

            Text.

            | a | b |
            | --- | --- |
            | x | 1.50 |

            """);
    // a report opening with a paragraph or a table keeps it apart from the command line
    assertThat(
            new Report("T", "c", m)
                .table(List.of("a"), List.of(List.of(7)))
                .subsection("Sub")
                .markdown())
        .endsWith("Command: `c`\n\n| a |\n| --- |\n| 7 |\n\n### Sub\n\n");
    assertThat(r.json())
        .contains("\"command\" : \"tools/cratedigger bench x\"")
        .contains("\"cpu\" : \"Test CPU\"")
        .contains("\"figure\" : 42");
  }

  /**
   * Six vectors on a line at 0, 1, 2, 3, 3 and 10 (documents 10..15): the two nearest to 2.9 are
   * the two at 3 (documents 13 and 14, the lower document first on a tie), then 2, then 1.
   */
  @Test
  void exactNearestBreaksTiesByDocument() {
    float[] values = {0, 0, 1, 0, 2, 0, 3, 0, 3, 0, 10, 0};
    var v = new KnnRecall.Vectors(values, new int[] {10, 11, 12, 13, 14, 15}, 2);
    assertThat(v.nearest(new float[] {2.9f, 0}, 4)).containsExactly(13, 14, 12, 11);
    assertThat(v.nearest(new float[] {100, 0}, 10)).containsExactly(15, 13, 14, 12, 11, 10);
    assertThat(v.vector(2)).containsExactly(2, 0);
  }

  /**
   * The server's CPU split by thread: HotSpot's names as {@code /proc/PID/task/TID/comm} gives them
   * (cut at 15 characters), and utime + stime from a stat line whose thread name holds a space and
   * a parenthesis.
   */
  @Test
  void serverThreadsByKind() {
    assertThat(ServerUnderTest.kind("GC Thread#0")).isEqualTo("gc");
    assertThat(ServerUnderTest.kind("G1 Conc#0")).isEqualTo("gc");
    assertThat(ServerUnderTest.kind("G1 Refine#0")).isEqualTo("gc");
    assertThat(ServerUnderTest.kind("C2 CompilerThre")).isEqualTo("jit");
    assertThat(ServerUnderTest.kind("C1 CompilerThre")).isEqualTo("jit");
    assertThat(ServerUnderTest.kind("qtp1234-27")).isNull();
    assertThat(ServerUnderTest.kind("VM Thread")).isNull();
    String stat =
        "4242 (C2 Compiler (x)) S 4200 4200 4200 0 -1 4194368 12 0 0 0 731 42 0 0 20 0 57 0 1000";
    assertThat(ServerUnderTest.ticks(stat)).isEqualTo(773);
  }

  @Test
  void phaseMediansReadAsWords() {
    Map<String, Double> medians = new java.util.LinkedHashMap<>();
    medians.put("retrieve", 3.2071);
    medians.put("sceneMixKnn", 2.5);
    assertThat(Reports.phases(medians)).isEqualTo("retrieve 3.21, sceneMixKnn 2.50");
  }
}
