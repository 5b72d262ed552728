package io.cratedigger.opensearch;

import io.cratedigger.index.Schema;
import io.cratedigger.search.Attribute;
import io.cratedigger.search.Filters;
import io.cratedigger.search.Match;
import io.cratedigger.search.MixRule;
import io.cratedigger.search.Retriever;
import io.cratedigger.view.Json;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The engine's {@link Match}es and {@link Retriever}s in OpenSearch's query language, over the
 * cluster's field names ({@link ClusterFields}): the same tracks as the embedded index's Lucene
 * queries, term for term (the mixing rule as the same {@code mix_slot} terms, the filters as the
 * same ranges).
 */
final class ClusterQueries {
  private ClusterQueries() {}

  /** The query of a match, in filter context (no scores). */
  static ObjectNode of(Match m) {
    return switch (m) {
      case Match.All a -> obj().set("match_all", obj());
      case Match.AnyOf a -> terms(a.field(), a.values());
      case Match.And a -> bool("filter", a.parts().stream().map(ClusterQueries::of).toList());
      case Match.Or o -> {
        ObjectNode b = bool("should", o.parts().stream().map(ClusterQueries::of).toList());
        ((ObjectNode) b.get("bool")).put("minimum_should_match", 1);
        yield b;
      }
      case Match.Not n -> bool("must_not", List.of(of(n.match())));
      case Match.Mixes x -> mixes(x.rule());
      case Match.Passes p -> filters(p.filters());
      case Match.IntIs i -> {
        ObjectNode q = obj();
        q.putObject("term").put(ClusterFields.of(i.field()), i.value());
        yield q;
      }
    };
  }

  /** A lexical retrieval: BM25 over the weighted terms, restricted by the filter. */
  static ObjectNode lexical(Retriever.Lexical l) {
    ArrayNode should = Json.MAPPER.createArrayNode();
    for (Retriever.Term t : l.terms()) {
      ObjectNode term = obj();
      term.putObject(ClusterFields.of(t.field())).put("value", t.value()).put("boost", t.boost());
      should.addObject().set("term", term);
    }
    ObjectNode scoring = obj();
    scoring.putObject("bool").set("should", should);
    ObjectNode q = obj();
    ObjectNode bool = q.putObject("bool");
    bool.putArray("must").add(scoring);
    ArrayNode filter = bool.putArray("filter");
    l.filter().conjuncts().forEach(p -> filter.add(of(p)));
    return q;
  }

  /** A vector retrieval: the k-NN plugin's query, with the filter applied during the search. */
  static ObjectNode nearest(Retriever.Nearest n) {
    ObjectNode field = obj();
    ArrayNode v = field.putArray("vector");
    for (float x : n.vector()) {
      v.add(x);
    }
    field.put("k", n.size());
    if (!(n.filter() instanceof Match.All)) {
      field.set("filter", of(n.filter()));
    }
    ObjectNode q = obj();
    q.putObject("knn").set(ClusterFields.VECTOR, field);
    return q;
  }

  /** The tracks that mix: the rule's slot terms (or keys), and its energy range or none. */
  static ObjectNode mixes(MixRule rule) {
    List<ObjectNode> parts = new java.util.ArrayList<>();
    List<String> slots = rule.slots();
    if (slots != null) {
      parts.add(terms(Schema.MIX_SLOT, slots));
    } else if (rule.keys() != null) {
      parts.add(
          bool(
              "should",
              List.of(terms(Schema.CAMELOT, rule.camelots()), missing(ClusterFields.CAMELOT))));
    }
    if (rule.boundsEnergy()) {
      ObjectNode range = obj();
      range
          .putObject("range")
          .putObject("energy")
          .put("gte", rule.minEnergy())
          .put("lte", rule.maxEnergy());
      parts.add(bool("should", List.of(range, missing("energy"))));
    }
    return parts.isEmpty() ? of(Match.ALL) : bool("filter", parts);
  }

  /** The request's filters, as {@link Filters#toQuery()} has them. */
  static ObjectNode filters(Filters f) {
    ObjectNode q = obj();
    ObjectNode bool = q.putObject("bool");
    ArrayNode filter = bool.putArray("filter");
    ArrayNode not = bool.putArray("must_not");
    for (var e : f.ranges().entrySet()) {
      Attribute a = e.getKey();
      double[] r = e.getValue();
      ObjectNode range =
          filter.addObject().putObject("range").putObject(ClusterFields.of(a.field()));
      if (a.integer()) {
        if (!Double.isNaN(r[0])) {
          range.put("gte", (long) Math.ceil(r[0]));
        }
        if (!Double.isNaN(r[1])) {
          range.put("lte", (long) Math.floor(r[1]));
        }
      } else {
        if (!Double.isNaN(r[0])) {
          range.put("gte", (float) r[0]);
        }
        if (!Double.isNaN(r[1])) {
          range.put("lte", (float) r[1]);
        }
      }
    }
    if (f.minYear() != null || f.maxYear() != null) {
      ObjectNode range = filter.addObject().putObject("range").putObject(ClusterFields.YEAR);
      if (f.minYear() != null) {
        range.put("gte", f.minYear());
      }
      if (f.maxYear() != null) {
        range.put("lte", f.maxYear());
      }
    }
    if (!f.labels().isEmpty()) {
      filter.add(terms(Schema.LABEL_EXACT, f.labels()));
    }
    if (!f.styles().isEmpty()) {
      filter.add(terms(Schema.STYLE_EXACT, f.styles()));
    }
    if (!f.genres().isEmpty()) {
      filter.add(terms(Schema.GENRE_EXACT, f.genres()));
    }
    f.excludeLabels().forEach(v -> not.add(terms(Schema.LABEL_EXACT, List.of(v))));
    f.excludeStyles().forEach(v -> not.add(terms(Schema.STYLE_EXACT, List.of(v))));
    f.excludeGenres().forEach(v -> not.add(terms(Schema.GENRE_EXACT, List.of(v))));
    return q;
  }

  /** Tracks with any of the values in a keyword field (named as in the schema). */
  static ObjectNode terms(String schemaField, List<String> values) {
    ObjectNode q = obj();
    ArrayNode a = q.putObject("terms").putArray(ClusterFields.of(schemaField));
    values.forEach(a::add);
    return q;
  }

  /** Tracks without a value in the field (a cluster name). */
  static ObjectNode missing(String field) {
    ObjectNode exists = obj();
    exists.putObject("exists").put("field", field);
    return bool("must_not", List.of(exists));
  }

  private static ObjectNode bool(String occur, List<ObjectNode> clauses) {
    ObjectNode q = obj();
    ArrayNode a = q.putObject("bool").putArray(occur);
    clauses.forEach(a::add);
    return q;
  }

  static ObjectNode obj() {
    return Json.MAPPER.createObjectNode();
  }
}
