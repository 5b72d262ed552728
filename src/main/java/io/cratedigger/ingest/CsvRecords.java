package io.cratedigger.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Splits CSV text into records, forgiving what real exports get wrong and never losing more than
 * the broken record. RFC 4180 (quoted cells, doubled quotes, line breaks inside quotes), read
 * leniently: inside a quoted cell a quote closes the cell only when a delimiter, the end of the
 * line or the end of the file follows; any other quote is kept as text. When that reading does not
 * give the header's number of cells, a doubled quote before a delimiter is also taken to close the
 * cell. So Exportify's {@code "ООО "Музыкальная компания МА-ЯК""} (inner quotes not doubled) reads
 * as {@code ООО "Музыкальная компания МА-ЯК"}, and every well-formed file reads exactly as a strict
 * parser reads it.
 *
 * <p>A quoted cell that never closes would swallow the rest of the file; so a record is allowed at
 * most {@link #MAX_LINES_PER_RECORD} physical lines and {@code maxRecordChars} characters, and a
 * record that spans several lines but has the wrong number of cells is taken to be a stray quote:
 * only its first line is reported, and reading resumes on the next line. Lines longer than the
 * bound are skipped without being held in memory.
 *
 * <p>Hand-written because the libraries stop at the first quoting error (commons-csv throws and
 * cannot resume), which is the case this class exists for.
 */
final class CsvRecords {
  /** A quoted cell may hold this many line breaks before the quote is taken to be a stray one. */
  static final int MAX_LINES_PER_RECORD = 64;

  /** What {@link #next} gives: a record, or a line that could not be read as one. */
  sealed interface Item permits Record, Bad {
    /** The physical line the record starts on (1 is the first line of the file). */
    long line();
  }

  /** A record's cells; {@code lines} physical lines long. */
  record Record(long line, int lines, List<String> cells) implements Item {}

  /** A line skipped: the short reason (for counts) and the message (for the report). */
  record Bad(long line, String reason, String message) implements Item {}

  private final Reader in;
  private final char delimiter;
  private final int maxRecordChars;
  private int width;
  private final Deque<BoundedLines.Line> pushedBack = new ArrayDeque<>();
  private final BoundedLines physical;

  /**
   * @param width the header's number of cells, or 0 while the header itself is read: a multi-line
   *     record of another width is then not taken for a stray quote
   */
  CsvRecords(Reader in, char delimiter, int maxRecordChars, int width) {
    this.in = in;
    this.physical = new BoundedLines(in, maxRecordChars);
    this.delimiter = delimiter;
    this.maxRecordChars = maxRecordChars;
    this.width = width;
  }

  /** The header's number of cells, once it is read. */
  void width(int width) {
    this.width = width;
  }

  void close() throws IOException {
    in.close();
  }

  /** The last physical line read so far. */
  long lineNumber() {
    return physical.lineNumber();
  }

  /** The next record or skipped line; null at the end of the text. Blank lines are passed over. */
  Item next() throws IOException {
    BoundedLines.Line first;
    do {
      first = nextLine();
      if (first == null) {
        return null;
      }
    } while (!first.tooLong() && first.text().isEmpty());
    if (first.tooLong()) {
      return tooLong(first);
    }
    List<BoundedLines.Line> lines = new ArrayList<>(1);
    lines.add(first);
    StringBuilder text = null;
    long chars = first.text().length();
    while (true) {
      String joined = text == null ? first.text() : text.toString();
      List<String> cells = parse(joined, false, false);
      if (cells != null && (width == 0 || cells.size() == width)) {
        return new Record(first.number(), lines.size(), cells);
      }
      List<String> lenient = width == 0 ? null : parse(joined, true, false);
      if (lenient != null && lenient.size() == width) {
        return new Record(first.number(), lines.size(), lenient);
      }
      if (cells != null) {
        if (lines.size() > 1) {
          return alone(lines, "its cells do not line up with the header");
        }
        return new Record(first.number(), 1, cells); // the caller reports the wrong width
      }
      // inside a quoted cell at the end of the line: the record goes on, within bounds
      BoundedLines.Line more = lines.size() >= MAX_LINES_PER_RECORD ? null : nextLine();
      if (more == null
          || more.tooLong()
          || chars + 1 + more.text().length() > maxRecordChars
          || startsRecord(more)) {
        if (more != null) {
          pushedBack.push(more);
        }
        return alone(lines, "a quote opens a cell that never closes");
      }
      if (text == null) {
        text = new StringBuilder(first.text());
      }
      text.append('\n').append(more.text());
      chars += 1 + more.text().length();
      lines.add(more);
    }
  }

  /**
   * Whether a line read while a quoted cell is open is a record of its own rather than the cell's
   * next line: it holds the header's number of cells by itself. Without this, a stray opening quote
   * ({@code "Never closed,...}) would join its line with the next one, and the two can happen to
   * add up to the header's width, losing a row without a word.
   */
  private boolean startsRecord(BoundedLines.Line line) {
    if (width == 0 || line.text().isEmpty()) {
      return false;
    }
    List<String> cells = parse(line.text(), false, false);
    return cells != null && cells.size() == width;
  }

  /**
   * The first line on its own, its unclosed quote taken as text, when that gives the header's
   * number of cells; otherwise the line is reported as malformed. The other lines are handed back
   * to be read again.
   */
  private Item alone(List<BoundedLines.Line> lines, String why) {
    for (int i = lines.size() - 1; i >= 1; i--) {
      pushedBack.push(lines.get(i));
    }
    BoundedLines.Line first = lines.getFirst();
    List<String> cells = width == 0 ? null : parse(first.text(), false, true);
    if (cells != null && cells.size() == width) {
      return new Record(first.number(), 1, cells);
    }
    return new Bad(
        first.number(),
        "malformed CSV",
        "malformed CSV: " + why + "; the line was skipped, reading went on at the next one");
  }

  private Bad tooLong(BoundedLines.Line line) {
    return new Bad(
        line.number(),
        "line too long",
        String.format(
            java.util.Locale.ROOT,
            "line too long: %,d characters, at most %,d are read",
            line.length(),
            maxRecordChars));
  }

  /**
   * The cells of a record's text, or null when the text ends inside a quoted cell. Strict: a
   * doubled quote is always a quote; lenient: a doubled quote before a delimiter or the end also
   * closes the cell (tried only when the strict reading does not fit the header). {@code
   * unclosedAsText}: a quote that never closes is text, and the cell ends at the next delimiter.
   */
  private List<String> parse(String s, boolean lenient, boolean unclosedAsText) {
    List<String> cells = new ArrayList<>(width > 0 ? width : 16);
    StringBuilder cell = new StringBuilder();
    int n = s.length();
    int i = 0;
    while (true) {
      cell.setLength(0);
      if (i < n && s.charAt(i) == '"') {
        // a quoted cell
        int opened = i;
        i++;
        boolean closed = false;
        while (i < n) {
          char c = s.charAt(i);
          if (c != '"') {
            int next = s.indexOf('"', i);
            int end = next < 0 ? n : next;
            cell.append(s, i, end);
            i = end;
            continue;
          }
          if (i + 1 == n || s.charAt(i + 1) == delimiter) {
            i++;
            closed = true;
            break;
          }
          if (s.charAt(i + 1) == '"') {
            cell.append('"');
            i += 2;
            if (lenient && (i == n || s.charAt(i) == delimiter)) {
              // `К""` then the delimiter: the doubled quote ends the cell with a quote in it, as
              // the writer that forgot to double the inner quotes meant
              closed = true;
              break;
            }
            continue;
          }
          cell.append('"'); // a stray quote, kept as text
          i++;
        }
        if (!closed) {
          if (!unclosedAsText) {
            return null;
          }
          cell.setLength(0);
          int end = s.indexOf(delimiter, opened);
          end = end < 0 ? n : end;
          cell.append(s, opened, end);
          i = end;
          cells.add(cell.toString());
          if (i >= n) {
            return cells;
          }
          i++;
          if (i == n) {
            cells.add("");
            return cells;
          }
          continue;
        }
        // anything between the closing quote and the delimiter is text too
        int end = s.indexOf(delimiter, i);
        end = end < 0 ? n : end;
        cell.append(s, i, end);
        i = end;
      } else {
        int end = s.indexOf(delimiter, i);
        end = end < 0 ? n : end;
        cell.append(s, i, end);
        i = end;
      }
      cells.add(cell.toString());
      if (i >= n) {
        return cells;
      }
      i++; // the delimiter
      if (i == n) {
        cells.add("");
        return cells;
      }
    }
  }

  /** The next physical line, a line handed back first. */
  private BoundedLines.Line nextLine() throws IOException {
    return pushedBack.isEmpty() ? physical.next() : pushedBack.pop();
  }
}
