package io.cratedigger.ingest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What reading one export gave: counts, and the reasons for everything not kept as is. Its JSON
 * form is {@code inspect --json}.
 *
 * @param encoding the text encoding read, and why ({@link TextEncoding#how})
 * @param rowsRead data rows read (the header not counted)
 * @param tracksKept distinct tracks: rows read − rows skipped − rows merged
 * @param skipped rows skipped, by reason
 * @param dropped values dropped from kept rows, by reason (the row itself was kept)
 * @param merged rows folded into an earlier row with the same id
 * @param samples the first reasons, with their line numbers
 */
public record ImportReport(
    String file,
    String encoding,
    String format,
    String formatDescription,
    Map<String, String> columns,
    List<String> ignoredColumns,
    long rowsRead,
    long tracksKept,
    Map<String, Long> skipped,
    Map<String, Long> dropped,
    long merged,
    long withAudioFeatures,
    long withBpm,
    long withKey,
    List<String> samples) {

  public ImportReport {
    columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns)); // keeps header order
    ignoredColumns = List.copyOf(ignoredColumns);
    skipped = Collections.unmodifiableMap(new TreeMap<>(skipped));
    dropped = Collections.unmodifiableMap(new TreeMap<>(dropped));
    samples = List.copyOf(samples);
  }

  /** Rows skipped for any reason. */
  public long skippedTotal() {
    return skipped.values().stream().mapToLong(Long::longValue).sum();
  }
}
