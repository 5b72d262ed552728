package io.cratedigger.ingest;

import io.cratedigger.track.Track;
import java.util.List;

/** What one row of an export became: a track (maybe with dropped values) or a skip. */
public sealed interface MappedRow {

  /** The line the row starts on. */
  long line();

  /** A row that became a track; {@code dropped} lists the cells that were not usable. */
  record Kept(long line, Track track, List<ImportIssue> dropped) implements MappedRow {
    public Kept {
      dropped = List.copyOf(dropped);
    }
  }

  /** A row that could not become a track, and why. */
  record Skipped(long line, ImportIssue issue) implements MappedRow {}
}
