package io.cratedigger.ingest;

import io.cratedigger.track.Key;
import io.cratedigger.track.Track;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes tracks in the project's own CSV format (format 8 of formats.md), which {@code inspect} and
 * {@code index} read back without loss. Lists are joined with {@value #LIST_SEPARATOR}; {@code key}
 * and {@code mode} use Spotify's numbers so other tools read the file too.
 */
public final class TrackCsvWriter implements Closeable {

  /** The header, in order. The format detector recognises the file by it. */
  public static final List<String> HEADER =
      List.of(
          "id",
          "title",
          "artists",
          "album",
          "label",
          "genres",
          "styles",
          "remixers",
          "year",
          "release_date",
          "duration_ms",
          "popularity",
          "isrc",
          "preview_url",
          "danceability",
          "energy",
          "valence",
          "acousticness",
          "instrumentalness",
          "liveness",
          "speechiness",
          "loudness",
          "tempo",
          "key",
          "mode",
          "time_signature");

  /** Separator inside list cells; no artist, genre or style name in the wild contains it. */
  public static final String LIST_SEPARATOR = ";";

  private final CSVPrinter printer;
  private final Object[] row = new Object[HEADER.size()];

  /** Starts the file with its header; the caller owns buffering of {@code out}. */
  public TrackCsvWriter(Writer out) throws IOException {
    this.printer = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get().print(out);
    printer.printRecord(HEADER);
  }

  /** Writes one track as one row. */
  public void write(Track t) throws IOException {
    Key key = t.key();
    int i = 0;
    row[i++] = t.id();
    row[i++] = t.title();
    row[i++] = String.join(LIST_SEPARATOR, t.artists());
    row[i++] = nz(t.album());
    row[i++] = nz(t.label());
    row[i++] = String.join(LIST_SEPARATOR, t.genres());
    row[i++] = String.join(LIST_SEPARATOR, t.styles());
    row[i++] = String.join(LIST_SEPARATOR, t.remixers());
    row[i++] = nz(t.year());
    row[i++] = nz(t.releaseDate());
    row[i++] = nz(t.durationMs());
    row[i++] = nz(t.popularity());
    row[i++] = nz(t.isrc());
    row[i++] = nz(t.previewUrl());
    row[i++] = num(t.danceability());
    row[i++] = num(t.energy());
    row[i++] = num(t.valence());
    row[i++] = num(t.acousticness());
    row[i++] = num(t.instrumentalness());
    row[i++] = num(t.liveness());
    row[i++] = num(t.speechiness());
    row[i++] = num(t.loudness());
    row[i++] = num(t.tempo());
    row[i++] = key == null ? "-1" : Integer.toString(key.pitchClass());
    row[i++] = key == null ? "" : Integer.toString(key.mode().spotify());
    row[i++] = nz(t.timeSignature());
    printer.printRecord(row);
  }

  private static String nz(Object o) {
    return o == null ? "" : o.toString();
  }

  /** Plain decimal text that reads back as the same double ({@code 120}, {@code 0.00000436}). */
  private static String num(Double d) {
    return d == null ? "" : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  @Override
  public void close() throws IOException {
    printer.close(true);
  }
}
