package io.cratedigger.bench;

import io.cratedigger.view.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A benchmark's written result: Markdown for people, JSON for tools, both saying the machine and
 * the exact command that produced them. Sections and tables are added in reading order; the JSON
 * holds the raw figures under named keys.
 */
public final class Report {

  private final String title;
  private final String command;
  private final Machine machine;
  private final StringBuilder body = new StringBuilder();
  private final Map<String, Object> data = new LinkedHashMap<>();

  public Report(String title, String command, Machine machine) {
    this.title = title;
    this.command = command;
    this.machine = machine;
  }

  /** A heading and a paragraph (either may be empty). */
  public Report section(String heading, String text) {
    if (!heading.isEmpty()) {
      body.append("\n## ").append(heading).append("\n\n");
    }
    if (!text.isEmpty()) {
      body.append(text.strip()).append("\n\n");
    }
    return this;
  }

  /** A heading one level below {@link #section}. */
  public Report subsection(String heading) {
    body.append("### ").append(heading).append("\n\n");
    return this;
  }

  /** A Markdown table; cells are written with {@link #cell}. */
  public Report table(List<String> header, List<List<Object>> rows) {
    body.append("| ").append(String.join(" | ", header)).append(" |\n");
    body.append("|").append(" --- |".repeat(header.size())).append("\n");
    for (List<Object> row : rows) {
      List<String> cells = new ArrayList<>(row.size());
      row.forEach(c -> cells.add(cell(c)));
      body.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
    body.append("\n");
    return this;
  }

  /** Raw figures for the JSON form. */
  public Report data(String key, Object value) {
    data.put(key, value);
    return this;
  }

  /** Numbers as people read them: thousands grouped, two or three significant digits after. */
  static String cell(Object v) {
    return switch (v) {
      case null -> "—";
      case Integer i -> String.format(Locale.ROOT, "%,d", i);
      case Long l -> String.format(Locale.ROOT, "%,d", l);
      case Double d when d.isNaN() -> "—";
      case Double d when Math.abs(d) >= 100 -> String.format(Locale.ROOT, "%,.0f", d);
      case Double d when Math.abs(d) >= 10 -> String.format(Locale.ROOT, "%.1f", d);
      case Double d when Math.abs(d) >= 1 -> String.format(Locale.ROOT, "%.2f", d);
      case Double d -> String.format(Locale.ROOT, "%.3f", d);
      default -> v.toString().replace("|", "\\|");
    };
  }

  public String markdown() {
    return "# "
        + title
        + "\n\n"
        + "Machine: "
        + machine.summary()
        + ". Date: "
        + machine.date()
        + ".\n\n"
        + "Command: `"
        + command
        + "`\n\n"
        + body.toString().stripLeading();
  }

  public String json() {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("title", title);
    all.put("command", command);
    all.put("machine", machine);
    all.putAll(data);
    return Json.PRETTY.writeValueAsString(all);
  }

  /** Writes {@code NAME.md} and {@code NAME.json} into {@code dir}; returns their paths. */
  public List<Path> write(Path dir, String name) throws IOException {
    Files.createDirectories(dir);
    Path md = dir.resolve(name + ".md");
    Path json = dir.resolve(name + ".json");
    Files.writeString(md, markdown());
    Files.writeString(json, json() + "\n");
    return List.of(md, json);
  }
}
