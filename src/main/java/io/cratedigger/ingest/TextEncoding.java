package io.cratedigger.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The text encoding of an export: a byte-order mark says UTF-8 or UTF-16; without one, UTF-16 shows
 * as a zero byte in every other position; otherwise the file is UTF-8 when all of it decodes as
 * UTF-8, and Windows-1252 (the superset of Latin-1 that Excel and older Windows tools write) when
 * it does not. Checking the whole file costs a pass at memory speed, and a single Latin-1 "é" in
 * the millionth row is then found, not turned into U+FFFD.
 *
 * @param charset what the text is decoded with
 * @param bom bytes of byte-order mark to skip
 * @param how the encoding in words, for the report ("utf-8", "windows-1252 (not valid UTF-8 at byte
 *     1,234)", "utf-16le (byte-order mark)", "windows-1252 (forced)")
 */
public record TextEncoding(Charset charset, int bom, String how) {

  /** How much of the start is looked at for UTF-16 without a byte-order mark. */
  private static final int SAMPLE = 4096;

  /** The encoding of {@code file}: {@code forced} (a charset name) unless null, blank or "auto". */
  public static TextEncoding of(Path file, String forced) throws IOException {
    byte[] head = new byte[SAMPLE];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, SAMPLE);
    }
    int bomLength = 0;
    Charset byBom = null;
    if (n >= 3
        && (head[0] & 0xff) == 0xEF
        && (head[1] & 0xff) == 0xBB
        && (head[2] & 0xff) == 0xBF) {
      byBom = StandardCharsets.UTF_8;
      bomLength = 3;
    } else if (n >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
      byBom = StandardCharsets.UTF_16LE;
      bomLength = 2;
    } else if (n >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
      byBom = StandardCharsets.UTF_16BE;
      bomLength = 2;
    }
    if (forced != null && !forced.isBlank() && !forced.equalsIgnoreCase("auto")) {
      Charset cs = charset(forced);
      return new TextEncoding(cs, cs.equals(byBom) ? bomLength : 0, name(cs) + " (as asked)");
    }
    if (byBom != null) {
      return new TextEncoding(byBom, bomLength, name(byBom) + " (byte-order mark)");
    }
    Charset utf16 = utf16WithoutBom(head, n);
    if (utf16 != null) {
      return new TextEncoding(utf16, 0, name(utf16) + " (every other byte is zero)");
    }
    long bad = firstInvalidUtf8(file);
    if (bad < 0) {
      return new TextEncoding(StandardCharsets.UTF_8, 0, "utf-8");
    }
    return new TextEncoding(
        Charset.forName("windows-1252"),
        0,
        String.format(Locale.ROOT, "windows-1252 (not valid UTF-8 at byte %,d)", bad));
  }

  /** A charset by name, or a clear error naming some that work. */
  static Charset charset(String name) {
    try {
      return Charset.forName(name.strip());
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new ImportException(
          "unknown encoding \""
              + name
              + "\"; for example auto, utf-8, windows-1252, iso-8859-1, utf-16");
    }
  }

  private static String name(Charset cs) {
    return cs.name().toLowerCase(Locale.ROOT);
  }

  /** UTF-16 by the zero bytes of ASCII text, when most of the sample's odd or even bytes are 0. */
  private static Charset utf16WithoutBom(byte[] b, int n) {
    if (n < 4) {
      return null;
    }
    int evenZero = 0;
    int oddZero = 0;
    for (int i = 0; i + 1 < n; i += 2) {
      evenZero += b[i] == 0 ? 1 : 0;
      oddZero += b[i + 1] == 0 ? 1 : 0;
    }
    int pairs = n / 2;
    if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) {
      return StandardCharsets.UTF_16LE;
    }
    if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) {
      return StandardCharsets.UTF_16BE;
    }
    return null;
  }

  /** The offset of the first byte that is not valid UTF-8, or -1 when the whole file is. */
  static long firstInvalidUtf8(Path file) throws IOException {
    CharsetDecoder d =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.allocate(1 << 16);
    CharBuffer out = CharBuffer.allocate(1 << 16);
    long consumed = 0;
    try (InputStream s = Files.newInputStream(file)) {
      boolean end = false;
      while (!end) {
        int r = s.read(in.array(), in.position(), in.remaining());
        if (r < 0) {
          end = true;
        } else {
          in.position(in.position() + r);
        }
        in.flip();
        int before = in.position();
        CoderResult cr = d.decode(in, out, end);
        consumed += in.position() - before;
        if (cr.isError()) {
          return consumed;
        }
        out.clear();
        in.compact();
      }
      out.clear();
      if (d.flush(out).isError()) {
        return consumed;
      }
    }
    return -1;
  }
}
