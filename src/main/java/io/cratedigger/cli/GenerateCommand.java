package io.cratedigger.cli;

import io.cratedigger.ingest.TrackCsvWriter;
import io.cratedigger.synth.CatalogGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code generate --tracks N --out FILE}: a realistic synthetic catalog in our own CSV. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Write a synthetic catalog (deterministic for a seed) in Cratedigger's CSV.")
final class GenerateCommand implements Callable<Integer> {
  static final long MAX_TRACKS = 100_000_000L;

  @Option(names = "--tracks", required = true, paramLabel = "N", description = "how many tracks")
  long tracks;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "random seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "the CSV to write")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (tracks < 1 || tracks > MAX_TRACKS) {
      throw new BadInputException("--tracks must be 1.." + MAX_TRACKS + ", got " + tracks);
    }
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new BadInputException("cannot write " + out + ": folder " + parent + " does not exist");
    }
    long start = System.nanoTime();
    // Write to a temporary file and move it into place: an interrupted run leaves no half file.
    Path tmp = out.resolveSibling(out.getFileName() + ".part");
    CatalogGenerator generator = new CatalogGenerator(seed);
    try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
        TrackCsvWriter csv = new TrackCsvWriter(w);
        Progress.Bar bar = Progress.count("Generating", tracks, "tracks")) {
      for (long i = 0; i < tracks; i++) {
        csv.write(generator.next());
        if ((i & 4095) == 4095) {
          bar.stepBy(4096);
        }
      }
      bar.stepBy(tracks & 4095);
    }
    Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    double seconds = (System.nanoTime() - start) / 1e9;
    PrintWriter o = spec.commandLine().getOut();
    o.printf(
        Locale.ROOT,
        "wrote %,d tracks to %s in %.1f s (%,.0f tracks/s, seed %d)%n",
        tracks,
        out,
        seconds,
        tracks / seconds,
        seed);
    return Main.OK;
  }
}
