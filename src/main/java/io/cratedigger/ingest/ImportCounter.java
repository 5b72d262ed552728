package io.cratedigger.ingest;

import io.cratedigger.track.Track;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts what happens to the rows of one import, in the spirit of Anserini's {@code Counters}:
 * expected failures are counted by reason and the first few kept as samples, never only logged.
 * Duplicate ids are found with a set of 64-bit id hashes (8–16 bytes per track).
 */
public final class ImportCounter {
  /** How many reasons with line numbers a report keeps. */
  public static final int SAMPLES = 20;

  private final LongHashSet seen;
  private final LongHashSet duplicates;
  private final Map<String, Long> skipped = new TreeMap<>();
  private final Map<String, Long> dropped = new TreeMap<>();
  private final List<String> samples = new ArrayList<>();
  private long rows;
  private long merged;
  private long withFeatures;
  private long withBpm;
  private long withKey;

  /** A counter for one file read on its own. */
  public ImportCounter() {
    this(new LongHashSet(), new LongHashSet());
  }

  /**
   * A counter sharing {@code seen} with the other files of one import (an id seen in an earlier
   * file merges too), recording ids met more than once in {@code duplicates}.
   */
  ImportCounter(LongHashSet seen, LongHashSet duplicates) {
    this.seen = seen;
    this.duplicates = duplicates;
  }

  /**
   * Counts one row. Returns {@code true} when it is a new track, {@code false} when it was skipped
   * or merged into an earlier track with the same id.
   */
  public boolean count(MappedRow row) {
    rows++;
    return switch (row) {
      case MappedRow.Skipped s -> {
        note(skipped, s.issue());
        yield false;
      }
      case MappedRow.Kept k -> {
        k.dropped().forEach(i -> note(dropped, i));
        Track t = k.track();
        long h = LongHashSet.hash(t.id());
        if (!seen.add(h)) {
          duplicates.add(h);
          merged++;
          yield false;
        }
        withFeatures += t.hasAudioFeatures() ? 1 : 0;
        withBpm += t.tempo() != null ? 1 : 0;
        withKey += t.key() != null ? 1 : 0;
        yield true;
      }
    };
  }

  private void note(Map<String, Long> counts, ImportIssue issue) {
    counts.merge(issue.reason(), 1L, Long::sum);
    if (samples.size() < SAMPLES) {
      samples.add(issue.message());
    }
  }

  public long rowsRead() {
    return rows;
  }

  /** The report for {@code source} read from {@code file}. */
  public ImportReport report(String file, TrackSource source) {
    long skippedRows = skipped.values().stream().mapToLong(Long::longValue).sum();
    return new ImportReport(
        file,
        source.encoding(),
        source.format().name(),
        source.format().description(),
        new LinkedHashMap<>(source.mapping()),
        source.ignoredColumns(),
        rows,
        rows - skippedRows - merged,
        skipped,
        dropped,
        merged,
        withFeatures,
        withBpm,
        withKey,
        samples);
  }
}
