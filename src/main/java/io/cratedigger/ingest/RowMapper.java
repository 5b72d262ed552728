package io.cratedigger.ingest;

import io.cratedigger.ingest.Cells.BadCell;
import io.cratedigger.track.AudioFeature;
import io.cratedigger.track.Key;
import io.cratedigger.track.Track;
import io.cratedigger.track.Versions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the cells of one row into a {@link Track} by a {@link FormatSpec}, checking each cell.
 *
 * <p>The rules of formats.md: a row without id or title is skipped; a bad cell in an optional
 * column drops that value, with its reason, and keeps the row. Encodings of "unknown" are not
 * errors: tempo {@code 0}, key {@code -1}, duration {@code 0}, time signature {@code 0}, release
 * date {@code 0000}.
 */
final class RowMapper {

  /** One cell accessor per row: a {@code String}, a {@code List<String>} (JSON) or null. */
  interface Row {
    Object get(int column);
  }

  private final FormatSpec spec;
  private final List<String> keepTogether;
  private final List<String> header;
  private final int[][] columns; // per ImportField ordinal: header positions, in config order
  private final int[] idFrom;

  RowMapper(FormatSpec spec, List<String> header, List<String> keepTogether) {
    this.spec = spec;
    this.header = List.copyOf(header);
    this.keepTogether = List.copyOf(keepTogether);
    Map<String, Integer> position = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      position.putIfAbsent(Headers.normalize(header.get(i)), i);
    }
    columns = new int[ImportField.values().length][];
    for (ImportField f : ImportField.values()) {
      columns[f.ordinal()] =
          spec.fields().getOrDefault(f, List.of()).stream()
              .filter(position::containsKey)
              .mapToInt(position::get)
              .toArray();
    }
    idFrom = spec.idFrom().stream().filter(position::containsKey).mapToInt(position::get).toArray();
  }

  /** Canonical field → the header cell it reads, as written in the file (first candidate). */
  Map<String, String> mapping() {
    Map<String, String> out = new LinkedHashMap<>();
    for (ImportField f : ImportField.values()) {
      int[] cols = columns[f.ordinal()];
      if (cols.length > 0) {
        out.put(f.configName(), header.get(cols[0]).replace("\uFEFF", ""));
      }
    }
    if (idFrom.length > 0) {
      out.put(
          "id",
          spec.idPrefix()
              + "hash("
              + String.join(", ", Arrays.stream(idFrom).mapToObj(i -> header.get(i)).toList())
              + ")");
    }
    return out;
  }

  /**
   * Longest cell read, in characters: a name longer than this is not a name (and a term over 32 KB
   * of UTF-8 would fail the whole rebuild in Lucene).
   */
  static final int MAX_CELL = 8_192;

  MappedRow map(long line, Row row) {
    for (int[] cols : columns) {
      for (int c : cols) {
        if (row.get(c) instanceof String s && s.length() > MAX_CELL) {
          return tooLong(line, c, s.length());
        }
      }
    }
    for (int c : idFrom) {
      if (row.get(c) instanceof String s && s.length() > MAX_CELL) {
        return tooLong(line, c, s.length());
      }
    }
    List<ImportIssue> dropped = new ArrayList<>(0);
    String id = idFrom.length > 0 ? derivedId(row) : text(row, ImportField.ID);
    if (id == null) {
      return skip(line, "missing id", "no id (" + columnName(ImportField.ID) + " is blank)");
    }
    String title = text(row, ImportField.TITLE);
    if (title == null) {
      return skip(line, "missing title", "no title for id " + quote(id));
    }
    Track.Builder b = Track.builder(id, title);
    Cx cx = new Cx(line, row, dropped);
    b.artists(cx.list(ImportField.ARTISTS));
    b.genres(cx.list(ImportField.GENRES));
    b.styles(cx.list(ImportField.STYLES));
    b.remixers(cx.list(ImportField.REMIXERS));
    b.album(text(row, ImportField.ALBUM));
    b.label(text(row, ImportField.LABEL));
    b.isrc(text(row, ImportField.ISRC));
    b.previewUrl(cx.url(ImportField.PREVIEW_URL));
    Cells.Date date = cx.date();
    b.releaseDate(date == null ? null : date.iso());
    Integer year = cx.intIn(ImportField.YEAR, Track.MIN_YEAR, Track.MAX_YEAR, false);
    if (year == null
        && date != null
        && date.year() >= Track.MIN_YEAR
        && date.year() <= Track.MAX_YEAR) {
      year = date.year();
    }
    b.year(year);
    b.durationMs(cx.duration());
    b.popularity(cx.intIn(ImportField.POPULARITY, 0, 100, false));
    for (AudioFeature f : AudioFeature.values()) {
      b.feature(f, cx.feature(f));
    }
    b.tempo(cx.tempo());
    b.key(cx.key());
    b.timeSignature(cx.intIn(ImportField.TIME_SIGNATURE, 1, 16, true));
    try {
      return new MappedRow.Kept(line, b.build(), dropped);
    } catch (IllegalArgumentException e) {
      return skip(line, "invalid track", e.getMessage());
    }
  }

  private MappedRow tooLong(long line, int column, int length) {
    return skip(
        line,
        "cell too long",
        String.format(
            Locale.ROOT,
            "%s is %,d characters long, at most %,d are read",
            header.get(column).replace("\uFEFF", ""),
            length,
            MAX_CELL));
  }

  private static MappedRow skip(long line, String reason, String detail) {
    return new MappedRow.Skipped(line, ImportIssue.at(line, reason, detail));
  }

  private String columnName(ImportField f) {
    List<String> configured = spec.fields().getOrDefault(f, List.of());
    int[] cols = columns[f.ordinal()];
    return cols.length > 0
        ? header.get(cols[0]).replace("\uFEFF", "")
        : configured.isEmpty() ? f.configName() : configured.get(0);
  }

  /** The first non-blank string cell among the field's columns. */
  private String text(Row row, ImportField f) {
    for (int c : columns[f.ordinal()]) {
      Object v = row.get(c);
      if (v instanceof String s && !s.isBlank()) {
        return s.strip();
      }
      if (v instanceof List<?> l && !l.isEmpty()) {
        return String.valueOf(l.getFirst()).strip();
      }
    }
    return null;
  }

  /** An id for exports without one: a stable hash of the normalised identifying cells. */
  private String derivedId(Row row) {
    StringBuilder key = new StringBuilder();
    boolean any = false;
    for (int c : idFrom) {
      Object v = row.get(c);
      String s = v == null ? "" : Versions.fold(v.toString());
      any |= !s.isEmpty();
      key.append(s).append('\u001f');
    }
    return any ? spec.idPrefix() + HexFormat.of().toHexDigits(LongHashSet.hash(key)) : null;
  }

  private static String quote(String s) {
    String shown = s.length() > 60 ? s.substring(0, 57) + "..." : s;
    return "\"" + shown + "\"";
  }

  /** The cell readers of one row, collecting dropped values. */
  private final class Cx {
    private final long line;
    private final Row row;
    private final List<ImportIssue> dropped;

    Cx(long line, Row row, List<ImportIssue> dropped) {
      this.line = line;
      this.row = row;
      this.dropped = dropped;
    }

    private void drop(ImportField f, String cell, String why) {
      drop(f.configName(), cell, why);
    }

    private void drop(String field, String cell, String why) {
      dropped.add(ImportIssue.at(line, field + " " + why, field + " " + quote(cell) + " " + why));
    }

    List<String> list(ImportField f) {
      for (int c : columns[f.ordinal()]) {
        Object v = row.get(c);
        if (v instanceof List<?> l) {
          List<String> out = l.stream().map(String::valueOf).toList();
          if (!out.isEmpty()) {
            return out;
          }
        } else if (v instanceof String s && !s.isBlank()) {
          try {
            return Cells.split(s, spec.separator(f), keepTogether);
          } catch (BadCell e) {
            drop(f, s, e.getMessage());
          }
        }
      }
      return List.of();
    }

    /** The first cell of the field that reads as a value; bad cells are reported and skipped. */
    private <T> T first(ImportField f, CellReader<T> reader) {
      for (int c : columns[f.ordinal()]) {
        Object v = row.get(c);
        String s = v == null ? null : v.toString();
        if (Cells.blank(s)) {
          continue;
        }
        try {
          T value = reader.read(s);
          if (value != null) {
            return value;
          }
        } catch (BadCell e) {
          drop(f, s, e.getMessage());
        }
      }
      return null;
    }

    String url(ImportField f) {
      return first(
          f,
          s -> {
            String t = s.strip();
            String lower = t.toLowerCase(Locale.ROOT);
            if (!(lower.startsWith("https://") || lower.startsWith("http://"))
                || t.chars().anyMatch(ch -> ch <= ' ')) {
              throw new BadCell("is not an http(s) URL");
            }
            return t;
          });
    }

    Cells.Date date() {
      return first(ImportField.RELEASE_DATE, Cells::date);
    }

    Integer duration() {
      return first(
          ImportField.DURATION_MS,
          s -> {
            Integer ms = Cells.durationMs(s);
            if (ms != null && ms < 0) {
              throw new BadCell("is negative");
            }
            return ms == null || ms == 0 ? null : ms; // 0: unknown
          });
    }

    Integer intIn(ImportField f, int min, int max, boolean zeroUnknown) {
      return first(
          f,
          s -> {
            Integer v = Cells.integer(s);
            if (v == null || (zeroUnknown && v == 0)) {
              return null;
            }
            if (v < min || v > max) {
              throw new BadCell("is outside " + min + ".." + max);
            }
            return v;
          });
    }

    Double feature(AudioFeature af) {
      ImportField f = ImportField.valueOf(af.name());
      return first(
          f,
          s -> {
            Double v = Cells.decimal(s);
            if (v != null && !af.accepts(v)) {
              throw new BadCell("is outside " + af.range());
            }
            return v;
          });
    }

    Double tempo() {
      return first(
          ImportField.TEMPO,
          s -> {
            Double v = Cells.decimal(s);
            if (v == null || v == 0) {
              return null; // 0 BPM means unknown, not slow
            }
            if (v < Track.MIN_TEMPO || v > Track.MAX_TEMPO) {
              throw new BadCell(
                  "is outside " + (int) Track.MIN_TEMPO + ".." + (int) Track.MAX_TEMPO + " BPM");
            }
            return v;
          });
    }

    /** A text key first; Spotify's pitch class and mode when there is none. */
    Key key() {
      Key text =
          first(
              ImportField.KEY,
              s -> Key.tryParse(s).orElseThrow(() -> new BadCell("is not a musical key")));
      if (text != null) {
        return text;
      }
      Integer pc = first(ImportField.PITCH_CLASS, Cells::integer);
      if (pc == null || pc == -1) {
        return null;
      }
      if (pc < 0 || pc > 11) {
        drop(ImportField.PITCH_CLASS, pc.toString(), "is outside -1..11");
        return null;
      }
      Integer mode = first(ImportField.MODE, Cells::integer);
      if (mode == null || (mode != 0 && mode != 1)) {
        drop(ImportField.MODE, String.valueOf(mode), "is not 0 (minor) or 1 (major)");
        return null;
      }
      return new Key(pc, mode == 1 ? Key.Mode.MAJOR : Key.Mode.MINOR);
    }
  }

  @FunctionalInterface
  private interface CellReader<T> {
    T read(String cell) throws BadCell;
  }

  /** For messages: the fields of the format that this header lacks. */
  Map<ImportField, List<String>> missingColumns() {
    Map<ImportField, List<String>> out = new EnumMap<>(ImportField.class);
    for (var e : spec.fields().entrySet()) {
      if (columns[e.getKey().ordinal()].length == 0) {
        out.put(e.getKey(), e.getValue());
      }
    }
    return out;
  }
}
