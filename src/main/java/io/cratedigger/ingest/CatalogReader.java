package io.cratedigger.ingest;

import io.cratedigger.track.Track;
import io.cratedigger.track.TrackMerge;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads one or more exports as one catalog, in two streaming passes so memory does not grow with
 * the catalog: the first counts and validates every row and notes which ids occur more than once
 * (8–16 bytes per track); the second hands each track to the caller, holding back only the tracks
 * whose id repeats until all their rows are merged by {@link TrackMerge}.
 */
public final class CatalogReader {
  private final Importer importer;

  public CatalogReader(Importer importer) {
    this.importer = importer;
  }

  /** The result of the first pass: one report per file and the ids that repeat. */
  public record Scan(
      List<Path> files, String format, List<ImportReport> reports, LongHashSet duplicates) {
    public Scan {
      files = List.copyOf(files);
      reports = List.copyOf(reports);
    }

    /** Distinct tracks over all files. */
    public long tracks() {
      return reports.stream().mapToLong(ImportReport::tracksKept).sum();
    }
  }

  /** Pass one: validates and counts every row of every file. */
  public Scan scan(
      List<Path> files, String format, Function<Path, Function<InputStream, InputStream>> wrap)
      throws IOException {
    return scan(files, format, wrap, t -> {});
  }

  /**
   * Pass one, also giving {@code firstSeen} the first row of each distinct track (to sample the
   * catalog for the feature model while it is read anyway).
   */
  public Scan scan(
      List<Path> files,
      String format,
      Function<Path, Function<InputStream, InputStream>> wrap,
      Consumer<Track> firstSeen)
      throws IOException {
    LongHashSet seen = new LongHashSet();
    LongHashSet duplicates = new LongHashSet();
    List<ImportReport> reports = new ArrayList<>();
    for (Path file : files) {
      try (TrackSource source = importer.open(file, format, wrap.apply(file))) {
        ImportCounter counter = new ImportCounter(seen, duplicates);
        MappedRow row;
        while ((row = source.next()) != null) {
          if (counter.count(row) && row instanceof MappedRow.Kept k) {
            firstSeen.accept(k.track());
          }
        }
        reports.add(counter.report(file.toString(), source));
      }
    }
    return new Scan(files, format, reports, duplicates);
  }

  /**
   * Pass two: gives every distinct track to {@code sink} once. Tracks with a unique id come in file
   * order as they are read; merged ones come at the end, in order of first appearance.
   */
  public void read(
      Scan scan, Function<Path, Function<InputStream, InputStream>> wrap, Consumer<Track> sink)
      throws IOException {
    Map<String, Track> held = new LinkedHashMap<>();
    for (Path file : scan.files()) {
      try (TrackSource source = importer.open(file, scan.format(), wrap.apply(file))) {
        MappedRow row;
        while ((row = source.next()) != null) {
          if (row instanceof MappedRow.Kept k) {
            Track t = k.track();
            if (scan.duplicates().contains(LongHashSet.hash(t.id()))) {
              held.merge(t.id(), t, TrackMerge::merge);
            } else {
              sink.accept(t);
            }
          }
        }
      }
    }
    held.values().forEach(sink);
  }
}
