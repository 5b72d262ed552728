package io.cratedigger;

import tools.jackson.databind.JsonNode;

/**
 * Reads one field of a JSON (or YAML) document in a test, failing when it is missing. Jackson's
 * {@code node.path("x").asDouble()} is 0.0 for a field that is not there ({@code asInt()} 0, {@code
 * asString()} ""), so {@code assertThat(json.path("score").asDouble()).isGreaterThanOrEqualTo(0)}
 * passes on an answer without a score. These name the field by its JSON Pointer ({@code
 * "/stats/candidates"}, {@code "/hits/0/id"}) and show the document when it is absent or of another
 * type.
 */
public final class JsonFields {
  private JsonFields() {}

  /** The node at {@code pointer}; fails when there is none or it is JSON null. */
  public static JsonNode field(JsonNode doc, String pointer) {
    if (doc == null) {
      throw new AssertionError("no JSON document to read " + pointer + " from");
    }
    JsonNode node = doc.at(pointer);
    if (node.isMissingNode() || node.isNull()) {
      throw new AssertionError(
          "no field "
              + pointer
              + (node.isNull() ? " (it is null)" : "")
              + " in "
              + abbreviated(doc));
    }
    return node;
  }

  /** The number at {@code pointer}, whole or not. */
  public static double number(JsonNode doc, String pointer) {
    JsonNode node = field(doc, pointer);
    if (!node.isNumber()) {
      throw wrongType(doc, pointer, node, "a number");
    }
    return node.doubleValue();
  }

  /** The whole number at {@code pointer} (1.5 is refused, not rounded). */
  public static long integer(JsonNode doc, String pointer) {
    JsonNode node = field(doc, pointer);
    if (!node.isIntegralNumber()) {
      throw wrongType(doc, pointer, node, "a whole number");
    }
    return node.longValue();
  }

  /** The string at {@code pointer}. */
  public static String text(JsonNode doc, String pointer) {
    JsonNode node = field(doc, pointer);
    if (!node.isString()) {
      throw wrongType(doc, pointer, node, "a string");
    }
    return node.stringValue();
  }

  private static AssertionError wrongType(
      JsonNode doc, String pointer, JsonNode node, String wanted) {
    return new AssertionError(
        "field "
            + pointer
            + " is "
            + abbreviated(node)
            + ", not "
            + wanted
            + ", in "
            + abbreviated(doc));
  }

  private static String abbreviated(JsonNode node) {
    String s = node.toString();
    return s.length() <= 400 ? s : s.substring(0, 400) + "... (" + s.length() + " characters)";
  }
}
