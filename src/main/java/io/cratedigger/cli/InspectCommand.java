package io.cratedigger.cli;

import io.cratedigger.ingest.ImportReport;
import io.cratedigger.view.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code inspect FILE}: what an import would keep and skip, and why; writes nothing. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = "Detect an export's format and report what an import would keep and skip.")
final class InspectCommand implements Callable<Integer> {

  @Parameters(paramLabel = "FILE", description = "a CSV or JSON Lines export")
  Path file;

  @Option(
      names = "--format",
      paramLabel = "NAME",
      defaultValue = "auto",
      description = "the format, or auto to detect it (default: ${DEFAULT-VALUE})")
  String format;

  @Option(
      names = "--encoding",
      paramLabel = "NAME",
      defaultValue = "auto",
      description =
          "the file's text encoding (utf-8, windows-1252, iso-8859-1, utf-16...), or auto to"
              + " detect it (default: ${DEFAULT-VALUE})")
  String encoding;

  @Option(names = "--json", description = "print the report as JSON")
  boolean json;

  @Mixin ConfigOption config;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    ImportReport report =
        config
            .importer()
            .withEncoding(encoding)
            .inspect(file, format, Progress.bytes("Reading " + file.getFileName()));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.PRETTY.writeValueAsString(report));
    } else {
      print(report, out);
    }
    out.flush();
    return report.tracksKept() > 0 ? Main.OK : Main.BAD_INPUT;
  }

  /** The report for people: counts first, then reasons, then the column mapping. */
  static void print(ImportReport r, PrintWriter out) {
    out.printf(Locale.ROOT, "%s: %s (%s)%n", r.file(), r.formatDescription(), r.format());
    out.printf(Locale.ROOT, "  %-22s %s%n", "encoding", r.encoding());
    line(out, "rows read", r.rowsRead(), null);
    line(out, "tracks kept", r.tracksKept(), null);
    line(out, "rows skipped", r.skippedTotal(), r.skipped());
    line(out, "rows merged (same id)", r.merged(), null);
    long dropped = r.dropped().values().stream().mapToLong(Long::longValue).sum();
    line(out, "values dropped", dropped, r.dropped());
    line(out, "with audio features", r.withAudioFeatures(), null);
    line(out, "with BPM", r.withBpm(), null);
    line(out, "with key", r.withKey(), null);
    if (!r.samples().isEmpty()) {
      out.println("first reasons:");
      r.samples().forEach(s -> out.println("  " + s));
    }
    out.println("columns:");
    r.columns()
        .forEach((field, column) -> out.printf(Locale.ROOT, "  %-17s <- %s%n", field, column));
    if (!r.ignoredColumns().isEmpty()) {
      out.println("ignored columns: " + String.join(", ", r.ignoredColumns()));
    }
  }

  private static void line(PrintWriter out, String what, long n, Map<String, Long> reasons) {
    String detail =
        reasons == null || reasons.isEmpty()
            ? ""
            : "  ("
                + reasons.entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining(", "))
                + ")";
    out.printf(Locale.ROOT, "  %-22s %,10d%s%n", what, n, detail);
  }
}
