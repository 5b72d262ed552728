package io.cratedigger.cli;

import io.cratedigger.discogs.DiscogsClient;
import io.cratedigger.discogs.DiscogsException;
import io.cratedigger.discogs.DiscogsRelease;
import io.cratedigger.discogs.DiscogsTrack;
import io.cratedigger.ingest.TrackCsvWriter;
import io.cratedigger.track.Track;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code discogs-collection USERNAME --out FILE}: a public collection as a catalog CSV. */
@Command(
    name = "discogs-collection",
    mixinStandardHelpOptions = true,
    description = {
      "Write a public Discogs collection as Cratedigger CSV.",
      "Each release's tracklist, styles, labels and year are kept. Add audio features by joining"
          + " the file with an export of them: index --input FILE --features EXPORT"
    })
final class DiscogsCollectionCommand implements Callable<Integer> {
  @Parameters(paramLabel = "USERNAME", description = "the Discogs user whose collection is public")
  String username;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "the CSV to write")
  Path out;

  @Mixin ConfigOption config;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!username.matches("[A-Za-z0-9_.\\-]{1,100}")) {
      throw new BadInputException(
          "USERNAME must be a Discogs user name (letters, digits, _ . -), got \""
              + username
              + "\"");
    }
    List<DiscogsRelease> releases;
    try (DiscogsClient client = DiscogsCommand.client(config.load())) {
      releases =
          client.collection(
              username,
              page -> System.err.printf(Locale.ROOT, "cratedigger: page %d read%n", page));
    } catch (DiscogsException e) {
      throw new BadInputException(e.getMessage());
    }
    long tracks = write(releases, out);
    spec.commandLine()
        .getOut()
        .printf(
            Locale.ROOT, "wrote %,d tracks of %,d releases to %s%n", tracks, releases.size(), out);
    return Main.OK;
  }

  /**
   * Writes every track of the releases; ids are release id + side position, as in Discogs exports.
   */
  static long write(List<DiscogsRelease> releases, Path out) throws Exception {
    Path tmp = out.resolveSibling(out.getFileName() + ".part");
    long n = 0;
    try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
        TrackCsvWriter csv = new TrackCsvWriter(w)) {
      for (DiscogsRelease r : releases) {
        int i = 0;
        for (DiscogsTrack t : r.tracks()) {
          i++;
          String pos =
              t.position() == null || t.position().isBlank() ? Integer.toString(i) : t.position();
          Track track =
              Track.builder(r.id() + "_" + pos, t.title())
                  .artists(t.artists().isEmpty() ? r.artists() : t.artists())
                  .album(r.title())
                  .label(r.labels().isEmpty() ? null : r.labels().getFirst())
                  .genres(r.genres())
                  .styles(r.styles())
                  .year(
                      r.year() != null && r.year() >= Track.MIN_YEAR && r.year() <= Track.MAX_YEAR
                          ? r.year()
                          : null)
                  .durationMs(duration(t.duration()))
                  .build();
          csv.write(track);
          n++;
        }
      }
    }
    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
    return n;
  }

  static Integer duration(String mss) {
    if (mss == null || !mss.matches("\\d{1,3}:\\d{2}")) {
      return null;
    }
    String[] p = mss.split(":");
    int ms = (Integer.parseInt(p[0]) * 60 + Integer.parseInt(p[1])) * 1000;
    return ms > 0 ? ms : null;
  }
}
