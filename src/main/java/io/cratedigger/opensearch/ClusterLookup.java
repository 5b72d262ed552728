package io.cratedigger.opensearch;

import io.cratedigger.index.Analyzers;
import io.cratedigger.index.Schema;
import io.cratedigger.search.BadQueryException;
import io.cratedigger.search.LookupHit;
import io.cratedigger.search.LookupQuery;
import io.cratedigger.search.QuerySyntax;
import io.cratedigger.search.TrackLookup;
import io.cratedigger.view.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link TrackLookup} answered by a cluster generation: the same checks and messages, the same
 * typo-tolerant query ({@link LookupQuery}: exact, prefix and fuzzy words, the relaxed second pass,
 * the title-and-artist boost), the same popularity factor and the same order (score, then id), in
 * OpenSearch's query language. Text in the advanced syntax is parsed by the embedded index's own
 * parser ({@link QuerySyntax}), so it is checked and refused with the same messages, and the parsed
 * query is written out for the cluster ({@link ClusterSyntax}).
 *
 * <p>How each part is reproduced:
 *
 * <ul>
 *   <li>The exact word is a Lucene {@code BlendedTermQuery}: every field scores the word with the
 *       largest document frequency among the fields. OpenSearch's {@code cross_fields} blends
 *       differently (it adds one to the frequency of each less frequent field), so instead each
 *       field's {@code term} query gets the boost {@code idf(largest df) / idf(its df)}: one extra
 *       request before the search counts the words' document frequencies and the fields' document
 *       counts.
 *   <li>Prefix words are {@code prefix} queries (constant score, the boost), fuzzy words {@code
 *       fuzzy} queries with {@code rewrite: top_terms_boost_20} (Lucene's boost-only top terms:
 *       each matching term scores its similarity), both in a {@code dis_max} with the same tie.
 *   <li>The title-and-artist boost is a {@code function_score} with a filtered {@code weight}; the
 *       popularity factor {@code 1 + 0.0005 × popularity} a {@code function_score} summing a {@code
 *       weight} of 1 and a {@code field_value_factor} (factor 0.0005, missing 0), multiplied into
 *       the score. No scripts.
 * </ul>
 *
 * <p>Where it can differ: with several shards each shard scores BM25 with its own statistics (the
 * boosts above use the whole index's), as for every cluster query; the fields' document counts are
 * counted with {@code exists}, which also counts a value that has no words at all (a title of only
 * punctuation), where Lucene's count does not: a difference in the fifth decimal at most, and none
 * on a catalog without such names. Scores agree to float rounding (the factors are computed in
 * double by OpenSearch, in float by Lucene).
 */
public final class ClusterLookup {
  private ClusterLookup() {}

  private static final Analyzer NAMES = Analyzers.names();
  private static final QuerySyntax SYNTAX = new QuerySyntax(NAMES);

  /** BM25's idf as Lucene computes it, in float. */
  static float idf(long docFreq, long docCount) {
    return (float) Math.log(1 + (docCount - docFreq + 0.5D) / (docFreq + 0.5D));
  }

  /**
   * The best {@code limit} tracks for {@code text}, best first, as {@link TrackLookup#search}.
   *
   * @throws BadQueryException as {@link TrackLookup#search}
   * @throws io.cratedigger.InvalidRequestException when {@code limit} is outside 1..{@value
   *     TrackLookup#MAX_LIMIT}
   */
  public static List<LookupHit> search(ClusterGeneration g, String text, int limit)
      throws IOException {
    TrackLookup.checkLimit(limit);
    String q = TrackLookup.checked(text);
    if (QuerySyntax.isAdvanced(q)) {
      Query parsed = SYNTAX.parse(q);
      return run(g, ClusterSyntax.of(parsed, keywordCounts(g, parsed)), limit);
    }
    List<String> words = TrackLookup.words(NAMES, q);
    boolean typing = TrackLookup.typing(text);
    Stats stats = Stats.of(g, words);
    if (stats.present().isEmpty()) {
      return List.of(); // an empty index
    }
    List<LookupHit> hits = run(g, build(words, typing, false, stats), limit);
    if (hits.isEmpty() && LookupQuery.canRelax(words)) {
      hits = run(g, build(words, typing, true, stats), limit);
    }
    return hits;
  }

  /**
   * What the blended exact term needs to know: the lookup fields with a value in some track ({@link
   * LookupQuery#present}), each with its document count and the words' document frequencies.
   */
  record Stats(Map<String, Long> docCounts, Map<String, Map<String, Long>> docFreqs) {
    /** The lookup fields some track has, in {@link LookupQuery#FIELDS} order. */
    List<String> present() {
      return LookupQuery.FIELDS.stream().filter(f -> docCounts.getOrDefault(f, 0L) > 0).toList();
    }

    long df(String field, String word) {
      return docFreqs.getOrDefault(field, Map.of()).getOrDefault(word, 0L);
    }

    /** The largest document frequency of {@code word} among the present fields. */
    long blendedDf(String word) {
      long max = 0;
      for (String f : present()) {
        max = Math.max(max, df(f, word));
      }
      return max;
    }

    /** Counts everything in one search: a {@code filters} aggregation, no hits. */
    static Stats of(ClusterGeneration g, List<String> words) throws IOException {
      ObjectNode body = ClusterQueries.obj();
      body.put("size", 0);
      body.put("track_total_hits", false);
      ObjectNode filters =
          body.putObject("aggs").putObject("n").putObject("filters").putObject("filters");
      List<String> fields = LookupQuery.FIELDS;
      for (int f = 0; f < fields.size(); f++) {
        filters
            .putObject("n" + f)
            .putObject("exists")
            .put("field", ClusterFields.of(fields.get(f)));
        for (int w = 0; w < words.size(); w++) {
          filters.set(
              "d" + f + "_" + w, ClusterQueries.terms(fields.get(f), List.of(words.get(w))));
        }
      }
      JsonNode buckets = g.search(body).path("aggregations").path("n").path("buckets");
      Map<String, Long> counts = new LinkedHashMap<>();
      Map<String, Map<String, Long>> dfs = new LinkedHashMap<>();
      for (int f = 0; f < fields.size(); f++) {
        counts.put(fields.get(f), buckets.path("n" + f).path("doc_count").asLong());
        Map<String, Long> df = new LinkedHashMap<>();
        for (int w = 0; w < words.size(); w++) {
          df.put(words.get(w), buckets.path("d" + f + "_" + w).path("doc_count").asLong());
        }
        dfs.put(fields.get(f), df);
      }
      return new Stats(counts, dfs);
    }
  }

  /** The document counts of the keyword terms of a parsed query, in one search (none if none). */
  private static ClusterSyntax.Counts keywordCounts(ClusterGeneration g, Query parsed)
      throws IOException {
    List<Term> terms = ClusterSyntax.keywordTerms(parsed);
    Map<String, Long> docCounts = new LinkedHashMap<>();
    Map<Term, Long> docFreqs = new LinkedHashMap<>();
    if (!terms.isEmpty()) {
      ObjectNode body = ClusterQueries.obj();
      body.put("size", 0);
      body.put("track_total_hits", false);
      ObjectNode filters =
          body.putObject("aggs").putObject("n").putObject("filters").putObject("filters");
      for (int i = 0; i < terms.size(); i++) {
        Term t = terms.get(i);
        filters.putObject("n" + i).putObject("exists").put("field", ClusterFields.of(t.field()));
        filters.set("d" + i, ClusterQueries.terms(t.field(), List.of(t.text())));
      }
      JsonNode buckets = g.search(body).path("aggregations").path("n").path("buckets");
      for (int i = 0; i < terms.size(); i++) {
        Term t = terms.get(i);
        docCounts.put(t.field(), buckets.path("n" + i).path("doc_count").asLong());
        docFreqs.put(t, buckets.path("d" + i).path("doc_count").asLong());
      }
    }
    return new ClusterSyntax.Counts() {
      @Override
      public long docFreq(String field, String value) {
        return docFreqs.getOrDefault(new Term(field, value), 0L);
      }

      @Override
      public long docCount(String field) {
        return docCounts.getOrDefault(field, 0L);
      }
    };
  }

  /** {@link LookupQuery}'s query, clause for clause. */
  static ObjectNode build(List<String> words, boolean typing, boolean relaxed, Stats stats) {
    List<String> fields = stats.present();
    String last = words.getLast();
    List<String> required = LookupQuery.required(words);
    ObjectNode must = ClusterQueries.obj();
    ObjectNode mustBool = must.putObject("bool");
    ArrayNode mustClauses = mustBool.putArray(relaxed ? "should" : "must");
    for (String w : required) {
      mustClauses.add(word(w, typing && w.equals(last), fields, stats));
    }
    if (relaxed) {
      mustBool.put("minimum_should_match", required.size() - 1);
    }
    ObjectNode q = ClusterQueries.obj();
    ObjectNode bool = q.putObject("bool");
    bool.putArray("must").add(must);
    ArrayNode should = bool.putArray("should");
    for (String w : words) {
      if (!required.contains(w)) {
        ObjectNode shortWord = word(w, false, fields, stats);
        ((ObjectNode) shortWord.get("bool")).put("boost", LookupQuery.SHORT_WORD_BOOST);
        should.add(shortWord);
      }
    }
    ObjectNode both = ClusterQueries.obj();
    both.putObject("bool")
        .putArray("filter")
        .add(anyWord(Schema.TITLE, words, typing))
        .add(anyWord(Schema.ARTISTS, words, typing));
    ObjectNode boosted = ClusterQueries.obj();
    ObjectNode fs = boosted.putObject("function_score");
    fs.set("query", q);
    ObjectNode function = fs.putArray("functions").addObject();
    function.set("filter", both);
    function.put("weight", LookupQuery.TITLE_AND_ARTIST_BOOST);
    fs.put("boost_mode", "multiply");
    return boosted;
  }

  /** One word: the blended exact term, the prefix and the fuzzy term, their scores added. */
  private static ObjectNode word(String w, boolean typing, List<String> fields, Stats stats) {
    ArrayNode exact = Json.MAPPER.createArrayNode();
    ArrayNode prefix = Json.MAPPER.createArrayNode();
    ArrayNode fuzzy = Json.MAPPER.createArrayNode();
    float prefixBoost = typing ? LookupQuery.PREFIX_LAST_BOOST : LookupQuery.PREFIX_BOOST;
    int edits = LookupQuery.edits(w);
    long blended = stats.blendedDf(w);
    for (String field : fields) {
      String name = ClusterFields.of(field);
      float weight = field.equals(Schema.ALBUM) ? LookupQuery.ALBUM_WEIGHT : 1f;
      long df = stats.df(field, w);
      long n = stats.docCounts().get(field);
      // the cluster scores the field's own idf; this turns it into the blended one
      float blend = df == 0 ? 1f : idf(blended, n) / idf(df, n);
      exact
          .addObject()
          .putObject("term")
          .putObject(name)
          .put("value", w)
          .put("boost", LookupQuery.EXACT_BOOST * weight * blend);
      if (w.length() >= LookupQuery.MIN_PREFIX_LENGTH) {
        prefix
            .addObject()
            .putObject("prefix")
            .putObject(name)
            .put("value", w)
            .put("boost", prefixBoost * weight);
      }
      if (edits > 0 && !field.equals(Schema.ALBUM)) {
        fuzzy
            .addObject()
            .putObject("fuzzy")
            .putObject(name)
            .put("value", w)
            .put("fuzziness", Integer.toString(edits))
            .put("prefix_length", LookupQuery.FUZZY_PREFIX)
            .put("max_expansions", LookupQuery.FUZZY_EXPANSIONS)
            .put("transpositions", true)
            .put("rewrite", "top_terms_boost_" + LookupQuery.FUZZY_EXPANSIONS)
            .put("boost", LookupQuery.FUZZY_BOOST * weight);
      }
    }
    ObjectNode b = ClusterQueries.obj();
    ArrayNode should = b.putObject("bool").putArray("should");
    should.add(disMax(exact));
    if (!prefix.isEmpty()) {
      should.add(disMax(prefix));
    }
    if (!fuzzy.isEmpty()) {
      should.add(disMax(fuzzy));
    }
    return b;
  }

  private static ObjectNode disMax(ArrayNode queries) {
    ObjectNode q = ClusterQueries.obj();
    ObjectNode d = q.putObject("dis_max");
    d.set("queries", queries);
    d.put("tie_breaker", LookupQuery.FIELD_TIE);
    return q;
  }

  /** Tracks with some word exactly in {@code field}, or the word being typed as a prefix there. */
  private static ObjectNode anyWord(String field, List<String> words, boolean typing) {
    String name = ClusterFields.of(field);
    ObjectNode q = ClusterQueries.obj();
    ObjectNode bool = q.putObject("bool");
    ArrayNode should = bool.putArray("should");
    for (String w : words) {
      should.addObject().putObject("term").put(name, w);
    }
    String last = words.getLast();
    if (typing && last.length() >= LookupQuery.MIN_PREFIX_LENGTH) {
      should.addObject().putObject("prefix").put(name, last);
    }
    bool.put("minimum_should_match", 1);
    return q;
  }

  /**
   * Runs a query with the popularity factor, best first and ties by id, and reads the tracks back.
   */
  private static List<LookupHit> run(ClusterGeneration g, ObjectNode query, int limit)
      throws IOException {
    ObjectNode body = ClusterQueries.obj();
    body.put("size", limit);
    body.put("track_total_hits", false);
    body.set("query", withPopularity(query));
    ArrayNode sort = body.putArray("sort");
    sort.addObject().putObject("_score").put("order", "desc");
    sort.addObject().putObject(ClusterFields.ID).put("order", "asc");
    body.putObject("_source").putArray("includes").add(ClusterFields.TRACK);
    JsonNode answer;
    try {
      answer = g.search(body);
    } catch (ClusterException e) {
      if (tooManyClauses(e)) {
        throw new BadQueryException(
            "query expands to too many words; use fewer wildcards and fuzzy~ words");
      }
      throw e;
    }
    List<LookupHit> hits = new ArrayList<>();
    for (JsonNode h : answer.path("hits").path("hits")) {
      float score = (float) h.path("sort").path(0).asDouble();
      hits.add(new LookupHit(ClusterDocuments.fromSource(h.path("_source")), score));
    }
    return hits;
  }

  /** {@code score × (1 + w × popularity / 100)}, 1 for a track without a popularity. */
  static ObjectNode withPopularity(ObjectNode query) {
    ObjectNode q = ClusterQueries.obj();
    ObjectNode fs = q.putObject("function_score");
    fs.set("query", query);
    ArrayNode functions = fs.putArray("functions");
    functions.addObject().put("weight", 1f);
    functions
        .addObject()
        .putObject("field_value_factor")
        .put("field", ClusterFields.POPULARITY)
        .put("factor", TrackLookup.POPULARITY_WEIGHT / 100f)
        .put("modifier", "none")
        .put("missing", 0);
    fs.put("score_mode", "sum");
    fs.put("boost_mode", "multiply");
    return q;
  }

  /** Whether the cluster refused the query for expanding to more clauses than it allows. */
  private static boolean tooManyClauses(ClusterException e) {
    String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    return m.contains("too_many_clauses")
        || m.contains("toomanyclauses")
        || m.contains("too_many_nested_clauses")
        || m.contains("toomanynestedclauses")
        || m.contains("maxclausecount");
  }
}
