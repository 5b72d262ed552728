package io.cratedigger.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The import formats, read once from {@code config/formats.yaml} and checked: an unknown field name
 * or a format without title or id fails at start-up with the format's name.
 */
public final class FormatRegistry {

  /** The copy of {@code config/formats.yaml} packaged in the jar. */
  public static final String BUNDLED = "/config/formats.yaml";

  private final List<FormatSpec> formats;
  private final List<String> keepTogether;

  public FormatRegistry(List<FormatSpec> formats, List<String> keepTogether) {
    this.formats = List.copyOf(formats);
    this.keepTogether = List.copyOf(keepTogether);
  }

  /** Reads the formats file at {@code path}. */
  public static FormatRegistry load(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return parse(in, path.toString());
    }
  }

  /** Reads the formats bundled with the application. */
  public static FormatRegistry bundled() {
    try (InputStream in = FormatRegistry.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException(BUNDLED + " is missing from the class path");
      }
      return parse(in, BUNDLED);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + BUNDLED, e);
    }
  }

  /** Reads {@code path} when it exists, the bundled formats otherwise. */
  public static FormatRegistry loadOrBundled(Path path) throws IOException {
    return path != null && Files.isRegularFile(path) ? load(path) : bundled();
  }

  private static FormatRegistry parse(InputStream in, String source) {
    ObjectMapper yaml = new YAMLMapper();
    JsonNode root;
    try {
      root = yaml.readTree(in);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(source + ": not valid YAML: " + e.getOriginalMessage());
    }
    List<String> keep = strings(root.path("keepTogether"));
    List<FormatSpec> specs = new ArrayList<>();
    for (JsonNode f : root.path("formats")) {
      specs.add(spec(f, source));
    }
    if (specs.isEmpty()) {
      throw new IllegalArgumentException(source + ": no formats defined");
    }
    return new FormatRegistry(specs, keep);
  }

  private static FormatSpec spec(JsonNode f, String source) {
    String name = f.path("name").asString("");
    String where = source + ", format " + (name.isEmpty() ? "(unnamed)" : name);
    Map<ImportField, List<String>> fields = new EnumMap<>(ImportField.class);
    for (var e : f.path("fields").properties()) {
      fields.put(field(e.getKey(), where), normalized(strings(e.getValue())));
    }
    Map<ImportField, String> lists = new EnumMap<>(ImportField.class);
    for (var e : f.path("lists").properties()) {
      ImportField field = field(e.getKey(), where);
      if (!field.list()) {
        throw new IllegalArgumentException(where + ": " + e.getKey() + " is not a list field");
      }
      lists.put(field, e.getValue().asString());
    }
    try {
      return new FormatSpec(
          name,
          f.path("description").asString(null),
          f.path("json").asBoolean(false),
          normalized(strings(f.path("detect"))),
          fields,
          lists,
          normalized(strings(f.path("idFrom"))),
          f.path("idPrefix").asString(""));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  private static ImportField field(String name, String where) {
    ImportField field = ImportField.byConfigName(name);
    if (field == null) {
      throw new IllegalArgumentException(where + ": unknown field \"" + name + "\"");
    }
    return field;
  }

  private static List<String> strings(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(n -> out.add(n.asString()));
    } else if (!node.isMissingNode() && !node.isNull()) {
      out.add(node.asString());
    }
    return out;
  }

  private static List<String> normalized(List<String> columns) {
    return columns.stream().map(Headers::normalize).toList();
  }

  public List<FormatSpec> formats() {
    return formats;
  }

  /** Values that contain a list separator but are one value, e.g. a Discogs genre. */
  public List<String> keepTogether() {
    return keepTogether;
  }

  /** The format called {@code name}. */
  public Optional<FormatSpec> byName(String name) {
    return formats.stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
  }

  /**
   * The format of a header: of the formats whose detect columns are all present, the one with the
   * most detect columns (the most specific); on a tie the first in the file.
   */
  public Optional<FormatSpec> detect(List<String> header, boolean json) {
    Set<String> normalized = new LinkedHashSet<>();
    header.forEach(h -> normalized.add(Headers.normalize(h)));
    FormatSpec best = null;
    for (FormatSpec f : formats) {
      if (f.json() == json
          && f.matches(normalized)
          && (best == null || f.detect().size() > best.detect().size())) {
        best = f;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The format names, for messages. */
  public List<String> names() {
    return formats.stream().map(FormatSpec::name).toList();
  }
}
