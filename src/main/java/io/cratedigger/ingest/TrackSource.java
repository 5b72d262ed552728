package io.cratedigger.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** A stream of mapped rows from one export file; one implementation per container (CSV, JSONL). */
public interface TrackSource extends Closeable {

  /** The format the rows are read as. */
  FormatSpec format();

  /** Canonical field → the column it is read from, as written in the file. */
  Map<String, String> mapping();

  /** Header columns no field reads (shown by {@code inspect}, so a user sees what is ignored). */
  List<String> ignoredColumns();

  /** The text encoding the file was read in, in words ({@link TextEncoding#how}). */
  default String encoding() {
    return "utf-8";
  }

  /** The next row, or {@code null} at the end of the file. */
  MappedRow next() throws IOException;
}
