package io.cratedigger.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a CSV export row by row in constant memory. The delimiter (comma, semicolon or tab) is
 * taken from the header line; a byte-order mark is dropped; a row whose cell count differs from the
 * header's is skipped (its columns cannot be trusted); a quoting error costs its line only, and
 * reading goes on at the next one ({@link CsvRecords}).
 */
final class CsvTrackSource implements TrackSource {
  /** Longest record read, in characters (longer lines are skipped with a reason). */
  static final int MAX_RECORD = 1 << 20;

  /** How much of the file's start is looked at for the delimiter. */
  private static final int SNIFF = 1 << 16;

  private final CsvRecords records;
  private final int width;
  private final RowMapper mapper;
  private final FormatSpec format;
  private final List<String> ignored;

  private CsvTrackSource(
      CsvRecords records, List<String> header, FormatSpec format, RowMapper mapper) {
    this.records = records;
    this.width = header.size();
    this.format = format;
    this.mapper = mapper;
    Map<String, String> used = mapper.mapping();
    List<String> ig = new ArrayList<>();
    for (String h : header) {
      String clean = h.replace("\uFEFF", "");
      if (!used.containsValue(clean) && !clean.isBlank()) {
        ig.add(clean);
      }
    }
    this.ignored = List.copyOf(ig);
  }

  /** Reads the header from {@code in} and picks the format (or checks the forced one). */
  static CsvTrackSource open(
      BufferedReader in, String fileName, FormatRegistry registry, String forcedFormat)
      throws IOException {
    in.mark(SNIFF);
    char[] start = new char[SNIFF];
    int n = 0;
    int r;
    while (n < SNIFF && (r = in.read(start, n, SNIFF - n)) > 0) {
      n += r;
    }
    in.reset();
    String head = new String(start, 0, n);
    int eol = head.indexOf('\n');
    String firstLine = eol < 0 ? head : head.substring(0, eol);
    if (head.isBlank()) {
      throw new ImportException(fileName + " is empty");
    }
    CsvRecords records = new CsvRecords(in, sniffDelimiter(firstLine), MAX_RECORD, 0);
    CsvRecords.Item first = records.next();
    if (!(first instanceof CsvRecords.Record rec)) {
      throw new ImportException(
          fileName
              + ": the header line is not valid CSV"
              + (first instanceof CsvRecords.Bad b ? " (" + b.message() + ")" : ""));
    }
    List<String> header = new ArrayList<>(rec.cells());
    header.set(0, header.getFirst().replace("\uFEFF", ""));
    records.width(header.size());
    FormatSpec spec = Importer.chooseFormat(registry, header, false, fileName, forcedFormat);
    return new CsvTrackSource(
        records, header, spec, new RowMapper(spec, header, registry.keepTogether()));
  }

  /** The most frequent of comma, semicolon and tab outside quotes in the header line. */
  static char sniffDelimiter(String line) {
    int comma = 0;
    int semicolon = 0;
    int tab = 0;
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        switch (c) {
          case ',' -> comma++;
          case ';' -> semicolon++;
          case '\t' -> tab++;
          default -> {}
        }
      }
    }
    if (tab > comma && tab > semicolon) {
      return '\t';
    }
    return semicolon > comma ? ';' : ',';
  }

  @Override
  public FormatSpec format() {
    return format;
  }

  @Override
  public Map<String, String> mapping() {
    return mapper.mapping();
  }

  @Override
  public List<String> ignoredColumns() {
    return ignored;
  }

  @Override
  public MappedRow next() throws IOException {
    CsvRecords.Item item = records.next();
    return switch (item) {
      case null -> null;
      case CsvRecords.Bad bad ->
          new MappedRow.Skipped(
              bad.line(), ImportIssue.at(bad.line(), bad.reason(), bad.message()));
      case CsvRecords.Record rec when rec.cells().size() != width ->
          new MappedRow.Skipped(
              rec.line(),
              ImportIssue.at(
                  rec.line(),
                  "wrong number of cells",
                  rec.cells().size() + " cells, the header has " + width));
      case CsvRecords.Record rec -> mapper.map(rec.line(), rec.cells()::get);
    };
  }

  @Override
  public void close() throws IOException {
    records.close();
  }
}
