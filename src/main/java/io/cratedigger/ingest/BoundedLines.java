package io.cratedigger.ingest;

import java.io.IOException;
import java.io.Reader;

/**
 * Physical lines of a text ({@code \n}, {@code \r\n} or {@code \r} ends one), each held in memory
 * up to a bound: a longer line is read to its end and reported with its length, never stored, so a
 * 2 GB line costs a pass over it and no memory.
 */
final class BoundedLines {
  /** A line; {@code tooLong} when it had more than the bound (its text is then empty). */
  record Line(long number, String text, long length, boolean tooLong) {}

  private final Reader in;
  private final int maxChars;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int len;
  private long lineNo;
  private boolean eof;

  BoundedLines(Reader in, int maxChars) {
    this.in = in;
    this.maxChars = maxChars;
  }

  /** The number of the last line read (1 is the first). */
  long lineNumber() {
    return lineNo;
  }

  /** The next physical line (\n, \r\n or \r ends one), or null at the end of the text. */
  Line next() throws IOException {
    StringBuilder sb = null;
    long length = 0;
    boolean any = false;
    while (true) {
      if (pos == len) {
        if (eof || !fill()) {
          if (!any) {
            return null;
          }
          return finish(sb, length);
        }
      }
      any = true;
      int start = pos;
      while (pos < len && buf[pos] != '\n' && buf[pos] != '\r') {
        pos++;
      }
      int take = pos - start;
      if (length + take <= maxChars) {
        if (sb == null) {
          sb = new StringBuilder(Math.max(take, 16));
        }
        sb.append(buf, start, take);
      }
      length += take;
      if (pos < len) {
        char c = buf[pos++];
        if (c == '\r') {
          if (pos == len && !eof) {
            fill();
          }
          if (pos < len && buf[pos] == '\n') {
            pos++;
          }
        }
        return finish(sb, length);
      }
    }
  }

  private Line finish(StringBuilder sb, long length) {
    lineNo++;
    if (length > maxChars) {
      return new Line(lineNo, "", length, true);
    }
    return new Line(lineNo, sb == null ? "" : sb.toString(), length, false);
  }

  private boolean fill() throws IOException {
    if (pos < len) {
      return true;
    }
    int r = in.read(buf, 0, buf.length);
    if (r <= 0) {
      eof = true;
      pos = len = 0;
      return false;
    }
    pos = 0;
    len = r;
    return true;
  }
}
