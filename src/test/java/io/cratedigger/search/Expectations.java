package io.cratedigger.search;

import static io.cratedigger.JsonFields.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The metrics a checked-in evaluation (src/test/resources/eval/*.yaml) expects: each with its
 * value, a tolerance and optional bounds. Read strictly, so that a file that names nothing fails
 * instead of checking nothing: no metric at all, a metric without its value or tolerance, or one
 * that the evaluation does not measure.
 *
 * @param where what the metrics belong to, for messages ({@code setup "default"})
 */
record Expectations(String where, List<Metric> metrics) {

  /** One expected metric; {@code min} and {@code max} are null when the file gives none. */
  record Metric(String name, double value, double tolerance, Double min, Double max) {}

  Expectations {
    metrics = List.copyOf(metrics);
  }

  /** The metrics of an {@code expect:} mapping ({@code name: {value, tolerance, min?, max?}}). */
  static Expectations read(JsonNode expect, String where) {
    if (expect == null || !expect.isObject() || expect.isEmpty()) {
      throw new AssertionError(where + " names no metric to check, got " + expect);
    }
    List<Metric> metrics = new ArrayList<>();
    for (String name : expect.propertyNames()) {
      String at = "/" + name + "/";
      metrics.add(
          new Metric(
              name,
              number(expect, at + "value"),
              number(expect, at + "tolerance"),
              expect.path(name).has("min") ? number(expect, at + "min") : null,
              expect.path(name).has("max") ? number(expect, at + "max") : null));
    }
    return new Expectations(where, metrics);
  }

  /** Checks every metric against what was measured. */
  void check(Map<String, Double> got) {
    for (Metric m : metrics) {
      assertThat(got)
          .as("%s expects %s, which the evaluation does not measure", where, m.name())
          .containsKey(m.name());
      double v = got.get(m.name());
      assertThat(v)
          .as("%s, %s (all: %s)", where, m.name(), got)
          .isCloseTo(m.value(), within(m.tolerance()));
      if (m.min() != null) {
        assertThat(v)
            .as("%s, %s bound (all: %s)", where, m.name(), got)
            .isGreaterThanOrEqualTo(m.min());
      }
      if (m.max() != null) {
        assertThat(v)
            .as("%s, %s bound (all: %s)", where, m.name(), got)
            .isLessThanOrEqualTo(m.max());
      }
    }
  }
}
