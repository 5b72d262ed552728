package io.cratedigger.ingest;

import io.cratedigger.view.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads JSON Lines: one object per line, blank lines ignored. The columns are the keys of the
 * objects (normalised like CSV headers); arrays are list cells. A line that is not a JSON object is
 * skipped with its reason.
 */
final class JsonlTrackSource implements TrackSource {
  private static final int READ_AHEAD = 1 << 20;

  private final BufferedReader in;
  private final BoundedLines lines;
  private final FormatSpec format;
  private final RowMapper mapper;
  private final Map<String, Integer> position;
  private final List<String> ignored;

  private JsonlTrackSource(
      BufferedReader in,
      FormatSpec format,
      List<String> columns,
      List<String> ignored,
      List<String> keepTogether) {
    this.in = in;
    this.lines = new BoundedLines(in, CsvTrackSource.MAX_RECORD);
    this.format = format;
    this.mapper = new RowMapper(format, columns, keepTogether);
    this.position = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      position.put(columns.get(i), i);
    }
    this.ignored = List.copyOf(ignored);
  }

  static JsonlTrackSource open(
      BufferedReader in, String fileName, FormatRegistry registry, String forcedFormat)
      throws IOException {
    // The first object's keys stand for the header, as a CSV's first line does. Read ahead to
    // it, then rewind: the lines before it are rows too (reported as malformed).
    in.mark(READ_AHEAD);
    boolean any = false;
    JsonNode first = null;
    BoundedLines ahead = new BoundedLines(in, READ_AHEAD);
    BoundedLines.Line l;
    while (first == null && (l = ahead.next()) != null) {
      String text = l.text();
      if (!l.tooLong() && text.isBlank()) {
        continue;
      }
      any = true;
      try {
        JsonNode node = Json.MAPPER.readTree(text);
        first = node.isObject() ? node : null;
      } catch (JacksonException e) {
        // reported with its line number when the rows are read
      }
    }
    if (!any) {
      throw new ImportException(fileName + " is empty");
    }
    if (first == null) {
      throw new ImportException(fileName + ": no line is a JSON object");
    }
    try {
      in.reset();
    } catch (IOException e) {
      throw new ImportException(
          fileName + ": the first JSON object starts more than 1 MB into the file");
    }
    List<String> keys = new ArrayList<>();
    first.propertyNames().forEach(keys::add);
    FormatSpec spec = Importer.chooseFormat(registry, keys, true, fileName, forcedFormat);
    Set<String> columns = new LinkedHashSet<>();
    spec.fields().values().forEach(columns::addAll);
    columns.addAll(spec.idFrom());
    List<String> ignored =
        keys.stream().filter(k -> !columns.contains(Headers.normalize(k))).toList();
    return new JsonlTrackSource(in, spec, List.copyOf(columns), ignored, registry.keepTogether());
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
    BoundedLines.Line l;
    do {
      l = lines.next();
    } while (l != null && !l.tooLong() && l.text().isBlank());
    if (l == null) {
      return null;
    }
    long at = l.number();
    if (l.tooLong()) {
      return new MappedRow.Skipped(
          at,
          ImportIssue.at(
              at,
              "line too long",
              String.format(
                  java.util.Locale.ROOT,
                  "line too long: %,d characters, at most %,d are read",
                  l.length(),
                  CsvTrackSource.MAX_RECORD)));
    }
    String text = l.text();
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(text);
    } catch (JacksonException e) {
      return malformed(at, e.getOriginalMessage());
    }
    if (!node.isObject()) {
      return malformed(at, "not a JSON object");
    }
    Object[] cells = new Object[position.size()];
    for (var e : node.properties()) {
      Integer i = position.get(Headers.normalize(e.getKey()));
      if (i != null) {
        cells[i] = cell(e.getValue());
      }
    }
    return mapper.map(at, c -> cells[c]);
  }

  private static Object cell(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return null;
    }
    if (v.isArray()) {
      List<String> out = new ArrayList<>(v.size());
      v.forEach(x -> out.add(x.isValueNode() ? x.asString() : x.toString()));
      return out;
    }
    return v.isValueNode() ? v.asString() : v.toString();
  }

  private static MappedRow malformed(long at, String why) {
    String shown = why == null ? "unreadable" : why.lines().findFirst().orElse(why);
    return new MappedRow.Skipped(
        at, ImportIssue.at(at, "malformed JSON", "malformed JSON (" + shown + ")"));
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
