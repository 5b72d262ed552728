package io.cratedigger.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV export row by row in constant memory. The delimiter (comma, semicolon or tab) is
 * taken from the header line; a byte-order mark is dropped; a row whose cell count differs from the
 * header's is skipped (its columns cannot be trusted); a quoting error ends the file with one skip
 * that says where.
 */
final class CsvTrackSource implements TrackSource {
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final int width;
  private final RowMapper mapper;
  private final FormatSpec format;
  private final List<String> ignored;
  private long previousEnd;
  private boolean broken;

  private CsvTrackSource(
      CSVParser parser, List<String> header, FormatSpec format, RowMapper mapper) {
    this.parser = parser;
    this.records = parser.iterator();
    this.width = header.size();
    this.format = format;
    this.mapper = mapper;
    this.previousEnd = parser.getCurrentLineNumber();
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
    in.mark(1 << 20);
    String firstLine = in.readLine();
    if (firstLine == null || firstLine.isBlank()) {
      throw new ImportException(fileName + " is empty");
    }
    in.reset();
    char delimiter = sniffDelimiter(firstLine);
    CSVFormat csv = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get();
    CSVParser parser = CSVParser.parse(in, csv);
    Iterator<CSVRecord> it = parser.iterator();
    List<String> header = new ArrayList<>();
    try {
      it.next().forEach(header::add);
    } catch (UncheckedIOException e) {
      parser.close();
      throw new ImportException(fileName + ": the header line is not valid CSV");
    }
    if (!header.isEmpty()) {
      header.set(0, header.getFirst().replace("\uFEFF", ""));
    }
    FormatSpec spec = Importer.chooseFormat(registry, header, false, fileName, forcedFormat);
    return new CsvTrackSource(
        parser, header, spec, new RowMapper(spec, header, registry.keepTogether()));
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
  public MappedRow next() {
    if (broken) {
      return null;
    }
    long start = previousEnd + 1;
    CSVRecord record;
    try {
      if (!records.hasNext()) {
        return null;
      }
      record = records.next();
    } catch (UncheckedIOException | IllegalStateException e) {
      broken = true;
      String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
      return new MappedRow.Skipped(
          start,
          ImportIssue.at(
              start,
              "malformed CSV",
              "malformed CSV (" + why + "); the rest of the file was not read"));
    }
    previousEnd = parser.getCurrentLineNumber();
    if (record.size() != width) {
      return new MappedRow.Skipped(
          start,
          ImportIssue.at(
              start, "wrong number of cells", record.size() + " cells, the header has " + width));
    }
    return mapper.map(start, record::get);
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
