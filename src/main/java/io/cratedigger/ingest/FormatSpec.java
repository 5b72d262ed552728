package io.cratedigger.ingest;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One import format from {@code config/formats.yaml}: how to recognise its header and which columns
 * (normalised, see {@link Headers#normalize}) feed which canonical field.
 *
 * @param fields canonical field → candidate columns, tried in order
 * @param lists separator per list field; {@link #PYTHON_LIST} for a Python list literal
 * @param idFrom columns an id is made from when the export has none (empty when it has one)
 */
public record FormatSpec(
    String name,
    String description,
    boolean json,
    List<String> detect,
    Map<ImportField, List<String>> fields,
    Map<ImportField, String> lists,
    List<String> idFrom,
    String idPrefix) {

  /** The list "separator" meaning a Python list literal such as {@code ['A', "B's"]}. */
  public static final String PYTHON_LIST = "python";

  /** Separator for list fields the format does not configure. */
  public static final String DEFAULT_LIST_SEPARATOR = ",";

  public FormatSpec {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a format needs a name");
    }
    if (detect == null || detect.isEmpty()) {
      throw new IllegalArgumentException("format " + name + " needs detect columns");
    }
    detect = List.copyOf(detect);
    fields = fields.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(fields));
    lists = Map.copyOf(lists);
    idFrom = idFrom == null ? List.of() : List.copyOf(idFrom);
    idPrefix = idPrefix == null ? "" : idPrefix;
    description = description == null ? name : description;
    if (!fields.containsKey(ImportField.TITLE)) {
      throw new IllegalArgumentException("format " + name + " maps no column to title");
    }
    if (!fields.containsKey(ImportField.ID) && idFrom.isEmpty()) {
      throw new IllegalArgumentException("format " + name + " needs an id column or idFrom");
    }
  }

  /** The separator for a list field. */
  public String separator(ImportField field) {
    return lists.getOrDefault(field, DEFAULT_LIST_SEPARATOR);
  }

  /** Whether every detect column is in the (normalised) header. */
  public boolean matches(Set<String> normalizedHeader) {
    return normalizedHeader.containsAll(detect);
  }
}
